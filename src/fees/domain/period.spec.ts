import { checkPeriod } from './period';

describe('checkPeriod', () => {
  it('accepts a one-day and a month period', () => {
    expect(checkPeriod('2027-02-01', '2027-02-01')).toEqual([]);
    expect(checkPeriod('2027-02-01', '2027-02-28')).toEqual([]);
  });
  it('names a date that is not a calendar day, an end before the start, and a period too long', () => {
    expect(checkPeriod('2027-02-30', '2027-13-01').map((p) => p.field)).toEqual(['from', 'to']);
    expect(checkPeriod('2027-03-01', '2027-02-01')).toEqual([
      { field: 'to', reason: 'the period ends (2027-02-01) before it starts (2027-03-01)' },
    ]);
    expect(checkPeriod('2000-01-01', '2027-01-01')[0].reason).toMatch(/at most/);
  });
});
