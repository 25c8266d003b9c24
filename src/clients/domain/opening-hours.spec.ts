import { DateTime } from 'luxon';
import {
  checkOpeningHours,
  isValidTimeZone,
  isWithinOpeningHours,
  openPeriodsOn,
  parseTimeOfDay,
  type OpeningHours,
} from './opening-hours';

const MADRID = 'Europe/Madrid';
/** Open Mon–Fri with a lunch break, Saturday mornings. */
const SHOP: OpeningHours = {
  mon: [
    { opens: '09:00', closes: '14:00' },
    { opens: '16:00', closes: '19:00' },
  ],
  tue: [{ opens: '09:00', closes: '14:00' }],
  sat: [{ opens: '10:00', closes: '13:30' }],
};

describe('parseTimeOfDay', () => {
  it('reads HH:mm as minutes since midnight', () => {
    expect(parseTimeOfDay('00:00')).toBe(0);
    expect(parseTimeOfDay('09:30')).toBe(570);
    expect(parseTimeOfDay('23:59')).toBe(1439);
  });

  it('accepts 24:00 only as an end of day', () => {
    expect(parseTimeOfDay('24:00')).toBeNull();
    expect(parseTimeOfDay('24:00', true)).toBe(1440);
  });

  it.each(['9:00', '09:0', '24:01', '12:60', '25:00', '09:00:00', ' 09:00', '', 900, null])('rejects %p', (time) => {
    expect(parseTimeOfDay(time, true)).toBeNull();
  });
});

describe('checkOpeningHours', () => {
  it('accepts no hours at all (always open)', () => {
    expect(checkOpeningHours(null)).toEqual([]);
    expect(checkOpeningHours(undefined)).toEqual([]);
  });

  it('accepts several intervals a day, closed days left out, and a day ending at 24:00', () => {
    expect(checkOpeningHours(SHOP)).toEqual([]);
    expect(checkOpeningHours({ fri: [{ opens: '20:00', closes: '24:00' }], sat: [{ opens: '00:00', closes: '02:00' }], sun: [] })).toEqual(
      [],
    );
  });

  it('accepts intervals that touch without overlapping, in any order', () => {
    expect(
      checkOpeningHours({
        mon: [
          { opens: '14:00', closes: '18:00' },
          { opens: '09:00', closes: '14:00' },
        ],
      }),
    ).toEqual([]);
  });

  it.each([['open'], [[]], [42]])('rejects %p as a whole', (hours) => {
    expect(checkOpeningHours(hours)).toEqual([{ field: 'openingHours', reason: expect.stringContaining('object keyed by weekday') }]);
  });

  it('rejects hours that never open', () => {
    const neverOpen = [{ field: 'openingHours', reason: 'must open on at least one day; use null for always open' }];
    expect(checkOpeningHours({})).toEqual(neverOpen);
    expect(checkOpeningHours({ sat: [], sun: [] })).toEqual(neverOpen);
  });

  it('names an unknown weekday', () => {
    expect(checkOpeningHours({ monday: [{ opens: '09:00', closes: '14:00' }], tue: [{ opens: '09:00', closes: '14:00' }] })).toEqual([
      { field: 'openingHours.monday', reason: 'unknown weekday; use mon, tue, wed, thu, fri, sat, sun' },
    ]);
  });

  it('rejects a day that is not a list and an interval that is not an object', () => {
    expect(checkOpeningHours({ mon: { opens: '09:00', closes: '14:00' }, tue: ['09:00-14:00'] })).toEqual([
      { field: 'openingHours.mon', reason: 'must be a list of { opens, closes } intervals (empty when closed)' },
      { field: 'openingHours.tue[0]', reason: 'must be an object { opens, closes }' },
    ]);
  });

  it('names each badly written time', () => {
    expect(
      checkOpeningHours({
        mon: [
          { opens: '9:00', closes: '14:00' },
          { opens: '16:00', closes: '19:75' },
        ],
        wed: [{ opens: '24:00', closes: 1900 }],
      }),
    ).toEqual([
      { field: 'openingHours.mon[0].opens', reason: 'must be a time HH:mm between 00:00 and 23:59' },
      { field: 'openingHours.mon[1].closes', reason: 'must be a time HH:mm between 00:01 and 24:00' },
      { field: 'openingHours.wed[0].opens', reason: 'must be a time HH:mm between 00:00 and 23:59' },
      { field: 'openingHours.wed[0].closes', reason: 'must be a time HH:mm between 00:01 and 24:00' },
    ]);
  });

  it('rejects a missing time and unknown fields', () => {
    expect(checkOpeningHours({ thu: [{ from: '09:00', closes: '14:00' }] })).toEqual([
      { field: 'openingHours.thu[0].from', reason: 'unknown field; use opens and closes' },
      { field: 'openingHours.thu[0].opens', reason: 'must be a time HH:mm between 00:00 and 23:59' },
    ]);
  });

  it('rejects closing at or before opening, including hours past midnight', () => {
    expect(
      checkOpeningHours({
        mon: [{ opens: '09:00', closes: '09:00' }],
        fri: [{ opens: '20:00', closes: '02:00' }],
      }),
    ).toEqual([
      { field: 'openingHours.mon[0].closes', reason: 'must be later than opens (09:00); split hours past midnight over two days' },
      { field: 'openingHours.fri[0].closes', reason: 'must be later than opens (20:00); split hours past midnight over two days' },
    ]);
  });

  it('names the later of two overlapping intervals, whatever their order', () => {
    expect(
      checkOpeningHours({
        mon: [
          { opens: '09:00', closes: '14:00' },
          { opens: '13:30', closes: '17:00' },
        ],
        tue: [
          { opens: '16:00', closes: '19:00' },
          { opens: '09:00', closes: '16:01' },
        ],
      }),
    ).toEqual([
      { field: 'openingHours.mon[1]', reason: 'overlaps openingHours.mon[0]' },
      { field: 'openingHours.tue[0]', reason: 'overlaps openingHours.tue[1]' },
    ]);
  });

  it('finds intervals inside a longer one', () => {
    expect(
      checkOpeningHours({
        sat: [
          { opens: '09:00', closes: '20:00' },
          { opens: '10:00', closes: '11:00' },
          { opens: '12:00', closes: '13:00' },
        ],
      }),
    ).toEqual([
      { field: 'openingHours.sat[1]', reason: 'overlaps openingHours.sat[0]' },
      { field: 'openingHours.sat[2]', reason: 'overlaps openingHours.sat[0]' },
    ]);
  });
});

