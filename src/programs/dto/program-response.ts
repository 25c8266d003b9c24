// The OpenAPI schemas of the programs routes' answers (/docs and the web client's generated types).
// The answers themselves are typed by the interfaces in program.dto.ts and program-model.ts; the
// SAME_SHAPE checks at the bottom fail to compile when a class here and its interface part ways.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { KeyedWaveComparison, KpiConsistency, KpiTheme, WaveComparison } from '../../kpis/kpi-model';
import { CHANNELS, type Channel } from '../../questionnaires/domain/definition';
import type { MeasureKind } from '../domain/measures';
import type { SignificanceTest } from '../domain/program-statistics';
import type { ActionState, ProgramModel } from '../program-model';
import type { ActionView, ProgramView, WaveView } from './program.dto';

const ACTION_STATES: ActionState[] = ['open', 'in_progress', 'done', 'cancelled'];
const MEASURE_KINDS: MeasureKind[] = ['custom', 'question', 'dimension'];
const TEST_NAMES: Array<SignificanceTest['name']> = ['chi_square', 'welch_anova', 'two_proportion_z', 'welch_t'];
const nullableNumber = (description?: string) => ApiProperty({ type: Number, nullable: true, description });
const ci95 = () =>
  ApiProperty({ type: [Number], nullable: true, minItems: 2, maxItems: 2, description: '95 % confidence interval [low, high]' });

export class ProgramMeasureView {
  @ApiProperty() key: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: [String] }) questionKeys: string[];
}

export class ProgramResponse implements ProgramView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [ProgramMeasureView] }) measures: ProgramMeasureView[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class WaveResponse implements WaveView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [String] }) campaignIds: string[];
  @ApiProperty({ type: String, nullable: true }) previousWaveId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ActionResponse implements ActionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programId: string;
  @ApiProperty({ format: 'uuid' }) waveId: string;
  @ApiProperty() measureKey: string;
  @ApiProperty({ enum: CHANNELS, isArray: true }) channels: Channel[];
  @ApiProperty({ type: [String] }) touchpointIds: string[];
  @ApiProperty() owner: string;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiProperty({ enum: ACTION_STATES }) state: ActionState;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class SignificanceTestView implements SignificanceTest {
  @ApiProperty({ enum: TEST_NAMES }) name: SignificanceTest['name'];
  @ApiProperty() statistic: number;
  @ApiProperty() pValue: number;
  @ApiProperty() significant: boolean;
  @ApiPropertyOptional({ type: [Number], description: 'Degrees of freedom: one for chi-square, two for Welch’s F' }) df?: number[];
  @ApiPropertyOptional({ description: 'Set when the approximation is weak (some expected count under 5)' }) note?: string;
}

class ProgramFiltersView {
  @ApiPropertyOptional({ enum: CHANNELS }) channel?: Channel;
  @ApiPropertyOptional() region?: string;
  @ApiPropertyOptional({ format: 'date' }) from?: string;
  @ApiPropertyOptional({ format: 'date' }) to?: string;
  @ApiPropertyOptional() includeUnapproved?: boolean;
}

class ProgramRefView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty() clientName: string;
}

class WaveRefView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) previousWaveId: string | null;
  @ApiProperty({ type: String, nullable: true }) previousWaveName: string | null;
}

class ProgramOverallView {
  @nullableNumber() mean: number | null;
  @ApiProperty() n: number;
  @ci95() ci95: [number, number] | null;
}

class ProgramChannelView extends ProgramOverallView {
  @ApiProperty({ enum: CHANNELS }) channel: Channel;
  @ApiProperty() visits: number;
  @ApiProperty({ description: 'Share of the wave’s visits, in percent' }) share: number;
}

class ProgramCampaignView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() questionnaireTitle: string;
  @ApiProperty({ enum: CHANNELS, isArray: true }) channels: Channel[];
  @nullableNumber() mean: number | null;
  @ApiProperty() n: number;
}

class ChannelRankView {
  @ApiProperty() rank: number;
  @ApiProperty({ enum: CHANNELS }) channel: Channel;
  @ApiProperty() mean: number;
  @ApiProperty() n: number;
}

class MeasureChannelValueView {
  @ApiProperty({ enum: CHANNELS }) channel: Channel;
  @nullableNumber('Question measures: % of counting visits where it passed. Dimension measures: the mean dimension score.')
  compliance: number | null;
  @ApiProperty() n: number;
}

class MeasureOverallView {
  @nullableNumber() compliance: number | null;
  @ApiProperty() n: number;
}

class ProgramMeasureResultView {
  @ApiProperty() key: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: MEASURE_KINDS }) kind: MeasureKind;
  @ApiProperty({ type: [String] }) questionKeys: string[];
  @ApiProperty({ type: [MeasureChannelValueView] }) channels: MeasureChannelValueView[];
  @ApiProperty({ type: MeasureOverallView, description: 'All measured channels pooled' }) overall: MeasureOverallView;
  @ApiProperty({ type: KpiConsistency }) consistency: KpiConsistency;
  @ApiProperty({ enum: CHANNELS, nullable: true }) weakestChannel: Channel | null;
  @ApiPropertyOptional({ type: SignificanceTestView }) test?: SignificanceTest;
}

class ProgramFcrView {
  @ApiProperty({ enum: CHANNELS }) channel: Channel;
  @nullableNumber() rate: number | null;
  @ApiProperty() n: number;
}

