import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { NestedDto, NotBlank } from '../../common/http/validation';
import type { Channel, Dimension } from '../../questionnaires/domain/definition';
import type { CampaignStatus } from '../campaign.entity';
import { PageQuery } from '../../common/http/paging';
import { MAX_CAMPAIGN_DAYS } from '../domain/campaign-period';
import { MAX_VISITS_PER_TOUCHPOINT } from '../domain/campaign-rules';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const KEY = /^[a-z0-9_]+$/i;

export class ScenarioDto {
  @ApiProperty({ example: 'credit_card_cost' })
  @IsString()
  @MaxLength(100)
  @Matches(KEY, { message: 'key may contain only letters, digits and underscores' })
  key: string;
  @ApiProperty({ example: 'Ask for the cost of a credit card' }) @IsString() @IsNotEmpty() @MaxLength(300) title: string;
  @ApiProperty({ description: 'The script the shopper plays' }) @IsString() @MaxLength(5000) brief: string;
}

const seconds = () => ApiPropertyOptional({ minimum: 1, description: 'Target in seconds' });
/** Per-channel SLA targets in seconds (wait time on synchronous channels, response time on the others). */
export class SlaSecondsDto {
  @seconds() @IsOptional() @IsNumber() @Min(1) in_person?: number;
  @seconds() @IsOptional() @IsNumber() @Min(1) phone?: number;
  @seconds() @IsOptional() @IsNumber() @Min(1) email?: number;
  @seconds() @IsOptional() @IsNumber() @Min(1) web_chat?: number;
  @seconds() @IsOptional() @IsNumber() @Min(1) whatsapp?: number;
  @seconds() @IsOptional() @IsNumber() @Min(1) facebook?: number;
  @seconds() @IsOptional() @IsNumber() @Min(1) twitter?: number;
  @seconds() @IsOptional() @IsNumber() @Min(1) instagram?: number;
  @seconds() @IsOptional() @IsNumber() @Min(1) app?: number;
}

const percent = () => ApiPropertyOptional({ minimum: 0, maximum: 100 });
/** KPI targets in percent: overall score, FCR rate, or a dimension's score. */
export class TargetsDto {
  @percent() @IsOptional() @IsNumber() @Min(0) @Max(100) overall?: number;
  @percent() @IsOptional() @IsNumber() @Min(0) @Max(100) fcr?: number;
  @percent() @IsOptional() @IsNumber() @Min(0) @Max(100) speed?: number;
  @percent() @IsOptional() @IsNumber() @Min(0) @Max(100) protocol?: number;
  @percent() @IsOptional() @IsNumber() @Min(0) @Max(100) empathy?: number;
  @percent() @IsOptional() @IsNumber() @Min(0) @Max(100) knowledge?: number;
  @percent() @IsOptional() @IsNumber() @Min(0) @Max(100) resolution?: number;
  @percent() @IsOptional() @IsNumber() @Min(0) @Max(100) data_security?: number;
  @percent() @IsOptional() @IsNumber() @Min(0) @Max(100) writing?: number;
  @percent() @IsOptional() @IsNumber() @Min(0) @Max(100) appearance?: number;
  @percent() @IsOptional() @IsNumber() @Min(0) @Max(100) sales?: number;
}

const cents = () => ApiPropertyOptional({ minimum: 0, description: 'Bonus in integer cents of the consultancy currency (CURRENCY)' });
/** Per-channel bonus added to the visit fee of an approved visit on that channel, in integer cents. */
export class ChannelBonusCentsDto {
  @cents() @IsOptional() @IsInt() @Min(0) @Max(10_000_000) in_person?: number;
  @cents() @IsOptional() @IsInt() @Min(0) @Max(10_000_000) phone?: number;
  @cents() @IsOptional() @IsInt() @Min(0) @Max(10_000_000) email?: number;
  @cents() @IsOptional() @IsInt() @Min(0) @Max(10_000_000) web_chat?: number;
  @cents() @IsOptional() @IsInt() @Min(0) @Max(10_000_000) whatsapp?: number;
  @cents() @IsOptional() @IsInt() @Min(0) @Max(10_000_000) facebook?: number;
  @cents() @IsOptional() @IsInt() @Min(0) @Max(10_000_000) twitter?: number;
  @cents() @IsOptional() @IsInt() @Min(0) @Max(10_000_000) instagram?: number;
  @cents() @IsOptional() @IsInt() @Min(0) @Max(10_000_000) app?: number;
}

/** True when A's fields are exactly B; used below so a new channel or dimension cannot be forgotten here. */
type SameKeys<A, B> = [Exclude<keyof A, B>, Exclude<B, keyof A>] extends [never, never] ? true : false;
export const SLA_FIELDS_MATCH_CHANNELS: SameKeys<SlaSecondsDto, Channel> = true;
export const BONUS_FIELDS_MATCH_CHANNELS: SameKeys<ChannelBonusCentsDto, Channel> = true;
export const TARGET_FIELDS_MATCH_DIMENSIONS: SameKeys<TargetsDto, Dimension | 'overall' | 'fcr'> = true;

