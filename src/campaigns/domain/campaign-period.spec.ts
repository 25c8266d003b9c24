import { checkCampaignPeriod, MAX_CAMPAIGN_DAYS } from './campaign-period';

describe('checkCampaignPeriod', () => {
  it('accepts a period of several days and a single day', () => {
    expect(checkCampaignPeriod('2027-03-01', '2027-03-31')).toEqual([]);
    expect(checkCampaignPeriod('2027-03-03', '2027-03-03')).toEqual([]);
  });

  it('accepts a period across a year end and 29 February of a leap year', () => {
    expect(checkCampaignPeriod('2027-12-15', '2028-01-15')).toEqual([]);
    expect(checkCampaignPeriod('2028-02-29', '2028-03-01')).toEqual([]);
  });

  it('rejects an end before the start, on endsOn', () => {
    expect(checkCampaignPeriod('2027-03-10', '2027-03-09')).toEqual([
      { field: 'endsOn', reason: 'the campaign ends (2027-03-09) before it starts (2027-03-10)' },
    ]);
  });

  it('rejects days that do not exist, each on its own field', () => {
    const problems = checkCampaignPeriod('2027-02-29', '2027-13-01');
    expect(problems.map((problem) => problem.field)).toEqual(['startsOn', 'endsOn']);
  });

  it('rejects other shapes than YYYY-MM-DD', () => {
    expect(checkCampaignPeriod('2027-3-1', '2027-03-05').map((problem) => problem.field)).toEqual(['startsOn']);
    expect(checkCampaignPeriod('2027-03-01', '2027-03-05T10:00').map((problem) => problem.field)).toEqual(['endsOn']);
  });

  it('accepts a period of MAX_CAMPAIGN_DAYS (366) days, both ends included, and refuses one day more on endsOn', () => {
    expect(MAX_CAMPAIGN_DAYS).toBe(366);
    // 2028 is a leap year: 2028-01-01 .. 2028-12-31 is 366 days
    expect(checkCampaignPeriod('2028-01-01', '2028-12-31')).toEqual([]);
    expect(checkCampaignPeriod('2027-01-01', '2028-01-01')).toEqual([]);
    expect(checkCampaignPeriod('2027-01-01', '2028-01-02')).toEqual([
      { field: 'endsOn', reason: 'the campaign would last 367 days (2027-01-01 to 2028-01-02); at most 366 days, both ends included' },
    ]);
    expect(checkCampaignPeriod('2027-01-01', '9999-12-31').map((problem) => problem.field)).toEqual(['endsOn']);
  });
});
