// The questionnaire definition as the domain sees it (docs/domain.md §2, §4). Plain data, no ORM.

export const CHANNELS = ['in_person', 'phone', 'email', 'web_chat', 'whatsapp', 'facebook', 'twitter', 'instagram', 'app'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Channels where the customer waits in line (wait time); the others answer later (response time). */
export const SYNCHRONOUS_CHANNELS: readonly Channel[] = ['in_person', 'phone', 'web_chat'];

export function timingMetricOf(channel: Channel): 'wait_time' | 'response_time' {
  return SYNCHRONOUS_CHANNELS.includes(channel) ? 'wait_time' : 'response_time';
}

export const QUESTION_TYPES = [
  'yes_no',
  'scale',
  'single_choice',
  'multi_choice',
  'duration',
  'number',
  'text',
  'datetime',
  'evidence',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Types that can earn points; the others are always unscored. */
export const SCORABLE_TYPES: readonly QuestionType[] = ['yes_no', 'scale', 'single_choice', 'multi_choice', 'duration'];

export const DIMENSIONS = [
  'speed',
  'protocol',
  'empathy',
  'knowledge',
  'resolution',
  'data_security',
  'writing',
  'appearance',
  'sales',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const KPI_ROLES = ['fcr', 'wait_time', 'response_time'] as const;
export type KpiRole = (typeof KPI_ROLES)[number];

export const KNOCKOUT_SCOPES = ['section', 'visit'] as const;
export type KnockoutScope = (typeof KNOCKOUT_SCOPES)[number];

export const LANGUAGES = ['es', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A raw answer value: yes_no → boolean, scale/number/duration → number, single_choice/text/datetime/evidence → string, multi_choice → string[]. */
export type AnswerValue = boolean | number | string | string[];

export interface ChoiceOption {
  key: string;
  label: string;
  points: number;
}

export interface DurationThreshold {
  upToSeconds: number;
  /** 0..1 share of maxPoints earned when the duration fits this threshold. */
  fraction: number;
}

export interface ShowIf {
  questionKey: string;
  equals?: AnswerValue;
  in?: AnswerValue[];
}

export interface QuestionDefinition {
  key: string;
  text: string;
  type: QuestionType;
  /** 0 = unscored. */
  maxPoints: number;
  required: boolean;
  allowNa: boolean;
  critical: boolean;
  knockoutScope: KnockoutScope;
  dimension?: Dimension;
  /** Channels where the question applies; empty = all. */
  channels: Channel[];
  showIf?: ShowIf;
  kpi?: KpiRole;
  recommendation?: string;
  /** Earned points add to the section, possible points do not. */
  bonus: boolean;
  /** yes_no: the answer that earns the points (default true). */
  positive?: boolean;
  /** scale bounds (integers). */
  min?: number;
  max?: number;
  options?: ChoiceOption[];
  thresholds?: DurationThreshold[];
  /** text: minimum length when answered. */
  minLength?: number;
}

export interface SectionDefinition {
  key: string;
  title: string;
  /** > 0, default 1. */
  weight: number;
  questions: QuestionDefinition[];
}

/**
 * A theme of the qualitative analysis (docs/kpis.md "Qualitative analysis"): a comment mentions it when
 * it contains one of its terms, matched on word stems ("esperar" also finds "esperé", "espera"); a term
 * of several words matches those words in a row, stop words aside ("datos de otro cliente").
 */
export interface ThemeDefinition {
  key: string;
  label: string;
  terms: string[];
}

export interface QuestionnaireDefinition {
  title: string;
  language: Language;
  sections: SectionDefinition[];
  /** Absent = no themes: the comments are still analysed for polarity and frequent terms. */
  themes?: ThemeDefinition[];
}

/** One answer as a shopper (or reviewer) sends it. */
export interface SubmittedAnswer {
  questionKey: string;
  value?: AnswerValue | null;
  na?: boolean;
}

/** A problem with a definition or a submission, keyed by the offending field or question key. */
export interface Problem {
  field: string;
  reason: string;
}

/** A question earns points only when its type can be scored and it has points to earn. */
export function isScoredQuestion(question: Pick<QuestionDefinition, 'type' | 'maxPoints'>): boolean {
  return SCORABLE_TYPES.includes(question.type) && question.maxPoints > 0;
}

/** A question and where it sits; `order` counts through the whole questionnaire (sections in order, then questions). */
export interface LocatedQuestion {
  question: QuestionDefinition;
  section: SectionDefinition;
  sectionIndex: number;
  questionIndex: number;
  order: number;
}

/** Lists already made, by the sections array they list: a definition is read many times per request and never changed in place. */
const listed = new WeakMap<readonly SectionDefinition[], readonly LocatedQuestion[]>();

/** Every question in definition order (frozen: it is shared by every caller of the same definition). */
export function listQuestions(definition: Pick<QuestionnaireDefinition, 'sections'>): readonly LocatedQuestion[] {
  const known = listed.get(definition.sections);
  if (known) return known;
  let order = 0;
  const questions = Object.freeze(
    definition.sections.flatMap((section, sectionIndex) =>
      section.questions.map((question, questionIndex) => ({
        question,
        section,
        sectionIndex,
        questionIndex,
        order: order++,
      })),
    ),
  );
  listed.set(definition.sections, questions);
  return questions;
}
