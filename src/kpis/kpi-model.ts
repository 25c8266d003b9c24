// The KPI model of docs/api.md "Results": the one computed view behind the JSON endpoint, the PDF and the
// Excel export, so the three always agree. Fields may be added, never renamed.
// Classes rather than interfaces only so that /docs (and the web client generated from it) know every
// field: the decorators describe the OpenAPI schema, nothing here has behaviour.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNELS, type Channel } from '../questionnaires/domain/definition';

const nullableNumber = (description?: string) => ApiProperty({ type: Number, nullable: true, description });

export class KpiFilters {
  @ApiPropertyOptional({ enum: CHANNELS }) channel?: Channel;
  @ApiPropertyOptional() region?: string;
  @ApiPropertyOptional({ format: 'uuid' }) touchpointId?: string;
  @ApiPropertyOptional() scenario?: string;
  /** Inclusive ISO dates (YYYY-MM-DD) on visitedAt. */
  @ApiPropertyOptional({ format: 'date' }) from?: string;
  @ApiPropertyOptional({ format: 'date' }) to?: string;
  @ApiPropertyOptional() includeUnapproved?: boolean;
}

export class MeanWithN {
  @nullableNumber('0–100; null when no visit counts') mean: number | null;
  @ApiProperty({ description: 'Visits counted' }) n: number;
}

export class WaveComparison {
  @nullableNumber() previous: number | null;
  @nullableNumber() current: number | null;
  @nullableNumber('current − previous, in points') change: number | null;
  @nullableNumber() pValue: number | null;
  @ApiProperty({ type: Boolean, nullable: true }) significant: boolean | null;
  @ApiPropertyOptional({ enum: ['not enough data'] }) note?: 'not enough data';
}

export class KpiCampaign {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() clientName: string;
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ format: 'date' }) endsOn: string;
  @ApiProperty() language: string;
  @ApiProperty() questionnaireTitle: string;
  @ApiProperty({ enum: ['draft', 'active', 'closed'] }) status: string;
}

export class KpiOverall extends MeanWithN {
  @ApiProperty({ type: [Number], nullable: true, minItems: 2, maxItems: 2, description: '95 % confidence interval [low, high]' })
  ci95: [number, number] | null;
  @nullableNumber('Standard deviation') sd: number | null;
  @ApiPropertyOptional() target?: number;
  @ApiPropertyOptional() met?: boolean;
}

export class KpiSection extends MeanWithN {
  @ApiProperty() key: string;
  @ApiProperty() title: string;
  @ApiProperty() weight: number;
}

export class KpiDimension extends MeanWithN {
  @ApiProperty() key: string;
}

export class KpiChannel extends MeanWithN {
  @ApiProperty({ enum: CHANNELS }) channel: Channel;
}

export class KpiConsistency {
  @nullableNumber() spread: number | null;
  @nullableNumber() index: number | null;
}

export class KpiRegion extends MeanWithN {
  @ApiProperty() region: string;
}

export class KpiTouchpoint extends MeanWithN {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CHANNELS }) channel: Channel;
  @ApiProperty() region: string;
  @ApiProperty({ type: String, nullable: true }) city: string | null;
}

export class KpiQuestion {
  @ApiProperty() key: string;
  @ApiProperty() text: string;
  @ApiProperty() sectionKey: string;
  @ApiProperty() type: string;
  /** % of counting visits where the question passed; null for unscored questions. */
  @nullableNumber('% of counting visits where it passed; null for unscored questions') compliance: number | null;
  @ApiProperty() n: number;
  /** For choice and yes/no questions: how often each answer was given. */
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'Choice and yes/no questions: {<answer>: how often it was given}',
    example: { true: 12, false: 3 },
  })
  answers?: Record<string, number>;
}

