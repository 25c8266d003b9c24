// TEMPORARY: the KPI model's shape until the generated schema documents it (then queries.ts uses schema.d.ts).
type Channel = string;

export interface KpiFilters {
  channel?: Channel;
  region?: string;
  touchpointId?: string;
  scenario?: string;
  /** Inclusive ISO dates (YYYY-MM-DD) on visitedAt. */
  from?: string;
  to?: string;
  includeUnapproved?: boolean;
}

export interface MeanWithN {
  mean: number | null;
  n: number;
}

export interface WaveComparison {
  previous: number | null;
  current: number | null;
  change: number | null;
  pValue: number | null;
  significant: boolean | null;
  note?: 'not enough data';
}

export interface KpiModel {
  campaign: {
    id: string;
    name: string;
    clientName: string;
    startsOn: string;
    endsOn: string;
    language: string;
    questionnaireTitle: string;
    status: string;
  };
  filters: KpiFilters;
  generatedAt: string;
  /** Visits counted (approved only, unless a consultant asked for unapproved ones too). */
  n: number;
  overall: MeanWithN & { ci95: [number, number] | null; sd: number | null; target?: number; met?: boolean };
  sections: Array<MeanWithN & { key: string; title: string; weight: number }>;
  dimensions: Array<MeanWithN & { key: string }>;
  channels: Array<MeanWithN & { channel: Channel }>;
  consistency: { spread: number | null; index: number | null };
  regions: Array<MeanWithN & { region: string }>;
  touchpoints: Array<MeanWithN & { id: string; name: string; channel: Channel; region: string; city: string | null }>;
  questions: Array<{
    key: string;
    text: string;
    sectionKey: string;
    type: string;
    /** % of counting visits where the question passed; null for unscored questions. */
    compliance: number | null;
    n: number;
    /** For choice and yes/no questions: how often each answer was given. */
    answers?: Record<string, number>;
  }>;
  timing: Array<{
    channel: Channel;
    metric: 'wait_time' | 'response_time';
    median: number | null;
    p90: number | null;
    mean: number | null;
    slaSeconds?: number;
    slaCompliance?: number | null;
    n: number;
  }>;
  fcr: { rate: number | null; n: number };
  knockoutRate: number | null;
  targets: Array<{ kpi: string; target: number; actual: number | null; met: boolean | null }>;
  distribution: Array<{ from: number; to: number; count: number }>;
  trend?: {
    previousCampaignId: string;
    previousCampaignName: string;
    overall: WaveComparison;
    sections: Array<WaveComparison & { key: string }>;
    dimensions: Array<WaveComparison & { key: string }>;
    fcr: WaveComparison;
  };
  comments: {
    bySection: Array<{
      sectionKey: string;
      items: Array<{ visitId: string; questionKey: string | null; text: string; sentiment: 'positive' | 'negative' }>;
    }>;
    topTerms: Array<{ term: string; count: number }>;
    /** For each failed question, a few verbatims from the visits where it failed. */
    failedQuestionVerbatims: Array<{ questionKey: string; items: Array<{ visitId: string; text: string }> }>;
  };
  recommendations: Array<{ questionKey: string; text: string; impact: number; compliance: number; recommendation: string | null }>;
  strengths: Array<{ questionKey: string; text: string; compliance: number }>;
  /** Consultants only: each shopper's mean deviation from other shoppers at the same touchpoints. */
  shoppers?: Array<{ shopperId: string; name: string | null; n: number; meanDeviation: number | null }>;
}
