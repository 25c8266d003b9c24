// Planning a campaign's visits (docs/domain.md §3, scheduling rules): employees know the program
// exists, never the day. Pure and reproducible: the same input always gives the same plan.
//
// How a touchpoint's visits are planned:
// 1. Windows. The campaign period (inclusive local dates in the touchpoint's time zone) is split
//    into `visitsPerTouchpoint` consecutive windows holding equal-ish numbers of *open days* (days
//    with opening hours; every day when the touchpoint has none). Closed days join the window
//    before them (leading ones the first window), so windows are contiguous, cover the period,
//    never overlap and each one contains open time. When the period has fewer open days than
//    visits, each window is a single open day and several visits share it (as evenly as possible).
//    With `windowDays`, a window longer than that is narrowed to `windowDays` consecutive days
//    placed at random inside it, still containing an open day.
//    Boundaries are local midnights: `windowStart` is inclusive, `windowEnd` (the midnight after
//    the window's last day) exclusive.
// 2. plannedAt. A minute drawn uniformly among the window's open minutes, so a day with longer
//    hours is proportionally more likely. To spread visits instead of bunching them, up to
//    SPREAD_DRAWS candidates are drawn and the one whose weekday and part of day were used least by
//    the touchpoint's earlier visits wins (the first such one; a perfect candidate stops early).
// 3. Scenarios rotate over the touchpoint's visits from a seeded starting offset, so their counts
//    differ by at most one per touchpoint.
// Each visit draws from its own generator seeded by (seed, touchpoint id, visit index), and the
// scenario offset from (seed, touchpoint id): adding or removing a touchpoint leaves the other
// touchpoints' plans untouched.
import { DateTime } from 'luxon';
import seedrandom from 'seedrandom';
import { isValidTimeZone, openPeriodsOn, weekdayOf, type OpeningHours, type OpenPeriod } from '../../clients/domain/opening-hours';

export interface SchedulingInput {
  seed: string;
  /** YYYY-MM-DD, first day of the campaign. */
  startsOn: string;
  /** YYYY-MM-DD, last day of the campaign (inclusive). */
  endsOn: string;
  visitsPerTouchpoint: number;
  touchpoints: SchedulingTouchpoint[];
  scenarios: Array<{ key: string }>;
  /** Longest window a visit gets, in days; by default a window is the visit's whole share of the period. */
  windowDays?: number;
}

export interface SchedulingTouchpoint {
  id: string;
  openingHours?: OpeningHours | null;
  /** IANA time zone the opening hours and the campaign dates are read in. */
  timeZone: string;
}

export interface PlannedVisit {
  touchpointId: string;
  scenarioKey: string | null;
  windowStart: Date;
  /** Exclusive: the local midnight after the window's last day. */
  windowEnd: Date;
  plannedAt: Date;
}

/** The input cannot be planned (bad dates, no visits, a touchpoint never open in the period…). */
export class SchedulingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SchedulingError';
  }
}

/** Candidates drawn per visit when looking for an unused weekday and part of day. */
const SPREAD_DRAWS = 16;
const MINUTE_MS = 60_000;

/** Parts of the day as Spanish trading hours split them: mañana until 14:00, tarde until 20:00, then noche. */
type PartOfDay = 'morning' | 'afternoon' | 'evening';
function partOfDay(hour: number): PartOfDay {
  if (hour < 14) return 'morning';
  return hour < 20 ? 'afternoon' : 'evening';
}

/** One local calendar day of the period (midnight to midnight, epoch ms) and when the touchpoint is open on it. */
interface PeriodDay {
  start: number;
  end: number;
  open: OpenPeriod[];
}

/** A window as an inclusive range of indexes into the period's days. */
interface DayRange {
  first: number;
  last: number;
}

/** The weekday and part of day of a planned visit, what spreading compares. */
interface Slot {
  weekday: string;
  part: PartOfDay;
}

export function planVisits(input: SchedulingInput): PlannedVisit[] {
  checkInput(input);
  const calendar = periodCalendar(input.startsOn, input.endsOn);
  return input.touchpoints.flatMap((touchpoint) => planTouchpoint(input, touchpoint, calendar(touchpoint)));
}