export class KpiTiming {
  @ApiProperty({ enum: CHANNELS }) channel: Channel;
  @ApiProperty({ enum: ['wait_time', 'response_time'] }) metric: 'wait_time' | 'response_time';
  @nullableNumber('Seconds') median: number | null;
  @nullableNumber('Seconds') p90: number | null;
  @nullableNumber('Seconds') mean: number | null;
  @ApiPropertyOptional() slaSeconds?: number;
  @ApiPropertyOptional({ type: Number, nullable: true, description: '% of visits within the SLA' }) slaCompliance?: number | null;
  @ApiProperty() n: number;
}

export class KpiRate {
  @nullableNumber() rate: number | null;
  @ApiProperty() n: number;
}

export class KpiTarget {
  @ApiProperty() kpi: string;
  @ApiProperty() target: number;
  @nullableNumber() actual: number | null;
  @ApiProperty({ type: Boolean, nullable: true }) met: boolean | null;
}

export class KpiDistributionBin {
  @ApiProperty() from: number;
  @ApiProperty() to: number;
  @ApiProperty() count: number;
}

export class KeyedWaveComparison extends WaveComparison {
  @ApiProperty() key: string;
}

export class KpiTrend {
  @ApiProperty({ format: 'uuid' }) previousCampaignId: string;
  @ApiProperty() previousCampaignName: string;
  @ApiProperty({ type: WaveComparison }) overall: WaveComparison;
  @ApiProperty({ type: [KeyedWaveComparison] }) sections: KeyedWaveComparison[];
  @ApiProperty({ type: [KeyedWaveComparison] }) dimensions: KeyedWaveComparison[];
  @ApiProperty({ type: WaveComparison }) fcr: WaveComparison;
}

const POLARITIES = ['positive', 'negative', 'neutral'] as const;

export class KpiComment {
  @ApiProperty({ format: 'uuid' }) visitId: string;
  @ApiProperty({ type: String, nullable: true }) questionKey: string | null;
  @ApiProperty({ description: "Masked: the shopper's name, e-mails and phone numbers never show" }) text: string;
  @ApiProperty({ enum: ['positive', 'negative'], description: 'From the score around the comment (section or visit)' })
  sentiment: 'positive' | 'negative';
  @ApiProperty({ enum: POLARITIES, description: 'From its words (docs/kpis.md "Qualitative analysis")' })
  polarity: 'positive' | 'negative' | 'neutral';
  @ApiProperty({ type: [String], description: 'Keys of the questionnaire themes it mentions' }) themes: string[];
}

export class KpiSectionComments {
  @ApiProperty() sectionKey: string;
  @ApiProperty({ type: [KpiComment] }) items: KpiComment[];
}

export class KpiTerm {
  @ApiProperty() term: string;
  @ApiProperty() count: number;
}

export class KpiVerbatim {
  @ApiProperty({ format: 'uuid' }) visitId: string;
  @ApiProperty() text: string;
}

export class KpiQuestionVerbatims {
  @ApiProperty() questionKey: string;
  @ApiProperty({ type: [KpiVerbatim] }) items: KpiVerbatim[];
}

export class KpiThemeVerbatim {
  @ApiPropertyOptional({ format: 'uuid' }) visitId?: string;
  @ApiProperty({ description: 'The sentences that mention the theme, masked' }) text: string;
  @ApiProperty({ enum: POLARITIES }) polarity: 'positive' | 'negative' | 'neutral';
}

export class KpiTheme {
  @ApiProperty() key: string;
  @ApiProperty() label: string;
  @ApiProperty({ description: 'Texts (text answers and narratives) that mention it' }) mentions: number;
  @ApiProperty({ description: '% of the analysed visits that mention it' }) share: number;
  @ApiProperty({ description: 'Visits whose mentions of it are, on balance, positive' }) positive: number;
  @ApiProperty({ description: 'Visits whose mentions of it are, on balance, negative' }) negative: number;
  @ApiPropertyOptional({ description: "share − the previous wave's share, in points" }) change?: number;
  @ApiPropertyOptional({ description: 'Two-proportion z-test of the share against the previous wave' }) pValue?: number;
  @ApiPropertyOptional() significant?: boolean;
  @ApiPropertyOptional({ description: 'Mean score of the visits that speak badly of it' }) meanScoreNegative?: number;
  @ApiPropertyOptional({ description: 'Mean score of the other analysed visits' }) meanScoreOther?: number;
  @ApiProperty({ type: [KpiThemeVerbatim], description: 'Two or three of the most typical mentions' }) verbatims: KpiThemeVerbatim[];
}

