import { DateTime } from 'luxon';
import type { OpeningHours } from '../../clients/domain/opening-hours';
import { planVisits, SchedulingError, type PlannedVisit, type SchedulingInput, type SchedulingTouchpoint } from './scheduling';

const MADRID = 'Europe/Madrid';
const MORNING_AND_AFTERNOON = [
  { opens: '09:00', closes: '14:00' },
  { opens: '16:00', closes: '19:00' },
];
/** Open Monday to Friday, 09:00–14:00 and 16:00–19:00. */
const SPLIT_SHIFT: OpeningHours = {
  mon: MORNING_AND_AFTERNOON,
  tue: MORNING_AND_AFTERNOON,
  wed: MORNING_AND_AFTERNOON,
  thu: MORNING_AND_AFTERNOON,
  fri: MORNING_AND_AFTERNOON,
};

/** SPLIT_SHIFT written out again, independently of the code under test. */
function isOpenOnSplitShift(at: Date): boolean {
  const local = DateTime.fromJSDate(at, { zone: MADRID });
  const minute = local.hour * 60 + local.minute;
  return local.weekday <= 5 && ((minute >= 9 * 60 && minute < 14 * 60) || (minute >= 16 * 60 && minute < 19 * 60));
}

const shop = (id: string, overrides: Partial<SchedulingTouchpoint> = {}): SchedulingTouchpoint => ({
  id,
  openingHours: SPLIT_SHIFT,
  timeZone: MADRID,
  ...overrides,
});
const alwaysOpen = (id: string, timeZone = 'UTC'): SchedulingTouchpoint => ({ id, openingHours: null, timeZone });

function plan(overrides: Partial<SchedulingInput>): PlannedVisit[] {
  return planVisits({
    seed: 'wave-1',
    startsOn: '2025-03-17',
    endsOn: '2025-04-13',
    visitsPerTouchpoint: 4,
    touchpoints: [shop('tp-1')],
    scenarios: [],
    ...overrides,
  });
}

const iso = (date: Date) => date.toISOString();
const windowsOf = (visits: PlannedVisit[]) => visits.map((visit) => [iso(visit.windowStart), iso(visit.windowEnd)]);
const inMadrid = (date: Date) => DateTime.fromJSDate(date, { zone: MADRID });
const visitsOf = (visits: PlannedVisit[], touchpointId: string) => visits.filter((visit) => visit.touchpointId === touchpointId);
const DAY_MS = 24 * 60 * 60 * 1000;
/** Mañana until 14:00, tarde until 20:00, then noche. */
const partOfDay = (date: Date, zone: string) => {
  const hour = DateTime.fromJSDate(date, { zone }).hour;
  return hour < 14 ? 'morning' : hour < 20 ? 'afternoon' : 'evening';
};

