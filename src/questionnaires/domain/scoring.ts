// Scores one visit (docs/domain.md §4). Full precision: rounding is for display only.
//
// Decisions where §4 is silent:
// - A bonus question's `possible` is 0 (that is what it adds to its section); it still passes only
//   when it earns its maxPoints.
// - A section (or dimension) whose counting questions are all bonus has nothing possible, so it is
//   N/A (score null) even if bonus points were earned: there is no standard to measure them against.
// - A `visit`-scope knockout sets the visit score to 0 but leaves the section scores as computed,
//   so reports still show where the visit did well; only a `section`-scope knockout zeroes a section.
// - Knockouts do not touch dimension scores: a dimension measures how the counting questions did.
// - Dimensions are listed in the order their first counting question appears in the definition.
// - Answers are expected to have passed `validateSubmission`; a malformed value earns 0 rather than NaN.
import {
  isScoredQuestion,
  listQuestions,
  type AnswerValue,
  type Channel,
  type Dimension,
  type QuestionDefinition,
  type QuestionnaireDefinition,
  type SubmittedAnswer,
} from './definition';
import { answersByQuestionKey, applicableQuestionKeys, hasValue } from './visibility';

/** Tolerance for "earned equals maxPoints" (scale and duration earn fractions of maxPoints). */
const EPSILON = 1e-9;

export interface QuestionScore {
  questionKey: string;
  sectionKey: string;
  dimension?: Dimension;
  /** Whether it counts in the scores: applies, is scored, and was answered (not N/A, not blank). */
  counted: boolean;
  applicable: boolean;
  na: boolean;
  /** null when not counted. */
  earned: number | null;
  /** What it adds to its section's possible points (0 for a bonus); null when not counted. */
  possible: number | null;
  /** Earned its maxPoints; null when not counted. */
  passed: boolean | null;
  critical: boolean;
  failedCritical: boolean;
}

export interface SectionScore {
  key: string;
  /** 0..100, null when nothing in the section counts (N/A). */
  score: number | null;
  earned: number;
  possible: number;
  weight: number;
  /** Set to 0 by a failed critical question with `section` scope. */
  knockedOut: boolean;
}

export interface DimensionScore {
  key: Dimension;
  /** 0..100, null when only bonus questions count. */
  score: number | null;
  earned: number;
  possible: number;
}

export interface VisitScore {
  /** 0..100, null when every section is N/A. */
  score: number | null;
  knockout: boolean;
  /** The failed critical questions, of either scope, in definition order. */
  knockoutQuestionKeys: string[];
  sections: SectionScore[];
  dimensions: DimensionScore[];
  /** Every question in definition order. */
  questions: QuestionScore[];
}

interface ScoredQuestion {
  question: QuestionDefinition;
  sectionIndex: number;
  score: QuestionScore;
}

export function scoreVisit(definition: QuestionnaireDefinition, answers: readonly SubmittedAnswer[], channel: Channel): VisitScore {
  const answersByKey = answersByQuestionKey(answers);
  const applicable = applicableQuestionKeys(definition, answersByKey, channel);
  const scored: ScoredQuestion[] = listQuestions(definition).map(({ question, section, sectionIndex }) => ({
    question,
    sectionIndex,
    score: scoreQuestion(question, section.key, answersByKey.get(question.key), applicable.has(question.key)),
  }));

  const sections = definition.sections.map((section, index) =>
    scoreSection(
      section.key,
      section.weight,
      scored.filter(({ sectionIndex }) => sectionIndex === index),
    ),
  );
  const knockouts = scored.filter(({ score }) => score.failedCritical);
  const visitKnockedOut = knockouts.some(({ question }) => question.knockoutScope === 'visit');

  return {
    score: visitKnockedOut ? 0 : weightedMean(sections),
    knockout: knockouts.length > 0,
    knockoutQuestionKeys: knockouts.map(({ question }) => question.key),
    sections,
    dimensions: scoreDimensions(scored),
    questions: scored.map(({ score }) => score),
  };
}

