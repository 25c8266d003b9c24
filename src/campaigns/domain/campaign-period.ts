// A campaign's period (docs/domain.md §2): inclusive calendar dates startsOn..endsOn, YYYY-MM-DD.
// Pure: no Nest or ORM.
import { DateTime } from 'luxon';
import type { Problem } from '../../questionnaires/domain/definition';

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** Every problem with a period: dates that are not real calendar days, or an end before the start. */
export function checkCampaignPeriod(startsOn: string, endsOn: string): Problem[] {
  const problems: Problem[] = [];
  const starts = parseCalendarDate(startsOn);
  const ends = parseCalendarDate(endsOn);
  if (!starts) problems.push({ field: 'startsOn', reason: `"${startsOn}" is not a calendar date YYYY-MM-DD` });
  if (!ends) problems.push({ field: 'endsOn', reason: `"${endsOn}" is not a calendar date YYYY-MM-DD` });
  if (starts && ends && ends < starts) {
    problems.push({ field: 'endsOn', reason: `the campaign ends (${endsOn}) before it starts (${startsOn})` });
  }
  return problems;
}

function parseCalendarDate(value: string): DateTime | null {
  if (typeof value !== 'string' || !DATE_SHAPE.test(value)) return null;
  const date = DateTime.fromISO(value, { zone: 'utc' });
  return date.isValid ? date : null;
}