describe('planVisits', () => {
  describe('input', () => {
    it.each([
      ['endsOn before startsOn', { startsOn: '2025-03-10', endsOn: '2025-03-09' }, 'endsOn (2025-03-09) is before startsOn (2025-03-10)'],
      ['no visits', { visitsPerTouchpoint: 0 }, 'visitsPerTouchpoint must be a whole number of at least 1, got 0'],
      ['a fraction of a visit', { visitsPerTouchpoint: 2.5 }, 'visitsPerTouchpoint must be a whole number of at least 1, got 2.5'],
      ['a date that does not exist', { startsOn: '2025-02-30' }, 'startsOn must be a date YYYY-MM-DD, got "2025-02-30"'],
      ['a date in another format', { endsOn: '13/04/2025' }, 'endsOn must be a date YYYY-MM-DD, got "13/04/2025"'],
      ['an empty window', { windowDays: 0 }, 'windowDays must be a whole number of at least 1, got 0'],
      [
        'an unknown time zone',
        { touchpoints: [shop('tp-1', { timeZone: 'Europe/Atlantis' })] },
        'touchpoint tp-1 has an unknown time zone "Europe/Atlantis"',
      ],
      [
        'a touchpoint never open in the period',
        { startsOn: '2025-03-22', endsOn: '2025-03-23' }, // a weekend
        'touchpoint tp-1 is never open between 2025-03-22 and 2025-03-23; check its opening hours or the campaign period',
      ],
    ] as Array<[string, Partial<SchedulingInput>, string]>)('refuses %s', (_case, overrides, message) => {
      expect(() => plan(overrides)).toThrow(SchedulingError);
      expect(() => plan(overrides)).toThrow(message);
    });

    it('plans nothing without touchpoints and accepts a one-day campaign', () => {
      expect(plan({ touchpoints: [] })).toEqual([]);
      expect(windowsOf(plan({ startsOn: '2025-03-17', endsOn: '2025-03-17', visitsPerTouchpoint: 1 }))).toEqual([
        ['2025-03-16T23:00:00.000Z', '2025-03-17T23:00:00.000Z'],
      ]);
    });
  });

  describe('windows', () => {
    it('splits the period into consecutive, equal-ish windows between local midnights', () => {
      // 10 days, 3 visits: days 1–3, 4–6 and 7–10 (⌊10/3⌋ = 3, ⌊20/3⌋ = 6).
      const visits = plan({ startsOn: '2025-03-01', endsOn: '2025-03-10', visitsPerTouchpoint: 3, touchpoints: [alwaysOpen('tp-1')] });
      expect(windowsOf(visits)).toEqual([
        ['2025-03-01T00:00:00.000Z', '2025-03-04T00:00:00.000Z'],
        ['2025-03-04T00:00:00.000Z', '2025-03-07T00:00:00.000Z'],
        ['2025-03-07T00:00:00.000Z', '2025-03-11T00:00:00.000Z'],
      ]);
    });

    it('shares out the open days and gives closed days to the window before them', () => {
      // Sat 1 – Sun 16 March: open days 3–7 and 10–14 March (10), 4 visits take open days
      // 0–1, 2–4, 5–6 and 7–9 (⌊10/4⌋ = 2, ⌊20/4⌋ = 5, ⌊30/4⌋ = 7). Madrid is UTC+1.
      const visits = plan({ startsOn: '2025-03-01', endsOn: '2025-03-16', visitsPerTouchpoint: 4 });
      expect(windowsOf(visits)).toEqual([
        ['2025-02-28T23:00:00.000Z', '2025-03-04T23:00:00.000Z'], // Sat 1 – Tue 4
        ['2025-03-04T23:00:00.000Z', '2025-03-09T23:00:00.000Z'], // Wed 5 – Sun 9
        ['2025-03-09T23:00:00.000Z', '2025-03-11T23:00:00.000Z'], // Mon 10 – Tue 11
        ['2025-03-11T23:00:00.000Z', '2025-03-16T23:00:00.000Z'], // Wed 12 – Sun 16
      ]);
    });

    it('puts several visits on one day when there are fewer days than visits, as evenly as possible', () => {
      // 2 days, 5 visits: open-day index ⌊i·2/5⌋ = 0, 0, 0, 1, 1.
      const visits = plan({ startsOn: '2025-03-01', endsOn: '2025-03-02', visitsPerTouchpoint: 5, touchpoints: [alwaysOpen('tp-1')] });
      const firstDay = ['2025-03-01T00:00:00.000Z', '2025-03-02T00:00:00.000Z'];
      const secondDay = ['2025-03-02T00:00:00.000Z', '2025-03-03T00:00:00.000Z'];
      expect(windowsOf(visits)).toEqual([firstDay, firstDay, firstDay, secondDay, secondDay]);
      // The same day cannot change the weekday, but the part of the day still varies.
      expect(new Set(visits.slice(0, 3).map((visit) => partOfDay(visit.plannedAt, 'UTC'))).size).toBeGreaterThanOrEqual(2);
    });

    it('follows local midnights across the autumn DST change (a 25-hour day)', () => {
      const visits = plan({
        startsOn: '2025-10-25',
        endsOn: '2025-10-27',
        visitsPerTouchpoint: 3,
        touchpoints: [alwaysOpen('tp-1', MADRID)],
      });
      expect(windowsOf(visits)).toEqual([
        ['2025-10-24T22:00:00.000Z', '2025-10-25T22:00:00.000Z'],
        ['2025-10-25T22:00:00.000Z', '2025-10-26T23:00:00.000Z'],
        ['2025-10-26T23:00:00.000Z', '2025-10-27T23:00:00.000Z'],
      ]);
    });

    it('starts each day at its own midnight where clocks jump at midnight', () => {
      // Santiago de Chile skipped from 00:00 to 01:00 (UTC-4 → UTC-3) on Sunday 2024-09-08.
      const visits = plan({
        startsOn: '2024-09-07',
        endsOn: '2024-09-09',
        visitsPerTouchpoint: 3,
        touchpoints: [alwaysOpen('tp-1', 'America/Santiago')],
      });
      expect(windowsOf(visits)).toEqual([
        ['2024-09-07T04:00:00.000Z', '2024-09-08T04:00:00.000Z'], // Sat 00:00-04
        ['2024-09-08T04:00:00.000Z', '2024-09-09T03:00:00.000Z'], // Sun 01:00-03 (23 hours)
        ['2024-09-09T03:00:00.000Z', '2024-09-10T03:00:00.000Z'], // Mon 00:00-03
      ]);
    });

    it("narrows each window to windowDays days inside the visit's share of the period", () => {
      // 30 days, 3 visits: shares 1–10, 11–20, 21–30 March; each window 7 whole days inside its share.
      const visits = plan({
        startsOn: '2025-03-01',
        endsOn: '2025-03-30',
        visitsPerTouchpoint: 3,
        windowDays: 7,
        touchpoints: [alwaysOpen('tp-1')],
      });
      const shares = [
        ['2025-03-01T00:00:00.000Z', '2025-03-11T00:00:00.000Z'],
        ['2025-03-11T00:00:00.000Z', '2025-03-21T00:00:00.000Z'],
        ['2025-03-21T00:00:00.000Z', '2025-03-31T00:00:00.000Z'],
      ];
      visits.forEach((visit, index) => {
        expect(visit.windowEnd.getTime() - visit.windowStart.getTime()).toBe(7 * DAY_MS);
        expect(visit.windowStart.getUTCHours()).toBe(0);
        expect(iso(visit.windowStart) >= shares[index][0] && iso(visit.windowEnd) <= shares[index][1]).toBe(true);
        expect(visit.plannedAt >= visit.windowStart && visit.plannedAt < visit.windowEnd).toBe(true);
      });
    });

    it('never narrows a window onto closed days', () => {
      // One-day windows over two weeks of a Monday-to-Friday shop: each must be a weekday.
      for (const seed of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) {
        const visits = plan({ seed, startsOn: '2025-03-03', endsOn: '2025-03-16', visitsPerTouchpoint: 2, windowDays: 1 });
        for (const visit of visits) {
          expect(inMadrid(visit.windowStart).weekday).toBeLessThanOrEqual(5);
          expect(visit.windowEnd.getTime() - visit.windowStart.getTime()).toBe(DAY_MS);
        }
      }
    });

    it('leaves windows no longer than windowDays as they are', () => {
      const input = { startsOn: '2025-03-01', endsOn: '2025-03-10', visitsPerTouchpoint: 3, touchpoints: [alwaysOpen('tp-1')] };
      expect(windowsOf(plan({ ...input, windowDays: 4 }))).toEqual(windowsOf(plan(input)));
    });
  });

  describe('four weeks across the spring DST change, 20 visits to a split-shift shop', () => {
    // Mon 17 March – Sun 13 April 2025; Madrid moves from UTC+1 to UTC+2 on Sunday 30 March.
    const visits = plan({ visitsPerTouchpoint: 20 });

    it('plans every visit inside its window, on a whole minute', () => {
      expect(visits).toHaveLength(20);
      for (const visit of visits) {
        expect(visit.plannedAt.getTime()).toBeGreaterThanOrEqual(visit.windowStart.getTime());
        expect(visit.plannedAt.getTime()).toBeLessThan(visit.windowEnd.getTime());
        expect(visit.plannedAt.getTime() % 60_000).toBe(0);
      }
    });

    it('plans every visit inside the opening hours', () => {
      expect(visits.filter((visit) => !isOpenOnSplitShift(visit.plannedAt))).toEqual([]);
    });

    it('gives each visit one of the 20 open days, in order', () => {
      expect(visits.map((visit) => inMadrid(visit.plannedAt).toISODate())).toEqual([
        ...['2025-03-17', '2025-03-18', '2025-03-19', '2025-03-20', '2025-03-21'],
        ...['2025-03-24', '2025-03-25', '2025-03-26', '2025-03-27', '2025-03-28'],
        ...['2025-03-31', '2025-04-01', '2025-04-02', '2025-04-03', '2025-04-04'],
        ...['2025-04-07', '2025-04-08', '2025-04-09', '2025-04-10', '2025-04-11'],
      ]);
    });

    it('covers the period with contiguous windows that start at local midnights', () => {
      const windows = windowsOf(visits);
      expect(windows[0][0]).toBe('2025-03-16T23:00:00.000Z');
      expect(windows[19][1]).toBe('2025-04-13T22:00:00.000Z');
      // Friday 28 March takes the weekend in which the clocks change: 23 + 24 + 23 hours.
      expect(windows[9]).toEqual(['2025-03-27T23:00:00.000Z', '2025-03-30T22:00:00.000Z']);
      for (let i = 1; i < windows.length; i++) expect(windows[i][0]).toBe(windows[i - 1][1]);
      for (const visit of visits) {
        expect(inMadrid(visit.windowStart).toFormat('HH:mm:ss.SSS')).toBe('00:00:00.000');
        expect(inMadrid(visit.windowEnd).toFormat('HH:mm:ss.SSS')).toBe('00:00:00.000');
      }
    });

    it('spreads the visits over the weekdays and both parts of the day', () => {
      const weekdays = new Set(visits.map((visit) => inMadrid(visit.plannedAt).weekday));
      const mornings = visits.filter((visit) => partOfDay(visit.plannedAt, MADRID) === 'morning').length;
      expect(weekdays.size).toBe(5);
      // Mornings hold 5 of the 8 open hours, so blind draws would give about 12.5 of 20 mornings;
      // spreading evens the two parts out.
      expect(mornings).toBeGreaterThanOrEqual(8);
      expect(mornings).toBeLessThanOrEqual(12);
    });
  });

  describe('spreading', () => {
    it('spreads 20 visits over 4 weeks of an always-open touchpoint over weekdays and parts of the day', () => {
      const visits = plan({ visitsPerTouchpoint: 20, touchpoints: [alwaysOpen('tp-1', MADRID)] });
      const weekdays = new Set(visits.map((visit) => inMadrid(visit.plannedAt).weekday));
      const partsOfDay = new Set(visits.map((visit) => partOfDay(visit.plannedAt, MADRID)));
      expect(weekdays.size).toBeGreaterThanOrEqual(4);
      expect(partsOfDay.size).toBeGreaterThanOrEqual(2);
    });

    it('avoids repeating a weekday across weekly visits far more often than chance', () => {
      // One visit a week for 4 weeks: drawn blindly, 4 different weekdays out of 5 happen
      // 5·4·3·2 / 5⁴ ≈ 19% of the time.
      const touchpoints = Array.from({ length: 100 }, (_, i) => shop(`tp-${i}`));
      const visits = plan({ startsOn: '2025-03-03', endsOn: '2025-03-30', visitsPerTouchpoint: 4, touchpoints });
      const weekdaysOf = (id: string) => visitsOf(visits, id).map((visit) => inMadrid(visit.plannedAt).weekday);
      const allDifferent = touchpoints.filter(({ id }) => new Set(weekdaysOf(id)).size === 4);
      const consecutiveRepeats = touchpoints.flatMap(({ id }) => weekdaysOf(id).filter((day, i, days) => i > 0 && day === days[i - 1]));
      expect(allDifferent.length).toBeGreaterThanOrEqual(80);
      expect(consecutiveRepeats.length).toBeLessThanOrEqual(3); // of 300 pairs; blindly about 60
    });

    it('makes a day with longer hours proportionally more likely', () => {
      // Monday 8 open hours, Tuesday 2: Monday should get 80% of single visits in that week
      // (320 of 400, standard deviation 8).
      const hours: OpeningHours = { mon: [{ opens: '09:00', closes: '17:00' }], tue: [{ opens: '09:00', closes: '11:00' }] };
      const touchpoints = Array.from({ length: 400 }, (_, i) => shop(`tp-${i}`, { openingHours: hours }));
      const visits = plan({ startsOn: '2025-03-03', endsOn: '2025-03-09', visitsPerTouchpoint: 1, touchpoints });
      const mondays = visits.filter((visit) => inMadrid(visit.plannedAt).weekday === 1).length;
      expect(mondays).toBeGreaterThanOrEqual(288);
      expect(mondays).toBeLessThanOrEqual(352);
    });
  });

  describe('reproducibility', () => {
    const input = {
      visitsPerTouchpoint: 6,
      touchpoints: [shop('tp-1'), alwaysOpen('tp-2')],
      scenarios: [{ key: 'price' }, { key: 'complaint' }],
    };

    it('gives the same plan for the same input', () => {
      expect(plan(input)).toEqual(plan(input));
    });

    it('gives another plan for another seed', () => {
      const times = (visits: PlannedVisit[]) => visits.map((visit) => iso(visit.plannedAt));
      expect(times(plan({ ...input, seed: 'wave-2' }))).not.toEqual(times(plan(input)));
    });

    it("keeps a touchpoint's plan when other touchpoints are added, removed or changed", () => {
      const alone = plan({ ...input, touchpoints: [shop('tp-1')] });
      const withOthers = plan({
        ...input,
        touchpoints: [alwaysOpen('tp-0'), shop('tp-1'), shop('tp-3', { openingHours: { sat: MORNING_AND_AFTERNOON } })],
      });
      expect(visitsOf(withOthers, 'tp-1')).toEqual(alone);
    });
  });

  describe('scenarios', () => {
    const scenarios = [{ key: 'price' }, { key: 'complaint' }, { key: 'return' }];

    it('rotates the scenarios so their counts differ by at most one', () => {
      const visits = plan({ visitsPerTouchpoint: 7, scenarios });
      const keys = visits.map((visit) => visit.scenarioKey);
      const counts = scenarios.map(({ key }) => keys.filter((k) => k === key).length).sort();
      expect(counts).toEqual([2, 2, 3]);
      const order = scenarios.map(({ key }) => key);
      for (let i = 1; i < keys.length; i++) {
        expect(order.indexOf(keys[i]!)).toBe((order.indexOf(keys[i - 1]!) + 1) % order.length);
      }
    });

    it('starts the rotation at a seeded scenario, different between touchpoints', () => {
      const touchpoints = Array.from({ length: 30 }, (_, i) => alwaysOpen(`tp-${i}`));
      const firstScenarios = new Set(plan({ visitsPerTouchpoint: 1, touchpoints, scenarios }).map((visit) => visit.scenarioKey));
      expect(firstScenarios.size).toBe(3);
    });

    it('uses the only scenario everywhere, and none when the campaign has none', () => {
      expect(plan({ scenarios: [{ key: 'price' }] }).map((visit) => visit.scenarioKey)).toEqual(['price', 'price', 'price', 'price']);
      expect(plan({ scenarios: [] }).map((visit) => visit.scenarioKey)).toEqual([null, null, null, null]);
    });
  });
});
