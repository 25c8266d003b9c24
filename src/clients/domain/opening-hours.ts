// A touchpoint's opening hours (docs/domain.md §2): per weekday, a list of local-time intervals in the
// touchpoint's IANA time zone. Pure functions, no Nest or ORM.
//
// Conventions:
// - An interval is half-open: open from `opens` (inclusive) until `closes` (exclusive).
// - `closes` may be "24:00" (open until midnight); an interval never crosses midnight, so a bar
//   open 20:00–02:00 is written as 20:00–24:00 on one day and 00:00–02:00 on the next.
// - A weekday that is missing or has an empty list is closed. `null`/`undefined` hours mean
//   "always open" (e.g. an email inbox); `{}` would mean "never open" and is rejected.
import { DateTime, IANAZone } from 'luxon';
import type { Problem } from '../../questionnaires/domain/definition';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface OpeningInterval {
  /** "HH:mm", 24 h local time. */
  opens: string;
  /** "HH:mm" (or "24:00"), later than `opens`. */
  closes: string;
}

export type OpeningHours = Partial<Record<Weekday, OpeningInterval[]>>;

/** An open stretch of time as instants (epoch milliseconds), start inclusive, end exclusive. */
export interface OpenPeriod {
  start: number;
  end: number;
}

const MINUTES_PER_DAY = 24 * 60;
const MINUTE_MS = 60_000;
const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;
const INTERVAL_FIELDS = ['opens', 'closes'];

