import { Body, Controller, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { ApiFileResponse, Endpoint } from '../common/http/api-docs';
import { UuidParam } from '../common/http/uuid-param';
import { attachmentHeaders, PDF_CONTENT_TYPE, XLSX_CONTENT_TYPE } from '../exports/format';
import {
  ActionView,
  CreateActionDto,
  CreateProgramDto,
  CreateWaveDto,
  ListProgramsQuery,
  ProgramKpiQueryDto,
  ProgramReportQueryDto,
  ProgramView,
  UpdateActionDto,
  UpdateProgramDto,
  UpdateWaveDto,
  WaveView,
} from './dto/program.dto';
import { ActionResponse, ProgramModelResponse, ProgramResponse, WaveResponse } from './dto/program-response';
import type { ProgramModel } from './program-model';
import { ProgramModelService } from './program-model.service';
import { ProgramsService } from './programs.service';
import { ProgramReport, ProgramReportsService } from './program-reports.service';

const READERS = 'Consultants and admins: any program. Client users: their own client’s programs only (another client’s is 404).';

@ApiTags('programs')
@ApiBearerAuth()
@Controller('programs')
@Roles('admin', 'consultant', 'client')
export class ProgramsController {
  constructor(
    private readonly programs: ProgramsService,
    private readonly models: ProgramModelService,
    private readonly reports: ProgramReportsService,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('admin', 'consultant')
  @Endpoint({
    operationId: 'createProgram',
    errors: [400, 403, 422],
    summary: 'Create a program of one client (docs/kpis.md §5b)',
    description: 'An unknown client is a 422 naming clientId.',
  })
  @ApiCreatedResponse({ type: ProgramResponse })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateProgramDto): Promise<ProgramView> {
    return this.programs.create(user, dto);
  }

  @Get()
  @Endpoint({ operationId: 'listPrograms', errors: [400, 403], summary: 'List programs', description: READERS })
  @ApiOkResponse({ type: [ProgramResponse] })
  list(@CurrentUser() user: AuthUser, @Query() query: ListProgramsQuery): Promise<ProgramView[]> {
    return this.programs.list(user, query);
  }

  @Get(':id')
  @Endpoint({ operationId: 'getProgram', errors: [400, 403, 404], summary: 'Read a program', description: READERS })
  @ApiOkResponse({ type: ProgramResponse })
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<ProgramView> {
    return this.programs.get(user, id);
  }

  @Patch(':id')
  @Roles('admin', 'consultant')
  @Endpoint({
    operationId: 'updateProgram',
    errors: [400, 403, 404, 422],
    summary: 'Rename a program or change its consultant-defined measures',
  })
  @ApiOkResponse({ type: ProgramResponse })
  update(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: UpdateProgramDto): Promise<ProgramView> {
    return this.programs.update(user, id, dto);
  }

  @Post(':id/waves')
  @HttpCode(201)
  @Roles('admin', 'consultant')
  @Endpoint({
    operationId: 'createProgramWave',
    errors: [400, 403, 404, 422],
    summary: 'Add a wave: campaigns of the program’s client, any questionnaires and channels',
    description: 'A campaign of another client (or none) is a 422 naming campaignIds[i]; previousWaveId must be a wave of this program.',
  })
  @ApiCreatedResponse({ type: WaveResponse })
  createWave(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: CreateWaveDto): Promise<WaveView> {
    return this.programs.createWave(user, id, dto);
  }

  @Get(':id/waves')
  @Endpoint({
    operationId: 'listProgramWaves',
    errors: [400, 403, 404],
    summary: 'The program’s waves, oldest first',
    description: READERS,
  })
  @ApiOkResponse({ type: [WaveResponse] })
  listWaves(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<WaveView[]> {
    return this.programs.listWaves(user, id);
  }

  @Get(':id/waves/:waveId')
  @Endpoint({ operationId: 'getProgramWave', errors: [400, 403, 404], summary: 'Read a wave', description: READERS })
  @ApiOkResponse({ type: WaveResponse })
  getWave(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @UuidParam('waveId') waveId: string): Promise<WaveView> {
    return this.programs.getWave(user, id, waveId);
  }

  @Patch(':id/waves/:waveId')
  @Roles('admin', 'consultant')
  @Endpoint({
    operationId: 'updateProgramWave',
    errors: [400, 403, 404, 422],
    summary: 'Rename a wave, change its campaigns or its previous wave (null removes it)',
  })
  @ApiOkResponse({ type: WaveResponse })
  updateWave(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @UuidParam('waveId') waveId: string,
    @Body() dto: UpdateWaveDto,
  ): Promise<WaveView> {
    return this.programs.updateWave(user, id, waveId, dto);
  }

  @Get(':id/waves/:waveId/kpis')
  @Endpoint({
    operationId: 'getProgramWaveKpis',
    errors: [400, 403, 404],
    summary: 'The program model of a wave (docs/kpis.md §5b): channels, common measures, consistency, priorities, action results',
    description: `${READERS} Client users count approved visits only; consultants may add includeUnapproved=true.`,
  })
  @ApiOkResponse({ type: ProgramModelResponse })
  kpis(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @UuidParam('waveId') waveId: string,
    @Query() query: ProgramKpiQueryDto,
  ): Promise<ProgramModel> {
    return this.models.buildModel(user, id, waveId, query.toProgramFilters());
  }

  @Get(':id/waves/:waveId/report.pdf')
  @Endpoint({
    operationId: 'getProgramWaveReportPdf',
    errors: [400, 403, 404],
    summary: 'The omnichannel report of a wave as PDF (Informe omnicanal)',
    description: `${READERS} Accepts the filters of the program model; lang defaults to the first questionnaire’s language.`,
  })
  @ApiFileResponse(PDF_CONTENT_TYPE, 'The PDF, as an attachment named after the program, the wave and today’s date')
  async pdf(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @UuidParam('waveId') waveId: string,
    @Query() query: ProgramReportQueryDto,
    @Res() response: FastifyReply,
  ): Promise<void> {
    send(response, await this.reports.pdf(user, id, waveId, query.toProgramFilters(), query.lang));
  }

  @Get(':id/waves/:waveId/report.xlsx')
  @Endpoint({
    operationId: 'getProgramWaveReportXlsx',
    errors: [400, 403, 404],
    summary: 'The omnichannel report of a wave as an Excel workbook',
    description: `${READERS} Accepts the filters of the program model; lang defaults to the first questionnaire’s language.`,
  })
  @ApiFileResponse(XLSX_CONTENT_TYPE, 'The workbook, as an attachment named after the program, the wave and today’s date')
  async xlsx(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @UuidParam('waveId') waveId: string,
    @Query() query: ProgramReportQueryDto,
    @Res() response: FastifyReply,
  ): Promise<void> {
    send(response, await this.reports.xlsx(user, id, waveId, query.toProgramFilters(), query.lang));
  }

  @Post(':id/actions')
  @HttpCode(201)
  @Endpoint({
    operationId: 'createProgramAction',
    errors: [400, 403, 404, 422],
    summary: 'Add an action-plan item answering a wave’s results',
    description: `${READERS} Consultants and the client’s users may write the plan. measureKey must be a measure of the wave; touchpointIds the client’s.`,
  })
  @ApiCreatedResponse({ type: ActionResponse })
  createAction(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: CreateActionDto): Promise<ActionView> {
    return this.programs.createAction(user, id, dto);
  }

  @Get(':id/actions')
  @Endpoint({
    operationId: 'listProgramActions',
    errors: [400, 403, 404],
    summary: 'The program’s action plan, oldest first',
    description: READERS,
  })
  @ApiOkResponse({ type: [ActionResponse] })
  listActions(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<ActionView[]> {
    return this.programs.listActions(user, id);
  }

  @Patch(':id/actions/:actionId')
  @Endpoint({
    operationId: 'updateProgramAction',
    errors: [400, 403, 404, 422],
    summary: 'Change an action-plan item (its state, owner, due date, targets, note)',
    description: READERS,
  })
  @ApiOkResponse({ type: ActionResponse })
  updateAction(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @UuidParam('actionId') actionId: string,
    @Body() dto: UpdateActionDto,
  ): Promise<ActionView> {
    return this.programs.updateAction(user, id, actionId, dto);
  }
}

function send(response: FastifyReply, report: ProgramReport): void {
  void response
    .status(200)
    .headers(attachmentHeaders(report.contentType, report.fileName, report.body.length))
    .send(report.body);
}
