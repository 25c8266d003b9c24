// How often each answer was given to a choice, yes/no or scale question (docs/kpis.md §5 "question
// compliance … for choice questions the distribution of answers"). PostgreSQL groups the stored
// answers by their value as text (jsonb #>> '{}': `true`, `3`, `full`, `["a", "b"]`) and counts them;
// this folds those groups into one tally per answer, spreading a multi-choice answer over each option
// it picked.

export interface AnswerValueCount {
  /** The stored answer as text; null when unanswered. */
  value: string | null;
  count: number;
}

/** Types whose answers are tallied; the others (text, number, duration, …) have free values. */
export const DISTRIBUTED_TYPES = ['yes_no', 'single_choice', 'multi_choice', 'scale'] as const;

/**
 * { answer → count }: booleans as "true"/"false", numbers in their decimal form, option keys as they
 * are. With `multiple` (multi-choice), each value is a JSON array and each option counts once per
 * visit that picked it; a value that is not a JSON array of option keys counts as it is. Unanswered
 * groups (null) and empty multi-choice answers add nothing. Keys are sorted so the output is stable.
 */
export function answerDistribution(groups: AnswerValueCount[], multiple = false): Record<string, number> {
  const counts = new Map<string, number>();
  const add = (key: string, count: number) => counts.set(key, (counts.get(key) ?? 0) + count);
  for (const { value, count } of groups) {
    if (value === null) continue;
    const options = multiple ? parseOptions(value) : null;
    if (options === null) add(value, count);
    else for (const option of new Set(options)) add(option, count);
  }
  return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function parseOptions(value: string): string[] | null {
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.map((option) => String(option)) : null;
  } catch {
    return null;
  }
}