function scoreQuestion(
  question: QuestionDefinition,
  sectionKey: string,
  answer: SubmittedAnswer | undefined,
  applicable: boolean,
): QuestionScore {
  // One literal filled in place, no object spread: on Node 20 each spread cost about a microsecond, and this
  // runs for every question of every submission (two spreads per question were most of scoreVisit's time).
  const score: QuestionScore = {
    questionKey: question.key,
    sectionKey,
    counted: false,
    applicable,
    na: answer?.na === true,
    earned: null,
    possible: null,
    passed: null,
    critical: question.critical,
    failedCritical: false,
  };
  if (question.dimension !== undefined) score.dimension = question.dimension;
  if (!applicable || !isScoredQuestion(question) || !hasValue(answer)) return score;
  const earned = earnedPoints(question, answer.value);
  const passed = earned >= question.maxPoints - EPSILON;
  score.counted = true;
  score.earned = earned;
  score.possible = question.bonus ? 0 : question.maxPoints;
  score.passed = passed;
  score.failedCritical = question.critical && !passed;
  return score;
}

/** The points an answer earns, never below 0 nor above maxPoints (this is the multi_choice cap of §4). */
function earnedPoints(question: QuestionDefinition, value: AnswerValue): number {
  return Math.min(question.maxPoints, Math.max(0, uncappedPoints(question, value)));
}

function uncappedPoints(question: QuestionDefinition, value: AnswerValue): number {
  const { maxPoints } = question;
  switch (question.type) {
    case 'yes_no':
      return value === (question.positive ?? true) ? maxPoints : 0;
    case 'scale': {
      const { min = 0, max = 0 } = question;
      return typeof value === 'number' && max > min ? (maxPoints * (value - min)) / (max - min) : 0;
    }
    case 'single_choice':
      return optionPoints(question, value);
    case 'multi_choice':
      // A repeated key counts once.
      return Array.isArray(value) ? sum([...new Set(value)].map((key) => optionPoints(question, key))) : 0;
    case 'duration': {
      const threshold = typeof value === 'number' ? question.thresholds?.find(({ upToSeconds }) => value <= upToSeconds) : undefined;
      return threshold ? maxPoints * threshold.fraction : 0;
    }
    default:
      return 0;
  }
}

function optionPoints(question: QuestionDefinition, key: AnswerValue): number {
  return question.options?.find((option) => option.key === key)?.points ?? 0;
}

function scoreSection(key: string, weight: number, questions: ScoredQuestion[]): SectionScore {
  const { earned, possible } = totals(questions);
  const knockedOut = questions.some(({ question, score }) => score.failedCritical && question.knockoutScope !== 'visit');
  return { key, score: knockedOut ? 0 : percentage(earned, possible), earned, possible, weight, knockedOut };
}

function scoreDimensions(questions: ScoredQuestion[]): DimensionScore[] {
  const byDimension = new Map<Dimension, ScoredQuestion[]>();
  for (const scored of questions) {
    const dimension = scored.score.dimension;
    if (dimension === undefined || !scored.score.counted) continue;
    const members = byDimension.get(dimension);
    if (members) members.push(scored);
    else byDimension.set(dimension, [scored]);
  }
  return [...byDimension].map(([key, members]) => {
    const { earned, possible } = totals(members);
    return { key, score: percentage(earned, possible), earned, possible };
  });
}

/** Earned and possible points over the counting questions; bonus questions add earned points only. */
function totals(questions: ScoredQuestion[]): { earned: number; possible: number } {
  const counting = questions.filter(({ score }) => score.counted).map(({ score }) => score);
  return {
    earned: sum(counting.map((score) => score.earned ?? 0)),
    possible: sum(counting.map((score) => score.possible ?? 0)),
  };
}

/** 100 × earned / possible, capped at 100 (bonus points can push earned past possible); N/A if nothing is possible. */
function percentage(earned: number, possible: number): number | null {
  return possible > 0 ? Math.min(100, (100 * earned) / possible) : null;
}

function weightedMean(sections: SectionScore[]): number | null {
  const rated = sections.filter((section) => section.score !== null);
  if (rated.length === 0) return null;
  const totalWeight = sum(rated.map((section) => section.weight));
  return sum(rated.map((section) => section.score! * section.weight)) / totalWeight;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