class ProgramTimingView {
  @ApiProperty({ enum: CHANNELS }) channel: Channel;
  @ApiProperty({ enum: ['wait_time', 'response_time'] }) metric: 'wait_time' | 'response_time';
  @nullableNumber('Seconds') median: number | null;
  @nullableNumber('Seconds') p90: number | null;
  @ApiPropertyOptional() slaSeconds?: number;
  @ApiPropertyOptional({ type: Number, nullable: true }) slaCompliance?: number | null;
  @ApiProperty() n: number;
}

class ChannelWaveComparison extends WaveComparison {
  @ApiProperty({ enum: CHANNELS }) channel: Channel;
}

class MeasureWaveComparison extends KeyedWaveComparison {
  @ApiPropertyOptional({ enum: TEST_NAMES }) test?: SignificanceTest['name'];
}

class ConsistencyComparisonView {
  @nullableNumber() previous: number | null;
  @nullableNumber() current: number | null;
  @nullableNumber() change: number | null;
}

class ProgramTrendView {
  @ApiProperty({ format: 'uuid' }) previousWaveId: string;
  @ApiProperty() previousWaveName: string;
  @ApiProperty({ type: [ChannelWaveComparison] }) channels: ChannelWaveComparison[];
  @ApiProperty({ type: ConsistencyComparisonView }) consistency: ConsistencyComparisonView;
  @ApiProperty({ type: [MeasureWaveComparison] }) measures: MeasureWaveComparison[];
}

class PriorityView {
  @ApiProperty() measureKey: string;
  @ApiProperty({ enum: CHANNELS }) channel: Channel;
  @ApiProperty({ description: 'Points below the measure’s best channel' }) gap: number;
  @ApiProperty({ description: 'The channel’s share of the wave’s visits, in percent' }) share: number;
  @ApiProperty({ description: 'gap × share / 100' }) impact: number;
  @ApiPropertyOptional() advice?: string;
}

class PlannedActionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() measureKey: string;
  @ApiProperty() measureTitle: string;
  @ApiProperty({ enum: CHANNELS, isArray: true }) channels: Channel[];
  @ApiProperty({ type: [String] }) touchpointIds: string[];
  @ApiProperty() owner: string;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiProperty({ enum: ACTION_STATES }) state: ActionState;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
}

class ActionResultView extends PlannedActionView {
  @nullableNumber() before: number | null;
  @nullableNumber() after: number | null;
  @nullableNumber() change: number | null;
  @ApiProperty() nBefore: number;
  @ApiProperty() nAfter: number;
  @nullableNumber() pValue: number | null;
  @ApiProperty({ type: Boolean, nullable: true }) significant: boolean | null;
  @ApiPropertyOptional({ enum: TEST_NAMES }) test?: SignificanceTest['name'];
}

export class ProgramCommentsView {
  @ApiProperty({ type: [KpiTheme], description: "The questionnaires' themes merged by key" }) themes: KpiTheme[];
  @ApiProperty({ description: 'Visits the themes are computed over (each campaign: its 2,000 most recent visits in scope)' })
  analysedVisits: number;
}

export class ProgramModelResponse {
  @ApiProperty({ type: ProgramRefView }) program: ProgramRefView;
  @ApiProperty({ type: WaveRefView }) wave: WaveRefView;
  @ApiProperty({ description: 'The language of the wave’s first questionnaire: the reports’ default' }) language: string;
  @ApiProperty({ type: ProgramFiltersView }) filters: ProgramFiltersView;
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty({ description: 'Visits counted' }) n: number;
  @ApiProperty({ type: ProgramOverallView }) overall: ProgramOverallView;
  @ApiProperty({ type: [ProgramChannelView] }) channels: ProgramChannelView[];
  @ApiProperty({ type: [ProgramCampaignView] }) campaigns: ProgramCampaignView[];
  @ApiProperty({ type: KpiConsistency }) consistency: KpiConsistency;
  @ApiProperty({ type: SignificanceTestView, nullable: true, description: 'Welch’s ANOVA on the visit scores' })
  channelTest: SignificanceTest | null;
  @ApiProperty({ type: [ChannelRankView], description: 'Channels by mean score, best first' }) ranking: ChannelRankView[];
  @ApiProperty({ type: [ProgramMeasureResultView] }) measures: ProgramMeasureResultView[];
  @ApiProperty({ type: [ProgramFcrView] }) fcr: ProgramFcrView[];
  @ApiProperty({ type: [ProgramTimingView] }) timing: ProgramTimingView[];
  @ApiPropertyOptional({ type: ProgramTrendView }) trend?: ProgramTrendView;
  @ApiProperty({ type: [PriorityView] }) priorities: PriorityView[];
  @ApiProperty({ type: [ActionResultView], description: 'Action-plan items made after the previous wave, measured before → after' })
  actions: ActionResultView[];
  @ApiProperty({ type: [PlannedActionView], description: 'Action-plan items made after this wave' }) plannedActions: PlannedActionView[];
  @ApiProperty({ type: ProgramCommentsView, description: "The themes of the wave's comments, its campaigns pooled" })
  comments: ProgramCommentsView;
}

/** True when A and B accept the same values: a class here cannot drift from the interface it documents. */
type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const PROGRAM_MODEL_DOCUMENTED: SameShape<ProgramModelResponse, ProgramModel> = true;
export const PROGRAM_DOCUMENTED: SameShape<ProgramResponse, ProgramView> = true;
export const WAVE_DOCUMENTED: SameShape<WaveResponse, WaveView> = true;
export const ACTION_DOCUMENTED: SameShape<ActionResponse, ActionView> = true;
