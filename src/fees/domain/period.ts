// A fees period: inclusive calendar dates from..to (YYYY-MM-DD), read in the platform's time zone.
import { DateTime } from 'luxon';

export interface PeriodProblem {
  field: 'from' | 'to';
  reason: string;
}

/** The longest period a statement, payables list or payout covers: ten years (a typo beyond that). */
export const MAX_PERIOD_DAYS = 3660;

/** Every problem of a period: not real dates, to before from, or too long. */
export function checkPeriod(from: string, to: string): PeriodProblem[] {
  const start = DateTime.fromISO(from, { zone: 'utc' });
  const end = DateTime.fromISO(to, { zone: 'utc' });
  const problems: PeriodProblem[] = [];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !start.isValid)
    problems.push({ field: 'from', reason: `"${from}" is not a calendar date YYYY-MM-DD` });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(to) || !end.isValid) problems.push({ field: 'to', reason: `"${to}" is not a calendar date YYYY-MM-DD` });
  if (problems.length) return problems;
  if (end < start) return [{ field: 'to', reason: `the period ends (${to}) before it starts (${from})` }];
  if (end.diff(start, 'days').days + 1 > MAX_PERIOD_DAYS)
    return [{ field: 'to', reason: `a period covers at most ${MAX_PERIOD_DAYS} days` }];
  return [];
}
