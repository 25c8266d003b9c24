import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { ApiFileResponse, Endpoint } from '../common/http/api-docs';
import { UuidParam } from '../common/http/uuid-param';
import { ReportQueryDto } from './dto/report-query.dto';
import { ExportsService } from './exports.service';
import { attachmentHeaders, PDF_CONTENT_TYPE, XLSX_CONTENT_TYPE } from './format';

const ACCESS =
  'Consultants and admins: any campaign (includeUnapproved=true previews submitted visits). Client users: their own ' +
  'client’s campaigns, approved visits only, no shopper data (another client’s campaign is 404). Shoppers: 403. ' +
  'Accepts the filters of GET /campaigns/:id/kpis; lang defaults to the questionnaire’s language.';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('campaigns')
@Roles('admin', 'consultant', 'client')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get(':id/report.pdf')
  @Endpoint({
    operationId: 'downloadCampaignReportPdf',
    summary: 'Campaign report as PDF (docs/domain.md §6)',
    description: ACCESS,
    errors: [400, 403, 404],
  })
  @ApiFileResponse(PDF_CONTENT_TYPE, 'The PDF, as an attachment named after the campaign and today’s date')
  async pdf(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Query() query: ReportQueryDto,
    @Res() response: FastifyReply,
  ): Promise<void> {
    const { fileName, body } = await this.exports.pdf(user, id, query);
    void response
      .status(200)
      .headers(attachmentHeaders(PDF_CONTENT_TYPE, fileName, body.length))
      .send(body);
  }

  @Get(':id/report.xlsx')
  @Endpoint({
    operationId: 'downloadCampaignReportXlsx',
    summary: 'Campaign report as an Excel workbook, streamed (docs/domain.md §6)',
    description: ACCESS,
    errors: [400, 403, 404],
  })
  @ApiFileResponse(XLSX_CONTENT_TYPE, 'The workbook, as an attachment named after the campaign and today’s date')
  xlsx(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Query() query: ReportQueryDto,
    @Res() response: FastifyReply,
  ): Promise<void> {
    return this.exports.xlsx(user, id, query, response);
  }
}