function checkInput(input: SchedulingInput): void {
  const startsOn = parseDate(input.startsOn, 'startsOn');
  const endsOn = parseDate(input.endsOn, 'endsOn');
  if (endsOn < startsOn) throw new SchedulingError(`endsOn (${input.endsOn}) is before startsOn (${input.startsOn})`);
  if (!Number.isInteger(input.visitsPerTouchpoint) || input.visitsPerTouchpoint < 1) {
    throw new SchedulingError(`visitsPerTouchpoint must be a whole number of at least 1, got ${input.visitsPerTouchpoint}`);
  }
  if (input.windowDays !== undefined && (!Number.isInteger(input.windowDays) || input.windowDays < 1)) {
    throw new SchedulingError(`windowDays must be a whole number of at least 1, got ${input.windowDays}`);
  }
  for (const touchpoint of input.touchpoints) {
    if (!isValidTimeZone(touchpoint.timeZone)) {
      throw new SchedulingError(`touchpoint ${touchpoint.id} has an unknown time zone "${touchpoint.timeZone}"`);
    }
  }
}

function parseDate(value: string, name: string): DateTime {
  const date = DateTime.fromFormat(value, 'yyyy-MM-dd', { zone: 'UTC' });
  if (!date.isValid) throw new SchedulingError(`${name} must be a date YYYY-MM-DD, got "${value}"`);
  return date;
}

function planTouchpoint(input: SchedulingInput, touchpoint: SchedulingTouchpoint, days: PeriodDay[]): PlannedVisit[] {
  const openDays = days.flatMap((day, index) => (day.open.length > 0 ? [index] : []));
  if (openDays.length === 0) {
    throw new SchedulingError(
      `touchpoint ${touchpoint.id} is never open between ${input.startsOn} and ${input.endsOn}; check its opening hours or the campaign period`,
    );
  }
  const scenarioKeys = rotatedScenarioKeys(input, touchpoint.id);
  const earlierSlots: Slot[] = [];
  return Array.from({ length: input.visitsPerTouchpoint }, (_, visitIndex) => {
    const random = seedrandom(JSON.stringify([input.seed, touchpoint.id, visitIndex]));
    let window = windowOf(visitIndex, input.visitsPerTouchpoint, openDays, days.length);
    if (input.windowDays !== undefined) window = narrowWindow(window, input.windowDays, days, random);
    const plannedAt = drawPlannedAt(days.slice(window.first, window.last + 1), touchpoint.timeZone, earlierSlots, random);
    earlierSlots.push(slotOf(plannedAt, touchpoint.timeZone));
    return {
      touchpointId: touchpoint.id,
      scenarioKey: scenarioKeys[visitIndex],
      windowStart: new Date(days[window.first].start),
      windowEnd: new Date(days[window.last].end),
      plannedAt: new Date(plannedAt),
    };
  });
}

/**
 * The period's days as each touchpoint sees them. Luxon's time-zone arithmetic is slow, so local
 * midnights are worked out once per time zone and open periods once per (zone, opening hours):
 * the branches of a chain usually share both.
 */
function periodCalendar(startsOn: string, endsOn: string): (touchpoint: SchedulingTouchpoint) => PeriodDay[] {
  const midnightsByZone = new Map<string, DateTime[]>();
  const daysByZoneAndHours = new Map<string, PeriodDay[]>();
  // The calendar dates of the period plus the day after it, whose midnight ends the last day.
  const firstDate = DateTime.fromISO(startsOn, { zone: 'utc' });
  const dayCount = DateTime.fromISO(endsOn, { zone: 'utc' }).diff(firstDate, 'days').days + 1;
  const dates = Array.from({ length: dayCount + 1 }, (_, offset) => firstDate.plus({ days: offset }));
  // Each midnight from its own date: where clocks jump at midnight (e.g. America/Santiago) that day
  // starts at 01:00, and stepping on from it with `plus({ days })` would keep 01:00.
  const midnightsIn = (timeZone: string): DateTime[] =>
    dates.map(({ year, month, day }) => DateTime.fromObject({ year, month, day }, { zone: timeZone }));
  return ({ timeZone, openingHours }) => {
    const key = JSON.stringify([timeZone, openingHours ?? null]);
    let days = daysByZoneAndHours.get(key);
    if (!days) {
      let midnights = midnightsByZone.get(timeZone);
      if (!midnights) midnightsByZone.set(timeZone, (midnights = midnightsIn(timeZone)));
      days = midnights.slice(0, -1).map((midnight, index) => ({
        start: midnight.toMillis(),
        end: midnights[index + 1].toMillis(),
        open: openPeriodsOn(midnight, openingHours),
      }));
      daysByZoneAndHours.set(key, days);
    }
    return days;
  };
}

