import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { PageQuery } from '../../common/http/paging';
import { NestedDto } from '../../common/http/validation';
import { KpiQueryDto } from '../../kpis/dto/kpi-query.dto';
import { REPORT_LANGUAGES, ReportLanguage } from '../../exports/i18n';
import { Channel, CHANNELS } from '../../questionnaires/domain/definition';
import type { ActionState, ProgramFilters } from '../program-model';

const KEY = /^[a-z0-9_]+$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const ACTION_STATES: ActionState[] = ['open', 'in_progress', 'done', 'cancelled'];

export class MeasureDto {
  @ApiProperty({ example: 'greeting' })
  @IsString()
  @MaxLength(100)
  @Matches(KEY, { message: 'key may contain only letters, digits and underscores' })
  key: string;
  @ApiProperty({ example: 'Greeting and identification' }) @IsString() @IsNotEmpty() @MaxLength(300) title: string;
  @ApiProperty({ type: [String], description: 'Question keys (of any of the wave’s questionnaires) that count as this measure' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  @Matches(KEY, { each: true, message: 'question keys may contain only letters, digits and underscores' })
  questionKeys: string[];
}

export class CreateProgramDto {
  @ApiProperty() @IsUUID() clientId: string;
  @ApiProperty({ example: 'Calidad omnicanal 2026' }) @IsString() @IsNotEmpty() @MaxLength(300) name: string;
  @ApiPropertyOptional({ type: [MeasureDto], description: 'Consultant-defined measures: differently keyed questions counted as one' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @NestedDto(() => MeasureDto, { each: true })
  measures?: MeasureDto[];
}

export class UpdateProgramDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(300) name?: string;
  @ApiPropertyOptional({ type: [MeasureDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @NestedDto(() => MeasureDto, { each: true })
  measures?: MeasureDto[];
}

export class ListProgramsQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() clientId?: string;
}

export class CreateWaveDto {
  @ApiProperty({ example: 'Oleada 2 · 2026' }) @IsString() @IsNotEmpty() @MaxLength(300) name: string;
  @ApiProperty({ type: [String], description: 'Campaigns of the program’s client (any questionnaires and channels)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  campaignIds: string[];
  @ApiPropertyOptional({ description: 'The program’s previous wave, for trends and action-plan results' })
  @IsOptional()
  @IsUUID()
  previousWaveId?: string;
}

export class UpdateWaveDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(300) name?: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  campaignIds?: string[];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'null removes the link' })
  @IsOptional()
  @IsUUID()
  previousWaveId?: string | null;
}

class ActionFieldsDto {
  @ApiPropertyOptional({ type: [String], enum: CHANNELS, description: 'Channels the item targets (none: every channel)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CHANNELS.length)
  @ArrayUnique()
  @IsIn(CHANNELS, { each: true })
  channels?: Channel[];
  @ApiPropertyOptional({ type: [String], description: 'Touchpoints of the client the item targets (none: every touchpoint)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  touchpointIds?: string[];
  @ApiPropertyOptional({ enum: ACTION_STATES, default: 'open' }) @IsOptional() @IsIn(ACTION_STATES) state?: ActionState;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class CreateActionDto extends ActionFieldsDto {
  @ApiProperty({ description: 'A measure of the wave (a shared question key, a dimension, or a consultant-defined measure)' })
  @IsString()
  @MaxLength(100)
  @Matches(KEY, { message: 'measureKey may contain only letters, digits and underscores' })
  measureKey: string;
  @ApiProperty({ example: 'Dirección de Banca a Distancia' }) @IsString() @IsNotEmpty() @MaxLength(200) owner: string;
  @ApiProperty({ example: '2026-06-30' })
  @Matches(DATE, { message: 'dueOn must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'dueOn must be a valid date' })
  dueOn: string;
  @ApiPropertyOptional({
    description: 'The wave whose results the item answers (default: the program’s latest wave); the next wave measures it',
  })
  @IsOptional()
  @IsUUID()
  waveId?: string;
}

export class UpdateActionDto extends ActionFieldsDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(KEY, { message: 'measureKey may contain only letters, digits and underscores' })
  measureKey?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) owner?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(DATE, { message: 'dueOn must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'dueOn must be a valid date' })
  dueOn?: string;
}

/** The filters of GET /programs/:id/waves/:waveId/kpis: the campaign model's that make sense across campaigns. */
export class ProgramKpiQueryDto extends PickType(KpiQueryDto, ['channel', 'region', 'from', 'to', 'includeUnapproved'] as const) {
  toProgramFilters(): ProgramFilters {
    const filters: ProgramFilters = {};
    if (this.channel !== undefined) filters.channel = this.channel;
    if (this.region !== undefined) filters.region = this.region;
    if (this.from !== undefined) filters.from = this.from;
    if (this.to !== undefined) filters.to = this.to;
    if (this.includeUnapproved !== undefined) filters.includeUnapproved = this.includeUnapproved;
    return filters;
  }
}

export class ProgramReportQueryDto extends ProgramKpiQueryDto {
  @ApiPropertyOptional({ enum: REPORT_LANGUAGES, description: 'Defaults to the language of the wave’s first questionnaire' })
  @IsOptional()
  @IsIn(REPORT_LANGUAGES)
  lang?: ReportLanguage;
}

export interface ProgramView {
  id: string;
  clientId: string;
  name: string;
  measures: Array<{ key: string; title: string; questionKeys: string[] }>;
  createdAt: string;
  updatedAt: string;
}

export interface WaveView {
  id: string;
  programId: string;
  name: string;
  campaignIds: string[];
  previousWaveId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ActionView {
  id: string;
  programId: string;
  waveId: string;
  measureKey: string;
  channels: Channel[];
  touchpointIds: string[];
  owner: string;
  dueOn: string;
  state: ActionState;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}
