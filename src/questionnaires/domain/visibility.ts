// Which questions apply to one visit (docs/domain.md §2 `channels` and `showIf`).
//
// A question applies when
//   1. its `channels` is empty or holds the touchpoint's channel, and
//   2. it has no `showIf`, or the question it depends on applies, was answered (not N/A, not blank)
//      and the answer meets the condition.
// Conditions compare with `equals` (deep equality) or `in` (equal to one of the listed values).
// A multi_choice answer is a set of option keys, so against it a condition value that is one
// option key holds when that option was chosen, and a list of keys holds when exactly those
// options were chosen (in any order); `in` holds when any of its values holds.
import {
  listQuestions,
  type AnswerValue,
  type Channel,
  type QuestionDefinition,
  type QuestionnaireDefinition,
  type ShowIf,
  type SubmittedAnswer,
} from './definition';

export type Applicability = { applies: true } | { applies: false; reason: string };

/** Answers by question key; when a key is answered twice the first answer wins (validation rejects the second). */
export function answersByQuestionKey(answers: readonly SubmittedAnswer[]): Map<string, SubmittedAnswer> {
  const byKey = new Map<string, SubmittedAnswer>();
  for (const answer of answers) {
    if (!byKey.has(answer.questionKey)) byKey.set(answer.questionKey, answer);
  }
  return byKey;
}

/**
 * No value at all: missing, null, or a string with nothing but spaces.
 * An empty multi_choice list is an answer ("none of these").
 */
export function isBlankValue(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** The answer carries a real value (it is neither N/A nor blank). */
export function hasValue(answer: SubmittedAnswer | undefined): answer is SubmittedAnswer & { value: AnswerValue } {
  return answer !== undefined && answer.na !== true && !isBlankValue(answer.value);
}

export function isAskedOnChannel(question: QuestionDefinition, channel: Channel): boolean {
  return question.channels.length === 0 || question.channels.includes(channel);
}

/** Whether `answer` (the value given to the question `showIf` depends on) meets the condition. */
export function conditionHolds(showIf: ShowIf, dependsOn: QuestionDefinition, answer: AnswerValue): boolean {
  if (showIf.equals !== undefined) return conditionValueMatches(dependsOn, showIf.equals, answer);
  return (showIf.in ?? []).some((expected) => conditionValueMatches(dependsOn, expected, answer));
}

function conditionValueMatches(dependsOn: QuestionDefinition, expected: AnswerValue, answer: AnswerValue): boolean {
  if (dependsOn.type === 'multi_choice' && Array.isArray(answer)) {
    if (typeof expected === 'string') return answer.includes(expected);
    return Array.isArray(expected) && sameMembers(expected, answer);
  }
  return deepEqual(expected, answer);
}

function sameMembers(left: string[], right: string[]): boolean {
  const rightSet = new Set(right);
  return new Set(left).size === rightSet.size && left.every((item) => rightSet.has(item));
}

function deepEqual(left: AnswerValue, right: AnswerValue): boolean {
  if (Array.isArray(left) || Array.isArray(right)) {
    return (
      Array.isArray(left) && Array.isArray(right) && left.length === right.length && left.every((item, index) => item === right[index])
    );
  }
  return left === right;
}

/**
 * Whether each question applies, by key, with the reason when it does not. Questions are decided in
 * definition order, so a `showIf` can only rely on an earlier question (the definition checker
 * rejects anything else; here such a question simply never applies).
 */
export function questionApplicability(
  definition: QuestionnaireDefinition,
  answersByKey: ReadonlyMap<string, SubmittedAnswer>,
  channel: Channel,
): Map<string, Applicability> {
  const decided = new Map<string, Applicability>();
  const questionsByKey = new Map<string, QuestionDefinition>();
  for (const { question } of listQuestions(definition)) {
    if (!decided.has(question.key)) {
      decided.set(question.key, applicabilityOf(question, decided, questionsByKey, answersByKey, channel));
      questionsByKey.set(question.key, question);
    }
  }
  return decided;
}

function applicabilityOf(
  question: QuestionDefinition,
  decided: ReadonlyMap<string, Applicability>,
  earlierQuestions: ReadonlyMap<string, QuestionDefinition>,
  answersByKey: ReadonlyMap<string, SubmittedAnswer>,
  channel: Channel,
): Applicability {
  if (!isAskedOnChannel(question, channel)) {
    return { applies: false, reason: `it is not asked on the ${channel} channel` };
  }
  const showIf = question.showIf;
  if (!showIf) return { applies: true };

  const dependsOn = earlierQuestions.get(showIf.questionKey);
  if (!dependsOn || decided.get(showIf.questionKey)?.applies !== true) {
    return { applies: false, reason: `it depends on question "${showIf.questionKey}", which does not apply` };
  }
  const answer = answersByKey.get(showIf.questionKey);
  if (!hasValue(answer)) {
    return { applies: false, reason: `it depends on question "${showIf.questionKey}", which was not answered` };
  }
  if (!conditionHolds(showIf, dependsOn, answer.value)) {
    return {
      applies: false,
      reason: `it is shown only when "${showIf.questionKey}" ${describeCondition(showIf)}`,
    };
  }
  return { applies: true };
}

function describeCondition(showIf: ShowIf): string {
  return showIf.equals !== undefined
    ? `is ${JSON.stringify(showIf.equals)}`
    : `is one of ${(showIf.in ?? []).map((value) => JSON.stringify(value)).join(', ')}`;
}

/** The keys of the questions that apply to this visit. */
export function applicableQuestionKeys(
  definition: QuestionnaireDefinition,
  answersByKey: ReadonlyMap<string, SubmittedAnswer>,
  channel: Channel,
): Set<string> {
  const applicability = questionApplicability(definition, answersByKey, channel);
  return new Set([...applicability].filter(([, status]) => status.applies).map(([key]) => key));
}
