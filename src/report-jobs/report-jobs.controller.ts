import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { ApiFileResponse, Endpoint } from '../common/http/api-docs';
import { UuidParam } from '../common/http/uuid-param';
import { attachmentHeaders, PDF_CONTENT_TYPE, XLSX_CONTENT_TYPE } from '../exports/format';
import { CreateReportJobDto, ReportJobView } from './dto/report-job.dto';
import { ReportJobsService } from './report-jobs.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller()
@Roles('admin', 'consultant', 'client')
export class ReportJobsController {
  constructor(private readonly reportJobs: ReportJobsService) {}

  @Post('campaigns/:id/report-jobs')
  @HttpCode(202)
  @Endpoint({
    operationId: 'createReportJob',
    summary: 'Build a campaign report (PDF or Excel) in the background',
    description:
      'Who may: as for GET /campaigns/:id/report.pdf. A file already built for the same campaign, format, language, filters ' +
      'and data (no visit submitted, approved, edited or reopened since) is reused: the job is done at once (fromCache). ' +
      'Files are kept REPORT_RETENTION_HOURS (24 by default).',
    errors: [400, 403, 404],
  })
  @ApiAcceptedResponse({ type: ReportJobView })
  create(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: CreateReportJobDto): Promise<ReportJobView> {
    return this.reportJobs.create(user, id, dto);
  }

  @Get('report-jobs/:id')
  @Endpoint({
    operationId: 'getReportJob',
    summary: 'A report job’s state and progress (only the user who started it sees it; anyone else gets a 404)',
    errors: [400, 404],
  })
  @ApiOkResponse({ type: ReportJobView })
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<ReportJobView> {
    return this.reportJobs.view(user, id);
  }

  @Get('report-jobs/:id/download')
  @Endpoint({
    operationId: 'downloadReportJob',
    summary: 'The file of a finished report job, from any instance',
    description: 'A job not done yet (or failed) is a 409 REPORT_NOT_READY; a file past its retention a 409 REPORT_EXPIRED.',
    errors: [400, 404, 409],
  })
  @ApiFileResponse([PDF_CONTENT_TYPE, XLSX_CONTENT_TYPE], 'The report, as an attachment named after the campaign and the day it was built')
  async download(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Res() response: FastifyReply): Promise<void> {
    const { fileName, contentType, file } = await this.reportJobs.download(user, id);
    // Fastify pipes the file and ends the connection if it fails mid-way (never a short file that looks whole).
    await response
      .status(200)
      .headers(attachmentHeaders(contentType, fileName, file.size))
      .send(file.stream);
  }
}
