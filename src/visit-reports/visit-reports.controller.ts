import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { AppealsService } from './appeals.service';
import { AppealView, AuditEntryView, ReportListItem, ReportView } from './dto/report.dto';
import { EditReportDto, FileAppealDto, ListReportsQuery, ReturnReportDto } from './dto/review.dto';
import { ReportViewsService } from './report-views.service';
import { ReviewService } from './review.service';

const uuid = new ParseUUIDPipe({ version: undefined });

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
  @ApiOperation({ summary: 'The review queue' })
  @ApiOkResponse({ type: [ReportListItem] })
  list(@Query() query: ListReportsQuery): Promise<ReportListItem[]> {
    return this.views.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A report: consultants; the shopper who wrote it; client users once approved, without shopper identity' })
  @ApiOkResponse({ type: ReportView })
  get(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<ReportView> {
    return this.views.get(user, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('consultant')
  @ApiOkResponse({ type: ReportView })
  approve(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<ReportView> {
    return this.review.approve(user, id);
  }

  @Post(':id/return')
  @HttpCode(200)
  @Roles('consultant')
  @ApiOperation({ summary: 'Return to the shopper for correction; they may then submit again' })
  @ApiOkResponse({ type: ReportView })
  returnReport(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() dto: ReturnReportDto): Promise<ReportView> {
    return this.review.return(user, id, dto);
  }

  @Patch(':id')
  @Roles('consultant')
  @ApiOperation({ summary: 'Correct answers (audited); re-validated and re-scored; a stale version is 409' })
  @ApiOkResponse({ type: ReportView })
  edit(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() dto: EditReportDto): Promise<ReportView> {
    return this.review.edit(user, id, dto);
  }

  @Get(':id/audit')
  @Roles('consultant')
  @ApiOkResponse({ type: [AuditEntryView] })
  audit(@Param('id', uuid) id: string): Promise<AuditEntryView[]> {
    return this.views.audit(id);
  }

  @Post(':id/appeals')
  @HttpCode(201)
  @Roles('client')
  @ApiOperation({ summary: 'A client disputes an approved visit of its own (or one answer of it)' })
  @ApiCreatedResponse({ type: AppealView })
  fileAppeal(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() dto: FileAppealDto): Promise<AppealView> {
    return this.appeals.file(user, id, dto);
  }
}