/** Minutes since midnight of an "HH:mm" time, or null when it is not one. `closes` also accepts "24:00". */
export function parseTimeOfDay(time: unknown, allowEndOfDay = false): number | null {
  if (typeof time !== 'string') return null;
  if (allowEndOfDay && time === '24:00') return MINUTES_PER_DAY;
  const match = TIME_OF_DAY.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** Our weekday key of a luxon date (luxon numbers Monday 1 … Sunday 7). */
export function weekdayOf(date: DateTime): Weekday {
  return WEEKDAYS[date.weekday - 1];
}

export function isValidTimeZone(zone: string): boolean {
  // Newer Intl (Node 24) also accepts offsets such as "+01:00": a touchpoint needs a named zone, whose
  // offset follows daylight saving, so only IANA names (letters first) are taken.
  return typeof zone === 'string' && /^[A-Za-z]/.test(zone) && IANAZone.isValidZone(zone);
}

/** Every problem with a raw opening-hours value, keyed like `openingHours.mon[0].closes`. */
export function checkOpeningHours(hours: unknown): Problem[] {
  if (hours === null || hours === undefined) return [];
  if (!isPlainObject(hours)) {
    return [{ field: 'openingHours', reason: 'must be an object keyed by weekday (mon … sun), or null for always open' }];
  }
  const problems: Problem[] = [];
  let openIntervals = 0;
  for (const [day, intervals] of Object.entries(hours)) {
    const field = `openingHours.${day}`;
    if (!(WEEKDAYS as readonly string[]).includes(day)) {
      problems.push({ field, reason: `unknown weekday; use ${WEEKDAYS.join(', ')}` });
    } else if (!Array.isArray(intervals)) {
      problems.push({ field, reason: 'must be a list of { opens, closes } intervals (empty when closed)' });
    } else {
      const dayProblems = checkDay(field, intervals);
      problems.push(...dayProblems);
      if (dayProblems.length === 0) openIntervals += intervals.length;
    }
  }
  if (problems.length === 0 && openIntervals === 0) {
    problems.push({ field: 'openingHours', reason: 'must open on at least one day; use null for always open' });
  }
  return problems;
}

function checkDay(field: string, intervals: unknown[]): Problem[] {
  const problems: Problem[] = [];
  const valid: Array<{ index: number; opens: number; closes: number }> = [];
  intervals.forEach((interval, index) => {
    const at = `${field}[${index}]`;
    if (!isPlainObject(interval)) {
      problems.push({ field: at, reason: 'must be an object { opens, closes }' });
      return;
    }
    for (const key of Object.keys(interval)) {
      if (!INTERVAL_FIELDS.includes(key)) problems.push({ field: `${at}.${key}`, reason: 'unknown field; use opens and closes' });
    }
    const opens = parseTimeOfDay(interval.opens);
    const closes = parseTimeOfDay(interval.closes, true);
    if (opens === null) problems.push({ field: `${at}.opens`, reason: 'must be a time HH:mm between 00:00 and 23:59' });
    if (closes === null) problems.push({ field: `${at}.closes`, reason: 'must be a time HH:mm between 00:01 and 24:00' });
    if (opens === null || closes === null) return;
    if (closes <= opens) {
      problems.push({
        field: `${at}.closes`,
        reason: `must be later than opens (${String(interval.opens)}); split hours past midnight over two days`,
      });
      return;
    }
    valid.push({ index, opens, closes });
  });

  // Sorted by opening time, an interval overlaps when it opens before the latest close so far.
  // Touching intervals (14:00 closes, 14:00 opens) do not overlap.
  const byOpening = [...valid].sort((a, b) => a.opens - b.opens);
  let latest = byOpening[0];
  for (const interval of byOpening.slice(1)) {
    if (interval.opens < latest.closes) {
      problems.push({ field: `${field}[${interval.index}]`, reason: `overlaps ${field}[${latest.index}]` });
    }
    if (interval.closes > latest.closes) latest = interval;
  }
  return problems;
}

/** Whether the touchpoint is open at `instant`, read in its time zone. No hours = always open. */
export function isWithinOpeningHours(instant: Date, hours: OpeningHours | null | undefined, timeZone: string): boolean {
  if (!hours) return true;
  const local = DateTime.fromJSDate(instant, { zone: timeZone });
  if (!local.isValid) throw new RangeError(`Unknown time zone "${timeZone}"`);
  const minute = local.hour * 60 + local.minute + (local.second * 1000 + local.millisecond) / MINUTE_MS;
  return (hours[weekdayOf(local)] ?? []).some((interval) => {
    const opens = parseTimeOfDay(interval.opens);
    const closes = parseTimeOfDay(interval.closes, true);
    return opens !== null && closes !== null && opens <= minute && minute < closes;
  });
}

/**
 * The instants a touchpoint is open on one local calendar day (`day`: any time of it, in the
 * touchpoint's zone), in order. No hours gives the whole day, 23 or 25 hours long on DST days.
 */
export function openPeriodsOn(day: DateTime, hours: OpeningHours | null | undefined): OpenPeriod[] {
  const midnight = isMidnight(day) ? day : day.startOf('day');
  const toInstant = wallClockOn(midnight);
  if (!hours) return [{ start: toInstant(0), end: toInstant(MINUTES_PER_DAY) }];
  const periods: OpenPeriod[] = [];
  for (const interval of hours[weekdayOf(midnight)] ?? []) {
    const opens = parseTimeOfDay(interval.opens);
    const closes = parseTimeOfDay(interval.closes, true);
    if (opens === null || closes === null) continue;
    const start = toInstant(opens);
    const end = toInstant(closes);
    // A wall time inside a DST gap moves forward and may swallow a very short interval.
    if (end > start) periods.push({ start, end });
  }
  return periods.sort((a, b) => a.start - b.start);
}

/** Converts a local minute of the day starting at `midnight` into epoch milliseconds. */
function wallClockOn(midnight: DateTime): (minuteOfDay: number) => number {
  const start = midnight.toMillis();
  // Most days have no clock change: minute m is then simply m minutes after midnight, which is
  // much cheaper than luxon's zone arithmetic (this runs for every day of every campaign).
  const steadyDay = midnight.hour === 0 && midnight.zone.offset(start + MINUTES_PER_DAY * MINUTE_MS) === midnight.offset;
  if (steadyDay) return (minuteOfDay) => start + minuteOfDay * MINUTE_MS;
  // `set` keeps wall-clock time across the change; `plus({ minutes })` would add elapsed time instead.
  return (minuteOfDay) =>
    (minuteOfDay === MINUTES_PER_DAY
      ? midnight.plus({ days: 1 })
      : midnight.set({ hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 })
    ).toMillis();
}

function isMidnight(date: DateTime): boolean {
  return date.hour === 0 && date.minute === 0 && date.second === 0 && date.millisecond === 0;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