export class KpiComments {
  @ApiProperty({ type: [KpiSectionComments] }) bySection: KpiSectionComments[];
  @ApiProperty({ type: [KpiTheme], description: "The questionnaire's themes, in its order" }) themes: KpiTheme[];
  @ApiProperty({
    description: 'Visits the themes are computed over: the most recent visits in scope, at most 2000 (docs/kpis.md)',
  })
  analysedVisits: number;
  @ApiProperty({ type: [KpiTerm] }) topTerms: KpiTerm[];
  /** For each failed question, a few verbatims from the visits where it failed. */
  @ApiProperty({ type: [KpiQuestionVerbatims], description: 'For each failed question, a few verbatims from the visits where it failed' })
  failedQuestionVerbatims: KpiQuestionVerbatims[];
}

export class KpiRecommendation {
  @ApiProperty() questionKey: string;
  @ApiProperty() text: string;
  @ApiProperty() impact: number;
  @ApiProperty() compliance: number;
  @ApiProperty({ type: String, nullable: true }) recommendation: string | null;
}

export class KpiStrength {
  @ApiProperty() questionKey: string;
  @ApiProperty() text: string;
  @ApiProperty() compliance: number;
}

export class KpiShopperCalibration {
  @ApiProperty({ format: 'uuid' }) shopperId: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty() n: number;
  @nullableNumber() meanDeviation: number | null;
}

export class KpiModel {
  @ApiProperty({ type: KpiCampaign }) campaign: KpiCampaign;
  @ApiProperty({ type: KpiFilters }) filters: KpiFilters;
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  /** Visits counted (approved only, unless a consultant asked for unapproved ones too). */
  @ApiProperty({ description: 'Visits counted (approved only, unless a consultant asked for unapproved ones too)' }) n: number;
  @ApiProperty({ type: KpiOverall }) overall: KpiOverall;
  @ApiProperty({ type: [KpiSection] }) sections: KpiSection[];
  @ApiProperty({ type: [KpiDimension] }) dimensions: KpiDimension[];
  @ApiProperty({ type: [KpiChannel] }) channels: KpiChannel[];
  @ApiProperty({ type: KpiConsistency }) consistency: KpiConsistency;
  @ApiProperty({ type: [KpiRegion] }) regions: KpiRegion[];
  @ApiProperty({ type: [KpiTouchpoint] }) touchpoints: KpiTouchpoint[];
  @ApiProperty({ type: [KpiQuestion] }) questions: KpiQuestion[];
  @ApiProperty({ type: [KpiTiming] }) timing: KpiTiming[];
  @ApiProperty({ type: KpiRate }) fcr: KpiRate;
  @nullableNumber() knockoutRate: number | null;
  @ApiProperty({ type: [KpiTarget] }) targets: KpiTarget[];
  @ApiProperty({ type: [KpiDistributionBin] }) distribution: KpiDistributionBin[];
  @ApiPropertyOptional({ type: KpiTrend, description: 'When the campaign has a previous wave' }) trend?: KpiTrend;
  @ApiProperty({ type: KpiComments }) comments: KpiComments;
  @ApiProperty({ type: [KpiRecommendation] }) recommendations: KpiRecommendation[];
  @ApiProperty({ type: [KpiStrength] }) strengths: KpiStrength[];
  /** Consultants only: each shopper's mean deviation from other shoppers at the same touchpoints. */
  @ApiPropertyOptional({
    type: [KpiShopperCalibration],
    description: "Consultants only: each shopper's mean deviation from other shoppers at the same touchpoints",
  })
  shoppers?: KpiShopperCalibration[];
}
