// Checks a visit report's answers against its questionnaire version (docs/domain.md §4, "Validation of a
// submission"). Every problem is reported at once, so the shopper can fix them in one go.
import {
  listQuestions,
  type Channel,
  type QuestionDefinition,
  type QuestionnaireDefinition,
  type Problem,
  type SubmittedAnswer,
} from './definition';
import { answersByQuestionKey, isBlankValue, questionApplicability, type Applicability } from './visibility';

/**
 * Problems are keyed by the question key; problems with the answer list itself (no or unknown key,
 * a key answered twice) by `answers[i].questionKey`.
 */
export function validateSubmission(definition: QuestionnaireDefinition, answers: readonly SubmittedAnswer[], channel: Channel): Problem[] {
  const questions = listQuestions(definition).map(({ question }) => question);
  const knownKeys = new Set(questions.map((question) => question.key));
  const problems = answerListProblems(answers, knownKeys);

  const answersByKey = answersByQuestionKey(answers);
  const applicability = questionApplicability(definition, answersByKey, channel);
  for (const question of questions) {
    const status = applicability.get(question.key) ?? { applies: false, reason: 'it does not apply' };
    for (const reason of answerProblems(question, answersByKey.get(question.key), status)) {
      problems.push({ field: question.key, reason });
    }
  }
  return problems;
}

function answerListProblems(answers: readonly SubmittedAnswer[], knownKeys: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  const firstIndexByKey = new Map<string, number>();
  answers.forEach((answer, index) => {
    const field = `answers[${index}].questionKey`;
    const key: unknown = answer.questionKey;
    if (typeof key !== 'string' || key === '') {
      problems.push({ field, reason: 'every answer must name the question it answers (questionKey)' });
    } else if (!knownKeys.has(key)) {
      problems.push({ field, reason: `there is no question "${key}" in this questionnaire` });
    } else if (firstIndexByKey.has(key)) {
      problems.push({
        field,
        reason: `question "${key}" is answered more than once (first at answers[${firstIndexByKey.get(key)}])`,
      });
    } else {
      firstIndexByKey.set(key, index);
    }
  });
  return problems;
}

function answerProblems(question: QuestionDefinition, answer: SubmittedAnswer | undefined, status: Applicability): string[] {
  const problems: string[] = [];
  const isNa = answer?.na === true;
  const carriesValue = !isBlankValue(answer?.value);

  if (answer?.na !== undefined && typeof answer.na !== 'boolean') {
    problems.push(`na must be true or false, got ${describeValue(answer.na)}`);
  }
  if (isNa && carriesValue) {
    problems.push('an answer cannot be N/A and carry a value at the same time');
  }
  if (!status.applies) {
    // N/A (or nothing) for a question that does not apply says the same thing, so only values are rejected.
    if (carriesValue) problems.push(`this question must not be answered: ${status.reason}`);
  } else if (isNa && !question.allowNa) {
    problems.push('N/A is not allowed for this question');
  } else if (!isNa && !carriesValue && question.required) {
    problems.push('an answer is required');
  }
  if (carriesValue) problems.push(...answerValueProblems(question, answer?.value));
  return problems;
}

/**
 * Why `value` is not an answer the question can take (empty when it can). Also used by the definition
 * checker for `showIf` values, since a condition can only test a value the question can be given.
 */
export function answerValueProblems(question: QuestionDefinition, value: unknown): string[] {
  switch (question.type) {
    case 'yes_no':
      return typeof value === 'boolean' ? [] : [`expected true or false, got ${describeValue(value)}`];
    case 'scale':
      return scaleValueProblems(question, value);
    case 'number':
      return isFiniteNumber(value) ? [] : [`expected a number, got ${describeValue(value)}`];
    case 'duration':
      // Seconds may be fractional (a stopwatch reading); they cannot be negative.
      return isFiniteNumber(value) && value >= 0
        ? []
        : [`expected a duration in seconds (a number of 0 or more), got ${describeValue(value)}`];
    case 'single_choice':
      return typeof value === 'string'
        ? unknownOptionProblems(question, [value])
        : [`expected one option key, got ${describeValue(value)}`];
    case 'multi_choice':
      return multiChoiceValueProblems(question, value);
    case 'text':
      return textValueProblems(question, value);
    case 'datetime':
      return typeof value === 'string' && isIsoDateTime(value)
        ? []
        : [`expected an ISO 8601 date-time such as "2025-03-01T10:30:00Z", got ${describeValue(value)}`];
    case 'evidence':
      return evidenceValueProblems(value);
    default:
      return []; // an unknown type is the definition checker's to report
  }
}

/** Most files one evidence answer may list. */
export const MAX_EVIDENCE_PER_ANSWER = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The shape of an evidence answer: the id of an evidence file, or a list of them. That the files are
 * this shopper's, attached to this assignment, is checked against the database (src/evidence).
 */
function evidenceValueProblems(value: unknown): string[] {
  const expected = `expected the id of an evidence file uploaded to this assignment (POST /assignments/:id/evidence), or a list of up to ${MAX_EVIDENCE_PER_ANSWER} of them`;
  const ids = typeof value === 'string' ? [value] : value;
  if (
    !Array.isArray(ids) ||
    ids.length === 0 ||
    ids.length > MAX_EVIDENCE_PER_ANSWER ||
    !ids.every((id) => typeof id === 'string' && UUID.test(id))
  ) {
    return [`${expected}, got ${describeValue(value)}`];
  }
  const repeated = [...new Set(ids.filter((id, index) => ids.indexOf(id) !== index))];
  return repeated.map((id) => `evidence ${id} is listed more than once`);
}

function scaleValueProblems(question: QuestionDefinition, value: unknown): string[] {
  const scale = `${question.min}..${question.max}`;
  if (!isFiniteNumber(value) || !Number.isInteger(value)) {
    return [`expected a whole number on the scale ${scale}, got ${describeValue(value)}`];
  }
  const outside = value < (question.min ?? -Infinity) || value > (question.max ?? Infinity);
  return outside ? [`value ${value} is outside the scale ${scale}`] : [];
}

function multiChoiceValueProblems(question: QuestionDefinition, value: unknown): string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    return [`expected a list of option keys, got ${describeValue(value)}`];
  }
  const repeated = [...new Set(value.filter((key, index) => value.indexOf(key) !== index))];
  return [...unknownOptionProblems(question, value), ...repeated.map((key) => `option "${key}" is chosen more than once`)];
}

function unknownOptionProblems(question: QuestionDefinition, chosenKeys: string[]): string[] {
  const optionKeys = (question.options ?? []).map((option) => option.key);
  return chosenKeys
    .filter((key) => !optionKeys.includes(key))
    .map((key) => `"${key}" is not an option of this question (expected one of ${optionKeys.join(', ')})`);
}

function textValueProblems(question: QuestionDefinition, value: unknown): string[] {
  if (typeof value !== 'string') return [`expected text, got ${describeValue(value)}`];
  // Surrounding spaces do not count towards the minimum: "   " is not a comment.
  const length = value.trim().length;
  const minLength = question.minLength ?? 0;
  return length < minLength ? [`text has ${length} characters, fewer than the required ${minLength}`] : [];
}

export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A calendar date, optionally with a time and offset; checked field by field as Date.parse accepts "2024-02-30". */
function isIsoDateTime(text: string): boolean {
  const match = ISO_DATE_TIME.exec(text);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0));
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour < 24 && minute < 60 && second < 60;
}

/** A value as it would appear in the request body; numbers as written, so Infinity is not shown as null. */
export function describeValue(value: unknown): string {
  return typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
}
