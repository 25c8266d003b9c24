import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { Endpoint } from '../common/http/api-docs';
import { UuidParam } from '../common/http/uuid-param';
import { AppealsService } from './appeals.service';
import { AppealView, AuditEntryView, ReportListItem, ReportView } from './dto/report.dto';
import { EditReportDto, FileAppealDto, ListReportsQuery, ReturnReportDto } from './dto/review.dto';
import { ReportViewsService } from './report-views.service';
import { ReviewService } from './review.service';

@ApiTags('field work')
@ApiBearerAuth()
@Controller('visit-reports')
export class VisitReportsController {
  constructor(
    private readonly views: ReportViewsService,
    private readonly review: ReviewService,
    private readonly appeals: AppealsService,
  ) {}

  @Get()
  @Roles('consultant')
  @Endpoint({ operationId: 'listVisitReports', summary: 'The review queue', errors: [400, 403] })
  @ApiOkResponse({ type: [ReportListItem] })
  list(@Query() query: ListReportsQuery): Promise<ReportListItem[]> {
    return this.views.list(query);
  }

  @Get(':id')
  @Endpoint({
    operationId: 'getVisitReport',
    summary: 'A report: consultants; the shopper who wrote it; client users once approved, without shopper identity',
    errors: [400, 403, 404],
  })
  @ApiOkResponse({ type: ReportView })
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<ReportView> {
    return this.views.get(user, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('consultant')
  @Endpoint({
    operationId: 'approveVisitReport',
    summary: 'Approve a submitted report: it then counts in the KPIs',
    errors: [400, 403, 404, 409],
  })
  @ApiOkResponse({ type: ReportView })
  approve(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<ReportView> {
    return this.review.approve(user, id);
  }

  @Post(':id/return')
  @HttpCode(200)
  @Roles('consultant')
  @Endpoint({
    operationId: 'returnVisitReport',
    summary: 'Return to the shopper for correction; they may then submit again',
    errors: [400, 403, 404, 409],
  })
  @ApiOkResponse({ type: ReportView })
  returnReport(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: ReturnReportDto): Promise<ReportView> {
    return this.review.return(user, id, dto);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @Roles('consultant')
  @Endpoint({
    operationId: 'reopenVisitReport',
    summary: 'Reopen an approved visit: back to the shopper for correction (returned); its fee is reversed until it is approved again',
    errors: [400, 403, 404, 409],
  })
  @ApiOkResponse({ type: ReportView })
  reopenReport(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: ReturnReportDto): Promise<ReportView> {
    return this.review.reopen(user, id, dto);
  }

  @Patch(':id')
  @Roles('consultant')
  @Endpoint({
    operationId: 'editVisitReport',
    summary: 'Correct answers (audited); re-validated and re-scored; a stale version is 409',
    errors: [400, 403, 404, 409, 422],
  })
  @ApiOkResponse({ type: ReportView })
  edit(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: EditReportDto): Promise<ReportView> {
    return this.review.edit(user, id, dto);
  }

  @Get(':id/audit')
  @Roles('consultant')
  @Endpoint({
    operationId: 'listVisitReportAudit',
    summary: 'Every change made to a report by reviewers, oldest first',
    errors: [400, 403, 404],
  })
  @ApiOkResponse({ type: [AuditEntryView] })
  audit(@UuidParam('id') id: string): Promise<AuditEntryView[]> {
    return this.views.audit(id);
  }

  @Post(':id/appeals')
  @HttpCode(201)
  @Roles('client')
  @Endpoint({
    operationId: 'fileAppeal',
    summary: 'A client disputes an approved visit of its own (or one answer of it)',
    description: 'One open appeal per visit and question at a time (409 otherwise); an unknown question is a 422.',
    errors: [400, 403, 404, 409, 422],
  })
  @ApiCreatedResponse({ type: AppealView })
  fileAppeal(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: FileAppealDto): Promise<AppealView> {
    return this.appeals.file(user, id, dto);
  }
}
