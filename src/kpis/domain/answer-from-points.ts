// Which answer earned a question's stored points (docs/domain.md §4 read backwards). For most scored
// questions the points tell the answer: a yes/no earns all or nothing, a scale earns in proportion to
// its value, a single choice earns its option's points. The answer tallies of the KPI model use this to
// count answers by their stored points, a number PostgreSQL groups far faster than the JSON answers.
import { listQuestions, type QuestionDefinition, type QuestionnaireDefinition } from '../../questionnaires/domain/definition';
import { DISTRIBUTED_TYPES } from './answer-distribution';

type PointsQuestion = Pick<QuestionDefinition, 'type' | 'maxPoints' | 'positive' | 'min' | 'max' | 'options'>;

/** Tolerance when comparing stored points (scales store fractions of maxPoints). */
const EPSILON = 1e-6;

/** Points as scoring caps them: never below 0 nor above maxPoints. */
const capped = (question: PointsQuestion, points: number) => Math.min(question.maxPoints, Math.max(0, points));

/**
 * Whether every possible answer earns different points, so that the points tell the answer: yes/no
 * and scale questions worth points (a scale with max > min), single choices whose options earn
 * pairwise different (capped) points. Multi-choice answers, unscored questions and single choices with
 * two options worth the same points need the answer itself.
 */
export function answerIsReadFromPoints(question: PointsQuestion): boolean {
  if (question.maxPoints <= 0) return false;
  switch (question.type) {
    case 'yes_no':
      return true;
    case 'scale':
      return question.min !== undefined && question.max !== undefined && question.max > question.min;
    case 'single_choice': {
      const points = (question.options ?? []).map((option) => capped(question, option.points));
      return points.length > 0 && points.every((p, i) => points.findIndex((q) => Math.abs(p - q) < EPSILON) === i);
    }
    default:
      return false;
  }
}

/**
 * The answer, as the answer tallies key it ("true"/"false", the scale value, the option key), that
 * earns `earned` points; null when no answer does or the question is not read from its points.
 */
export function answerFromPoints(question: PointsQuestion, earned: number): string | null {
  if (!answerIsReadFromPoints(question)) return null;
  switch (question.type) {
    case 'yes_no': {
      const positive = question.positive ?? true;
      if (Math.abs(earned - question.maxPoints) < EPSILON) return String(positive);
      return Math.abs(earned) < EPSILON ? String(!positive) : null;
    }
    case 'scale': {
      const min = question.min as number;
      const max = question.max as number;
      const value = min + (earned / question.maxPoints) * (max - min);
      const rounded = Math.round(value);
      return Math.abs(value - rounded) < EPSILON * (max - min + 1) && rounded >= min && rounded <= max ? String(rounded) : null;
    }
    case 'single_choice':
      return (question.options ?? []).find((option) => Math.abs(capped(question, option.points) - earned) < EPSILON)?.key ?? null;
    default:
      return null;
  }
}

/**
 * The question keys the KPI queries need: the text questions whose answers are comments, and the
 * choice, yes/no and scale questions whose answers are grouped on their value because their points
 * cannot tell the answers apart (the rest are read back from their points; free values are never tallied).
 */
export function queriedQuestionKeys(definition: QuestionnaireDefinition): { textKeys: string[]; valueKeys: string[] } {
  const questions = listQuestions(definition).map(({ question }) => question);
  return {
    textKeys: questions.filter((question) => question.type === 'text').map((question) => question.key),
    valueKeys: questions
      .filter((question) => (DISTRIBUTED_TYPES as readonly string[]).includes(question.type) && !answerIsReadFromPoints(question))
      .map((question) => question.key),
  };
}
