// The program model of docs/api.md "Programs" (docs/kpis.md §5b): one wave of a client's program across its
// channels. The JSON endpoint, the omnichannel PDF and its Excel workbook all read this one object.
// Fields may be added, never renamed.
import type { KpiModel, WaveComparison } from '../kpis/kpi-model';
import type { Channel } from '../questionnaires/domain/definition';
import type { MeasureKind } from './domain/measures';
import type { Priority } from './domain/priorities';
import type { SignificanceTest } from './domain/program-statistics';

export interface ProgramFilters {
  channel?: Channel;
  region?: string;
  /** Inclusive ISO dates (YYYY-MM-DD) on visitedAt; the previous wave is compared whole. */
  from?: string;
  to?: string;
  includeUnapproved?: boolean;
}

export type ActionState = 'open' | 'in_progress' | 'done' | 'cancelled';

export interface MeasureChannelValue {
  channel: Channel;
  /** Question measures: % of counting visits where it passed. Dimension measures: the mean dimension score. */
  compliance: number | null;
  n: number;
}

export interface ActionResult {
  id: string;
  measureKey: string;
  measureTitle: string;
  channels: Channel[];
  touchpointIds: string[];
  owner: string;
  dueOn: string;
  state: ActionState;
  note: string | null;
  before: number | null;
  after: number | null;
  change: number | null;
  nBefore: number;
  nAfter: number;
  pValue: number | null;
  significant: boolean | null;
  test?: SignificanceTest['name'];
}

export interface ProgramModel {
  program: { id: string; name: string; clientId: string; clientName: string };
  wave: { id: string; name: string; previousWaveId: string | null; previousWaveName: string | null };
  /** The language of the wave's first questionnaire: the reports' default. */
  language: string;
  filters: ProgramFilters;
  generatedAt: string;
  /** Visits counted (approved only, unless a consultant asked for unapproved ones too). */
  n: number;
  overall: { mean: number | null; n: number; ci95: [number, number] | null };
  channels: Array<{ channel: Channel; mean: number | null; n: number; ci95: [number, number] | null; visits: number; share: number }>;
  campaigns: Array<{ id: string; name: string; questionnaireTitle: string; channels: Channel[]; mean: number | null; n: number }>;
  consistency: { spread: number | null; index: number | null };
  /** Do the channel means really differ? Welch's ANOVA on the visit scores. */
  channelTest: SignificanceTest | null;
  /** Channels by mean score, best first. */
  ranking: Array<{ rank: number; channel: Channel; mean: number; n: number }>;
  measures: Array<{
    key: string;
    title: string;
    kind: MeasureKind;
    questionKeys: string[];
    channels: MeasureChannelValue[];
    /** All measured channels pooled (question measures: passes over counting visits; dimensions: mean score). */
    overall: { compliance: number | null; n: number };
    consistency: { spread: number | null; index: number | null };
    weakestChannel: Channel | null;
    test?: SignificanceTest;
  }>;
  fcr: Array<{ channel: Channel; rate: number | null; n: number }>;
  timing: Array<{
    channel: Channel;
    metric: 'wait_time' | 'response_time';
    median: number | null;
    p90: number | null;
    slaSeconds?: number;
    slaCompliance?: number | null;
    n: number;
  }>;
  trend?: {
    previousWaveId: string;
    previousWaveName: string;
    channels: Array<WaveComparison & { channel: Channel }>;
    consistency: { previous: number | null; current: number | null; change: number | null };
    measures: Array<WaveComparison & { key: string; test?: SignificanceTest['name'] }>;
  };
  priorities: Priority[];
  /** Action-plan items made after the previous wave, measured before → after on exactly what they target. */
  actions: ActionResult[];
  /** Action-plan items made after this wave: what the next wave will measure. */
  plannedActions: Array<Omit<ActionResult, 'before' | 'after' | 'change' | 'nBefore' | 'nAfter' | 'pValue' | 'significant' | 'test'>>;
  /**
   * The themes of the wave's comments, all its campaigns pooled (KpisService.themesAcross, docs/kpis.md
   * "Qualitative analysis"); against the previous wave when there is one.
   */
  comments: { themes: KpiModel['comments']['themes']; analysedVisits: number };
}
