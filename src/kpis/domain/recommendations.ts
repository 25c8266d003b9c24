// What to fix first and what already works (docs/kpis.md §5): questions ranked by the possible points
// they lose or earn, and each KPI target against its actual value.
import type { KpiModel } from '../kpi-model';

export interface QuestionResult {
  key: string;
  text: string;
  /** % of counting visits where the question passed, 0..100; null for an unscored question. */
  compliance: number | null;
  /** Counting visits that answered it. */
  n: number;
  /** The question's possible points per visit (its maxPoints). */
  possiblePoints: number;
  /** Σ maxPoints of the questionnaire's scored questions. */
  totalPossiblePoints: number;
  recommendation?: string | null;
}

export type Recommendation = KpiModel['recommendations'][number];
export type Strength = KpiModel['strengths'][number];
export type TargetResult = KpiModel['targets'][number];

type ScoredResult = QuestionResult & { compliance: number };

/**
 * Questions by impact = (1 − compliance) × the question's share of the possible points, as a
 * percentage: the share of the questionnaire's possible points lost on this question (0..100).
 * Highest first, ties by key; without `limit`, all of them. Left out: questions nobody answered
 * (n = 0), unscored ones, and those with nothing to gain (impact 0: always passed, or worth no points).
 */
export function rankRecommendations(questions: QuestionResult[], limit?: number): Recommendation[] {
  return rankQuestions(questions, shareOfPointsLost, limit).map(({ question, weight }) => ({
    questionKey: question.key,
    text: question.text,
    impact: weight,
    compliance: question.compliance,
    recommendation: question.recommendation ?? null,
  }));
}

/** Without an overall target, the compliance a question needs to count as a strength. */
export const DEFAULT_STRENGTH_COMPLIANCE = 80;

/**
 * The mirror image: questions by compliance weighted by their share of the possible points (the share
 * of the possible points earned on this question), so a question passed everywhere but worth little
 * does not outrank a heavy one passed almost everywhere. Only questions whose compliance reaches
 * `minCompliance` (the campaign's overall target) are strengths: a heavy question passed 70% of the time
 * must not head both the strengths and the priorities. Same order, limit and exclusions.
 */
export function rankStrengths(questions: QuestionResult[], minCompliance: number, limit?: number): Strength[] {
  const strong = questions.filter((question) => question.compliance !== null && question.compliance >= minCompliance);
  return rankQuestions(strong, shareOfPointsEarned, limit).map(({ question }) => ({
    questionKey: question.key,
    text: question.text,
    compliance: question.compliance,
  }));
}

/**
 * Each target (in the order it was set) against its actual value; every target is a floor, since the
 * KPIs that take one (overall, FCR, dimensions) are all "higher is better". No actual value: met null.
 */
export function targetsReport(targets: Record<string, number>, actuals: Record<string, number | null>): TargetResult[] {
  return Object.entries(targets).map(([kpi, target]) => {
    const actual = Object.hasOwn(actuals, kpi) ? actuals[kpi] : null; // not "constructor" from the prototype
    return { kpi, target, actual, met: actual === null ? null : actual >= target };
  });
}

/** % of the questionnaire's possible points this question loses across visits. */
function shareOfPointsLost(question: ScoredResult): number {
  return (100 - question.compliance) * shareOfPossiblePoints(question);
}

/** % of the questionnaire's possible points this question earns across visits. */
function shareOfPointsEarned(question: ScoredResult): number {
  return question.compliance * shareOfPossiblePoints(question);
}

/** 0..1; 0 when the questionnaire has no possible points at all. */
function shareOfPossiblePoints(question: QuestionResult): number {
  return question.totalPossiblePoints > 0 ? question.possiblePoints / question.totalPossiblePoints : 0;
}

function rankQuestions(
  questions: QuestionResult[],
  weightOf: (question: ScoredResult) => number,
  limit = Number.POSITIVE_INFINITY,
): Array<{ question: ScoredResult; weight: number }> {
  return questions
    .filter((question): question is ScoredResult => question.n > 0 && question.compliance !== null)
    .map((question) => ({ question, weight: weightOf(question) }))
    .filter(({ weight }) => weight > 0)
    .sort((a, b) => b.weight - a.weight || compareKeys(a.question.key, b.question.key))
    .slice(0, limit);
}

/** By code unit, not locale: keys are identifiers and the order must not depend on the server. */
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