describe('isValidTimeZone', () => {
  it.each(['Europe/Madrid', 'America/Argentina/Buenos_Aires', 'Atlantic/Canary', 'UTC'])('accepts %s', (zone) => {
    expect(isValidTimeZone(zone)).toBe(true);
  });

  it.each(['', 'Madrid', 'Mars/Olympus_Mons', '+01:00', 'local'])('rejects %p', (zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
  });
});

describe('isWithinOpeningHours', () => {
  // 2025-01-13 is a Monday; Madrid is UTC+1 in winter and UTC+2 in summer.
  it('treats no hours as always open', () => {
    expect(isWithinOpeningHours(new Date('2025-01-12T03:00:00Z'), null, MADRID)).toBe(true);
    expect(isWithinOpeningHours(new Date('2025-01-12T03:00:00Z'), undefined, MADRID)).toBe(true);
  });

  it.each([
    ['2025-01-13T07:59:00Z', '08:59 Monday, before opening', false],
    ['2025-01-13T08:00:00Z', '09:00 Monday, at opening', true],
    ['2025-01-13T12:59:59Z', '13:59:59 Monday', true],
    ['2025-01-13T13:00:00Z', '14:00 Monday, at closing (lunch break)', false],
    ['2025-01-13T14:30:00Z', '15:30 Monday, lunch break', false],
    ['2025-01-13T15:00:00Z', '16:00 Monday, afternoon opening', true],
    ['2025-01-14T16:00:00Z', '17:00 Tuesday, no afternoon hours', false],
    ['2025-01-15T09:00:00Z', '10:00 Wednesday, closed all day', false],
    ['2025-01-18T12:29:00Z', '13:29 Saturday', true],
    ['2025-01-18T12:30:00Z', '13:30 Saturday, at closing', false],
    ['2025-07-14T07:00:00Z', '09:00 Monday in summer time', true],
    ['2025-07-14T12:30:00Z', '14:30 Monday in summer time', false],
  ])('at %s (%s in Madrid) is %s', (instant, _local, open) => {
    expect(isWithinOpeningHours(new Date(instant), SHOP, MADRID)).toBe(open);
  });

  it('reads the weekday in the touchpoint time zone', () => {
    // Sunday 23:30 UTC is already Monday 00:30 in Madrid.
    const hours: OpeningHours = { mon: [{ opens: '00:00', closes: '01:00' }] };
    const instant = new Date('2025-01-12T23:30:00Z');
    expect(isWithinOpeningHours(instant, hours, MADRID)).toBe(true);
    expect(isWithinOpeningHours(instant, hours, 'UTC')).toBe(false);
  });

  it('stays open until midnight when a day closes at 24:00', () => {
    const hours: OpeningHours = { sun: [{ opens: '20:00', closes: '24:00' }] };
    expect(isWithinOpeningHours(new Date('2025-01-19T22:59:00Z'), hours, MADRID)).toBe(true); // Sun 23:59
    expect(isWithinOpeningHours(new Date('2025-01-19T23:00:00Z'), hours, MADRID)).toBe(false); // Mon 00:00
  });

  it('refuses an unknown time zone', () => {
    expect(() => isWithinOpeningHours(new Date('2025-01-13T08:00:00Z'), SHOP, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('openPeriodsOn', () => {
  const madridDay = (iso: string) => DateTime.fromISO(iso, { zone: MADRID });
  const asIso = (periods: Array<{ start: number; end: number }>) =>
    periods.map((p) => [new Date(p.start).toISOString(), new Date(p.end).toISOString()]);

  it('turns the weekday hours into instants, in order', () => {
    const unordered: OpeningHours = {
      mon: [
        { opens: '16:00', closes: '19:00' },
        { opens: '09:00', closes: '14:00' },
      ],
    };
    expect(asIso(openPeriodsOn(madridDay('2025-01-13'), unordered))).toEqual([
      ['2025-01-13T08:00:00.000Z', '2025-01-13T13:00:00.000Z'],
      ['2025-01-13T15:00:00.000Z', '2025-01-13T18:00:00.000Z'],
    ]);
  });

  it('keeps wall-clock hours on the day clocks go forward', () => {
    // Sunday 2025-03-30: Madrid jumps from 02:00 (UTC+1) to 03:00 (UTC+2).
    const sundays: OpeningHours = { sun: [{ opens: '09:00', closes: '14:00' }] };
    expect(asIso(openPeriodsOn(madridDay('2025-03-30'), sundays))).toEqual([['2025-03-30T07:00:00.000Z', '2025-03-30T12:00:00.000Z']]);
  });

  it('gives the whole day, 23 or 25 hours long on DST days, when there are no hours', () => {
    expect(asIso(openPeriodsOn(madridDay('2025-03-30'), null))).toEqual([['2025-03-29T23:00:00.000Z', '2025-03-30T22:00:00.000Z']]);
    expect(asIso(openPeriodsOn(madridDay('2025-10-26'), undefined))).toEqual([['2025-10-25T22:00:00.000Z', '2025-10-26T23:00:00.000Z']]);
  });

  it('ends a day closing at 24:00 at the next midnight, also on the 25-hour day', () => {
    // Sunday 2025-10-26: Madrid falls back from 03:00 (UTC+2) to 02:00 (UTC+1).
    const lateSundays: OpeningHours = { sun: [{ opens: '20:00', closes: '24:00' }] };
    expect(asIso(openPeriodsOn(madridDay('2025-10-26'), lateSundays))).toEqual([['2025-10-26T19:00:00.000Z', '2025-10-26T23:00:00.000Z']]);
  });

  it('accepts any time of the day it is given', () => {
    expect(openPeriodsOn(madridDay('2025-01-13T17:45'), SHOP)).toEqual(openPeriodsOn(madridDay('2025-01-13'), SHOP));
  });

  it('gives nothing on a closed day', () => {
    expect(openPeriodsOn(madridDay('2025-01-15'), SHOP)).toEqual([]);
  });
});
