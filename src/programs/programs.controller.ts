import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import {
  ActionView,
  CreateActionDto,
  CreateProgramDto,
  CreateWaveDto,
  ListProgramsQuery,
  ProgramKpiQueryDto,
  ProgramView,
  UpdateActionDto,
  UpdateProgramDto,
  UpdateWaveDto,
  WaveView,
} from './dto/program.dto';
import type { ProgramModel } from './program-model';
import { ProgramModelService } from './program-model.service';
import { ProgramsService } from './programs.service';

const uuid = () => new ParseUUIDPipe({ version: undefined });
const READERS = 'Consultants and admins: any program. Client users: their own client’s programs only (another client’s is 404).';

@ApiTags('programs')
@ApiBearerAuth()
@Controller('programs')
@Roles('admin', 'consultant', 'client')
export class ProgramsController {
  constructor(
    private readonly programs: ProgramsService,
    private readonly models: ProgramModelService,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('admin', 'consultant')
  @ApiOperation({ summary: 'Create a program of one client (DOMAIN.md §5b)', description: 'An unknown client is a 422 naming clientId.' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateProgramDto): Promise<ProgramView> {
    return this.programs.create(user, dto);
  }

  @Get()
  @ApiOperation({ summary: 'List programs', description: READERS })
  list(@CurrentUser() user: AuthUser, @Query() query: ListProgramsQuery): Promise<ProgramView[]> {
    return this.programs.list(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read a program', description: READERS })
  get(@CurrentUser() user: AuthUser, @Param('id', uuid()) id: string): Promise<ProgramView> {
    return this.programs.get(user, id);
  }

  @Patch(':id')
  @Roles('admin', 'consultant')
  @ApiOperation({ summary: 'Rename a program or change its consultant-defined measures' })
  update(@CurrentUser() user: AuthUser, @Param('id', uuid()) id: string, @Body() dto: UpdateProgramDto): Promise<ProgramView> {
    return this.programs.update(user, id, dto);
  }

  @Post(':id/waves')
  @HttpCode(201)
  @Roles('admin', 'consultant')
  @ApiOperation({
    summary: 'Add a wave: campaigns of the program’s client, any questionnaires and channels',
    description: 'A campaign of another client (or none) is a 422 naming campaignIds[i]; previousWaveId must be a wave of this program.',
  })
  createWave(@CurrentUser() user: AuthUser, @Param('id', uuid()) id: string, @Body() dto: CreateWaveDto): Promise<WaveView> {
    return this.programs.createWave(user, id, dto);
  }

  @Get(':id/waves')
  @ApiOperation({ summary: 'The program’s waves, oldest first', description: READERS })
  listWaves(@CurrentUser() user: AuthUser, @Param('id', uuid()) id: string): Promise<WaveView[]> {
    return this.programs.listWaves(user, id);
  }

  @Get(':id/waves/:waveId')
  @ApiOperation({ summary: 'Read a wave', description: READERS })
  getWave(@CurrentUser() user: AuthUser, @Param('id', uuid()) id: string, @Param('waveId', uuid()) waveId: string): Promise<WaveView> {
    return this.programs.getWave(user, id, waveId);
  }

  @Patch(':id/waves/:waveId')
  @Roles('admin', 'consultant')
  @ApiOperation({ summary: 'Rename a wave, change its campaigns or its previous wave (null removes it)' })
  updateWave(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid()) id: string,
    @Param('waveId', uuid()) waveId: string,
    @Body() dto: UpdateWaveDto,
  ): Promise<WaveView> {
    return this.programs.updateWave(user, id, waveId, dto);
  }

  @Get(':id/waves/:waveId/kpis')
  @ApiOperation({
    summary: 'The program model of a wave (DOMAIN.md §5b): channels, common measures, consistency, priorities, action results',
    description: `${READERS} Client users count approved visits only; consultants may add includeUnapproved=true.`,
  })
  @ApiOkResponse({ description: 'The program model (see src/programs/program-model.ts)' })
  kpis(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid()) id: string,
    @Param('waveId', uuid()) waveId: string,
    @Query() query: ProgramKpiQueryDto,
  ): Promise<ProgramModel> {
    return this.models.buildModel(user, id, waveId, query.toProgramFilters());
  }

  @Post(':id/actions')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Add an action-plan item answering a wave’s results',
    description: `${READERS} Consultants and the client’s users may write the plan. measureKey must be a measure of the wave; touchpointIds the client’s.`,
  })
  createAction(@CurrentUser() user: AuthUser, @Param('id', uuid()) id: string, @Body() dto: CreateActionDto): Promise<ActionView> {
    return this.programs.createAction(user, id, dto);
  }

  @Get(':id/actions')
  @ApiOperation({ summary: 'The program’s action plan, oldest first', description: READERS })
  listActions(@CurrentUser() user: AuthUser, @Param('id', uuid()) id: string): Promise<ActionView[]> {
    return this.programs.listActions(user, id);
  }

  @Patch(':id/actions/:actionId')
  @ApiOperation({ summary: 'Change an action-plan item (its state, owner, due date, targets, note)', description: READERS })
  updateAction(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid()) id: string,
    @Param('actionId', uuid()) actionId: string,
    @Body() dto: UpdateActionDto,
  ): Promise<ActionView> {
    return this.programs.updateAction(user, id, actionId, dto);
  }
}
