// Turns one scored visit into the rows stored for it (docs/domain.md §4: scores are stored on the visit
// so reports aggregate stored numbers). Pure: no Nest, no ORM.
//
// - One answer row per question of the questionnaire, in definition order, whether answered or not:
//   `applicable` is false for questions hidden by `showIf` or not asked on the channel; `counted`
//   only when the question counts in the score (applies, is scored, has a value).
// - The timing KPIs come from the first applicable question with that `kpi` role that was answered
//   with a number (it may be unscored); FCR is whether the `kpi: fcr` question passed, null when it
//   did not count.
// - Alerts: one per failed critical question, plus one for the visit when it is knocked out.
import { hasValue } from '../../questionnaires/domain/visibility';
import { scoreVisit } from '../../questionnaires/domain/scoring';
import { validateSubmission } from '../../questionnaires/domain/submission-validation';
import {
  listQuestions,
  type AnswerValue,
  type Channel,
  type KpiRole,
  type Problem,
  type QuestionDefinition,
  type QuestionnaireDefinition,
  type SubmittedAnswer,
} from '../../questionnaires/domain/definition';
import type { VisitScore } from '../../questionnaires/domain/scoring';

export interface AnswerRow {
  questionKey: string;
  sectionKey: string;
  /** The value given; null when blank or N/A. */
  value: AnswerValue | null;
  na: boolean;
  applicable: boolean;
  counted: boolean;
  earned: number | null;
  possible: number | null;
  passed: boolean | null;
}

export interface SectionRow {
  sectionKey: string;
  score: number | null;
  earned: number;
  possible: number;
  weight: number;
  knockedOut: boolean;
}

export interface DimensionRow {
  dimension: string;
  score: number | null;
  earned: number;
  possible: number;
}

export interface AlertDraft {
  kind: 'critical_failed' | 'knockout';
  questionKey: string | null;
  reason: string;
}

export interface VisitKpis {
  waitSeconds: number | null;
  responseSeconds: number | null;
  fcr: boolean | null;
}

export interface ScoreSummary {
  score: number | null;
  knockout: boolean;
  sections: Array<{ key: string; score: number | null }>;
  dimensions: Array<{ key: string; score: number | null }>;
}

export interface VisitRows {
  answers: AnswerRow[];
  sections: SectionRow[];
  dimensions: DimensionRow[];
  kpis: VisitKpis;
  alerts: AlertDraft[];
  summary: ScoreSummary;
}

/** A set of answers checked against its questionnaire: what is wrong with it, or the rows to store. */
export type ScoredSubmission = { problems: Problem[]; rows?: undefined } | { problems?: undefined; rows: VisitRows };

/**
 * The one way a set of answers becomes stored rows (first submission, resubmission, reviewer edit, test
 * factories): validated against the questionnaire on the touchpoint's channel, every problem at once;
 * when there is none, scored and turned into rows.
 */
export function scoreSubmission(
  definition: QuestionnaireDefinition,
  answers: readonly SubmittedAnswer[],
  channel: Channel,
): ScoredSubmission {
  const problems = validateSubmission(definition, answers, channel);
  if (problems.length > 0) return { problems };
  return { rows: toVisitRows(definition, answers, scoreVisit(definition, answers, channel)) };
}

export function toVisitRows(definition: QuestionnaireDefinition, answers: readonly SubmittedAnswer[], visit: VisitScore): VisitRows {
  const answerByKey = new Map<string, SubmittedAnswer>();
  for (const answer of answers) if (!answerByKey.has(answer.questionKey)) answerByKey.set(answer.questionKey, answer);
  const scoreByKey = new Map(visit.questions.map((score) => [score.questionKey, score]));
  const located = listQuestions(definition);

  const answerRows: AnswerRow[] = located.map(({ question, section }) => {
    const answer = answerByKey.get(question.key);
    const score = scoreByKey.get(question.key);
    return {
      questionKey: question.key,
      sectionKey: section.key,
      value: hasValue(answer) ? answer.value : null,
      na: answer?.na === true,
      applicable: score?.applicable ?? false,
      counted: score?.counted ?? false,
      earned: score?.earned ?? null,
      possible: score?.possible ?? null,
      passed: score?.passed ?? null,
    };
  });

  const rowByKey = new Map(answerRows.map((row) => [row.questionKey, row]));
  const questions = located.map(({ question }) => question);
  const timing = (role: KpiRole): number | null => {
    for (const question of questions) {
      const row = rowByKey.get(question.key);
      if (question.kpi === role && row?.applicable && typeof row.value === 'number') return row.value;
    }
    return null;
  };
  const fcrRow = questions
    .filter((question) => question.kpi === 'fcr')
    .map((question) => rowByKey.get(question.key))
    .find((row) => row?.counted);

  return {
    answers: answerRows,
    sections: visit.sections.map((section) => ({
      sectionKey: section.key,
      score: section.score,
      earned: section.earned,
      possible: section.possible,
      weight: section.weight,
      knockedOut: section.knockedOut,
    })),
    dimensions: visit.dimensions.map((dimension) => ({
      dimension: dimension.key,
      score: dimension.score,
      earned: dimension.earned,
      possible: dimension.possible,
    })),
    kpis: { waitSeconds: timing('wait_time'), responseSeconds: timing('response_time'), fcr: fcrRow ? fcrRow.passed : null },
    alerts: alertsFor(questions, visit),
    summary: {
      score: visit.score,
      knockout: visit.knockout,
      sections: visit.sections.map(({ key, score }) => ({ key, score })),
      dimensions: visit.dimensions.map(({ key, score }) => ({ key, score })),
    },
  };
}

function alertsFor(questions: QuestionDefinition[], visit: VisitScore): AlertDraft[] {
  const byKey = new Map(questions.map((question) => [question.key, question]));
  const sectionOf = new Map(visit.questions.map((score) => [score.questionKey, score.sectionKey]));
  const alerts: AlertDraft[] = visit.knockoutQuestionKeys.map((key) => {
    const question = byKey.get(key);
    const effect = question?.knockoutScope === 'visit' ? 'the whole visit scores 0' : `section "${sectionOf.get(key)}" scores 0`;
    return { kind: 'critical_failed', questionKey: key, reason: `Critical question "${question?.text ?? key}" failed: ${effect}` };
  });
  if (visit.knockout) {
    alerts.push({
      kind: 'knockout',
      questionKey: null,
      reason: `Visit knocked out by ${visit.knockoutQuestionKeys.map((key) => `"${key}"`).join(', ')}`,
    });
  }
  return alerts;
}