export class CreateCampaignDto {
  @ApiProperty() @IsUUID() clientId: string;
  @ApiProperty({ description: 'A published questionnaire version' }) @IsUUID() questionnaireId: string;
  @ApiProperty({ example: 'Oleada 1 – 2026' }) @IsString() @NotBlank() @MaxLength(300) name: string;
  @ApiProperty({ example: '2026-03-01', description: 'First day (YYYY-MM-DD)' })
  @Matches(DATE, { message: 'startsOn must be a date YYYY-MM-DD' })
  startsOn: string;
  @ApiProperty({ example: '2026-03-31', description: `Last day, inclusive (YYYY-MM-DD); the period is at most ${MAX_CAMPAIGN_DAYS} days` })
  @Matches(DATE, { message: 'endsOn must be a date YYYY-MM-DD' })
  endsOn: string;
  @ApiProperty({ type: [String], description: "Touchpoints in scope, all of the campaign's client" })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  touchpointIds: string[];
  @ApiPropertyOptional({ type: [ScenarioDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @NestedDto(() => ScenarioDto, { each: true })
  scenarios?: ScenarioDto[];
  @ApiProperty({ minimum: 1, maximum: MAX_VISITS_PER_TOUCHPOINT, description: 'Visits planned per touchpoint over the period' })
  @IsInt()
  @Min(1)
  @Max(MAX_VISITS_PER_TOUCHPOINT, { message: `visitsPerTouchpoint must be at most ${MAX_VISITS_PER_TOUCHPOINT}` })
  visitsPerTouchpoint: number;
  @ApiPropertyOptional({ type: SlaSecondsDto, description: '{<channel>: seconds}' })
  @IsOptional()
  @NestedDto(() => SlaSecondsDto)
  slaSeconds?: SlaSecondsDto;
  @ApiPropertyOptional({ type: TargetsDto, description: '{overall?, fcr?, <dimension>?} in percent' })
  @IsOptional()
  @NestedDto(() => TargetsDto)
  targets?: TargetsDto;
  @ApiPropertyOptional({ description: 'An earlier wave of the same client, for trends' })
  @IsOptional()
  @IsUUID()
  previousCampaignId?: string;
  @ApiPropertyOptional({ description: 'Seed of the visit plan (random when absent); the same seed gives the same plan' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  seed?: string;
  @ApiPropertyOptional({ minimum: 0, description: 'Fee paid to the shopper per approved visit' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(99_999_999)
  visitFee?: number;
  @ApiPropertyOptional({
    type: ChannelBonusCentsDto,
    description: '{<channel>: cents} added to the visit fee of an approved visit on that channel',
  })
  @IsOptional()
  @NestedDto(() => ChannelBonusCentsDto)
  channelBonusCents?: ChannelBonusCentsDto;
  @ApiPropertyOptional({ minimum: 0, description: 'Days after closing when employee data and evidence are purged' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(36500)
  retentionDays?: number;
}

export const CAMPAIGN_STATUSES: CampaignStatus[] = ['draft', 'active', 'closed', 'cancelled'];

/**
 * PATCH /campaigns/:id: on a draft, any of the create fields (the result is validated like a new
 * campaign); on an active campaign only endsOn, moved later (an extension). Always the version read.
 */
export class UpdateCampaignDto extends PartialType(OmitType(CreateCampaignDto, ['seed'] as const)) {
  @ApiProperty({ minimum: 1, description: 'The version read (GET); a stale one is a 409 STALE_VERSION', example: 1 })
  @IsInt()
  @Min(1)
  version: number;
}

export class CancelledCampaignView {
  @ApiProperty({ enum: ['cancelled'] }) status: 'cancelled';
  @ApiProperty({ description: 'Open and assigned jobs cancelled; submitted, returned and approved work is kept' })
  assignmentsCancelled: number;
}

export class ListCampaignsQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() clientId?: string;
  @ApiPropertyOptional({ enum: CAMPAIGN_STATUSES }) @IsOptional() @IsIn(CAMPAIGN_STATUSES) status?: CampaignStatus;
}

export class ScenarioView {
  @ApiProperty() key: string;
  @ApiProperty() title: string;
  @ApiProperty() brief: string;
}

export class CampaignView {
  @ApiProperty() id: string;
  @ApiProperty() clientId: string;
  @ApiProperty() questionnaireId: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '2026-03-01' }) startsOn: string;
  @ApiProperty({ example: '2026-03-31' }) endsOn: string;
  @ApiProperty({ enum: CAMPAIGN_STATUSES }) status: CampaignStatus;
  @ApiProperty() visitsPerTouchpoint: number;
  @ApiProperty({ type: [String] }) touchpointIds: string[];
  @ApiProperty({ type: [ScenarioView] }) scenarios: ScenarioView[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, example: { phone: 60 } })
  slaSeconds: Record<string, number>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, example: { overall: 85 } })
  targets: Record<string, number>;
  @ApiProperty({ nullable: true, type: String }) previousCampaignId: string | null;
  @ApiPropertyOptional({ description: 'Staff only: the plan seed (it would reveal planned visit dates)' }) seed?: string;
  @ApiPropertyOptional({ description: 'Staff only' }) visitFee?: number;
  @ApiPropertyOptional({ description: 'Staff only: {<channel>: bonus cents}', type: 'object', additionalProperties: { type: 'integer' } })
  channelBonusCents?: Record<string, number>;
  @ApiProperty({ description: 'Optimistic-lock version: send it back with an edit' }) version: number;
  @ApiProperty({ nullable: true, type: Date }) cancelledAt: Date | null;
  @ApiProperty({ nullable: true, type: Number }) retentionDays: number | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ nullable: true, type: Date }) activatedAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) closedAt: Date | null;
}

export class ActivatedCampaignView extends CampaignView {
  @ApiProperty({ description: 'Assignments created by this activation' }) assignmentsCreated: number;
}
