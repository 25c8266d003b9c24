// A campaign's period (docs/domain.md §2): inclusive calendar dates startsOn..endsOn, YYYY-MM-DD.
// Pure: no Nest or ORM.
import { DateTime } from 'luxon';
import type { Problem } from '../../questionnaires/domain/definition';

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The longest period a campaign may have, in days counting both ends: a year, a leap one included. A
 * wave is a few weeks to a few months; a longer one is a typo (9999-12-31) that would plan visits for
 * centuries. Documented in the README (Campaigns).
 */
export const MAX_CAMPAIGN_DAYS = 366;

/** Every problem with a period: dates that are not real calendar days, an end before the start, or a period too long. */
export function checkCampaignPeriod(startsOn: string, endsOn: string): Problem[] {
  const problems: Problem[] = [];
  const starts = parseCalendarDate(startsOn);
  const ends = parseCalendarDate(endsOn);
  if (!starts) problems.push({ field: 'startsOn', reason: `"${startsOn}" is not a calendar date YYYY-MM-DD` });
  if (!ends) problems.push({ field: 'endsOn', reason: `"${endsOn}" is not a calendar date YYYY-MM-DD` });
  if (starts && ends && ends < starts) {
    problems.push({ field: 'endsOn', reason: `the campaign ends (${endsOn}) before it starts (${startsOn})` });
  } else if (starts && ends) {
    const days = ends.diff(starts, 'days').days + 1;
    if (days > MAX_CAMPAIGN_DAYS) {
      problems.push({
        field: 'endsOn',
        reason: `the campaign would last ${days} days (${startsOn} to ${endsOn}); at most ${MAX_CAMPAIGN_DAYS} days, both ends included`,
      });
    }
  }
  return problems;
}

function parseCalendarDate(value: string): DateTime | null {
  if (typeof value !== 'string' || !DATE_SHAPE.test(value)) return null;
  const date = DateTime.fromISO(value, { zone: 'utc' });
  return date.isValid ? date : null;
}