/**
 * Visit `visitIndex`'s share of the open days — open-day indexes ⌊i·M/N⌋ … ⌊(i+1)·M/N⌋−1 for M
 * open days and N visits, at least one — stretched over the closed days up to the next share.
 */
function windowOf(visitIndex: number, visits: number, openDays: number[], dayCount: number): DayRange {
  const firstOpen = Math.floor((visitIndex * openDays.length) / visits);
  const lastOpen = Math.max(firstOpen, Math.floor(((visitIndex + 1) * openDays.length) / visits) - 1);
  return {
    first: firstOpen === 0 ? 0 : openDays[firstOpen],
    last: lastOpen === openDays.length - 1 ? dayCount - 1 : openDays[lastOpen + 1] - 1,
  };
}

/** A random run of `windowDays` days inside the window that still holds an open day. */
function narrowWindow(window: DayRange, windowDays: number, days: PeriodDay[], random: () => number): DayRange {
  if (window.last - window.first + 1 <= windowDays) return window;
  const firsts: number[] = [];
  for (let first = window.first; first + windowDays - 1 <= window.last; first++) {
    if (days.slice(first, first + windowDays).some((day) => day.open.length > 0)) firsts.push(first);
  }
  const first = firsts[Math.floor(random() * firsts.length)];
  return { first, last: first + windowDays - 1 };
}

/** Epoch milliseconds of an open minute in `days`, preferring a weekday and part of day used least so far. */
function drawPlannedAt(days: PeriodDay[], timeZone: string, earlierSlots: Slot[], random: () => number): number {
  const open = days.flatMap((day) => day.open);
  const openMinutes = open.reduce((sum, period) => sum + Math.floor((period.end - period.start) / MINUTE_MS), 0);
  const weekdayUses = countBy(earlierSlots.map((slot) => slot.weekday));
  const partUses = countBy(earlierSlots.map((slot) => slot.part));
  const usesOf = (slot: Slot) => (weekdayUses.get(slot.weekday) ?? 0) + (partUses.get(slot.part) ?? 0);
  // No candidate can beat the least-used weekday plus the least-used part of day.
  const bestPossible = leastUses(weekdayUses, 7) + leastUses(partUses, 3);

  const drawCandidate = () => {
    const at = minuteAt(open, Math.floor(random() * openMinutes));
    return { at, uses: usesOf(slotOf(at, timeZone)) };
  };
  let best = drawCandidate();
  for (let draw = 1; draw < SPREAD_DRAWS && best.uses > bestPossible; draw++) {
    const candidate = drawCandidate();
    if (candidate.uses < best.uses) best = candidate;
  }
  return best.at;
}

/** The start of the `index`-th open minute, counting through the open periods in order. */
function minuteAt(open: OpenPeriod[], index: number): number {
  let remaining = index;
  for (const period of open) {
    const minutes = Math.floor((period.end - period.start) / MINUTE_MS);
    if (remaining < minutes) return period.start + remaining * MINUTE_MS;
    remaining -= minutes;
  }
  throw new RangeError(`open minute ${index} is out of range`);
}

function slotOf(at: number, timeZone: string): Slot {
  const local = DateTime.fromMillis(at, { zone: timeZone });
  return { weekday: weekdayOf(local), part: partOfDay(local.hour) };
}

function countBy(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** Fewest uses among `kinds` possible values, counting the never-used ones as 0. */
function leastUses(counts: Map<string, number>, kinds: number): number {
  return counts.size < kinds ? 0 : Math.min(...counts.values());
}

/** Scenario key per visit index: the scenarios in turn from a seeded start, null when there are none. */
function rotatedScenarioKeys(input: SchedulingInput, touchpointId: string): Array<string | null> {
  const { scenarios, visitsPerTouchpoint } = input;
  if (scenarios.length === 0) return Array<null>(visitsPerTouchpoint).fill(null);
  const offset = Math.floor(seedrandom(JSON.stringify([input.seed, touchpointId, 'scenarios']))() * scenarios.length);
  return Array.from({ length: visitsPerTouchpoint }, (_, i) => scenarios[(offset + i) % scenarios.length].key);
}
