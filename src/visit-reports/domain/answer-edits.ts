// A reviewer's (or an appeal's, or a resubmission's) change to a report's answers, and the audit
// trail it leaves (docs/domain.md §2: every reviewer edit is kept: who, when, old, new). Pure.
import type { AnswerValue, Problem, SubmittedAnswer } from '../../questionnaires/domain/definition';
import { canonicalJson } from './request-hash';

/** An answer as the audit trail shows it: `{ value }`, `{ na: true }`, or null when blank. */
export type AnswerSnapshot = { value: AnswerValue } | { na: true } | null;

export interface AnswerEdit {
  /** `answers.<questionKey>` */
  field: string;
  oldValue: AnswerSnapshot;
  newValue: AnswerSnapshot;
}

export function snapshotOf(answer: SubmittedAnswer | undefined): AnswerSnapshot {
  if (!answer) return null;
  if (answer.na === true) return { na: true };
  if (answer.value === undefined || answer.value === null) return null;
  return { value: answer.value };
}

/** Stored answers as the validator takes them: only the answered or N/A ones. */
export function storedAnswers(rows: ReadonlyArray<{ questionKey: string; value: AnswerValue | null; na: boolean }>): SubmittedAnswer[] {
  return rows
    .filter((row) => row.na || row.value !== null)
    .map((row) => (row.na ? { questionKey: row.questionKey, na: true } : { questionKey: row.questionKey, value: row.value }));
}

/**
 * The problems with the keys of a list of changes: each must name a question of the questionnaire
 * (`knownKeys`), and no question may be changed twice. Named `answers[i].questionKey`.
 */
export function answerChangeKeyProblems(changes: ReadonlyArray<{ questionKey: string }>, knownKeys: ReadonlySet<string>): Problem[] {
  const seen = new Set<string>();
  return changes.flatMap((change, index) => {
    const field = `answers[${index}].questionKey`;
    if (!knownKeys.has(change.questionKey))
      return [{ field, reason: `there is no question "${change.questionKey}" in this questionnaire` }];
    if (seen.has(change.questionKey)) return [{ field, reason: `question "${change.questionKey}" is changed more than once` }];
    seen.add(change.questionKey);
    return [];
  });
}

/**
 * The full answer set after applying `changes` to `current`: a change replaces that question's
 * answer; a change with neither a value nor N/A clears it. Other answers stay as they were.
 */
export function applyAnswerChanges(current: readonly SubmittedAnswer[], changes: readonly SubmittedAnswer[]): SubmittedAnswer[] {
  const byKey = new Map<string, SubmittedAnswer>(current.map((answer) => [answer.questionKey, answer]));
  for (const change of changes) {
    const snapshot = snapshotOf(change);
    if (snapshot === null) byKey.delete(change.questionKey);
    else byKey.set(change.questionKey, { questionKey: change.questionKey, ...snapshot });
  }
  return [...byKey.values()];
}

/** One edit per question whose answer differs between `before` and `after`, in the order of `keys`. */
export function diffAnswers(before: readonly SubmittedAnswer[], after: readonly SubmittedAnswer[], keys: readonly string[]): AnswerEdit[] {
  const beforeByKey = new Map(before.map((answer) => [answer.questionKey, answer]));
  const afterByKey = new Map(after.map((answer) => [answer.questionKey, answer]));
  const edits: AnswerEdit[] = [];
  for (const key of new Set(keys)) {
    const oldValue = snapshotOf(beforeByKey.get(key));
    const newValue = snapshotOf(afterByKey.get(key));
    if (canonicalJson(oldValue) !== canonicalJson(newValue)) edits.push({ field: `answers.${key}`, oldValue, newValue });
  }
  return edits;
}
