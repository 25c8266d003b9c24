import { canonicalFilters, reportCacheKey, rowProgress, type ReportIdentity } from './report-cache';

const identity: ReportIdentity = {
  campaignId: '0b6d1c9e-7f0a-4a55-9d7c-0f4f3c1c2b10',
  format: 'pdf',
  language: 'es',
  filters: { channel: 'phone', region: 'North' },
  audience: 'client',
  dataFingerprint: '12|abc',
};

describe('reportCacheKey', () => {
  it('is the same for the same report whatever the order or the unset filters', () => {
    const same = { ...identity, filters: { region: 'North', channel: 'phone' as const, scenario: undefined, to: '' } };
    expect(reportCacheKey(same)).toBe(reportCacheKey(identity));
    expect(reportCacheKey(identity)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with each thing that changes the file', () => {
    const keys = [
      identity,
      { ...identity, campaignId: '1b6d1c9e-7f0a-4a55-9d7c-0f4f3c1c2b10' },
      { ...identity, format: 'xlsx' as const },
      { ...identity, language: 'en' },
      { ...identity, audience: 'staff' as const },
      { ...identity, filters: { channel: 'phone' as const } },
      { ...identity, filters: { ...identity.filters, includeUnapproved: true } },
      { ...identity, dataFingerprint: '13|abc' },
    ].map(reportCacheKey);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('canonicalFilters', () => {
  it('keeps false (includeUnapproved=false is a choice) and drops what is unset', () => {
    expect(canonicalFilters({ includeUnapproved: false, region: undefined, channel: 'email' })).toEqual({
      channel: 'email',
      includeUnapproved: false,
    });
  });
});

describe('rowProgress', () => {
  it('climbs with the rows from 10 to 95 and never reaches 100 before the file is stored', () => {
    expect(rowProgress(0, 1000)).toBe(10);
    expect(rowProgress(500, 1000)).toBe(52);
    expect(rowProgress(1000, 1000)).toBe(95);
    expect(rowProgress(5000, 1000)).toBe(95);
    expect(rowProgress(3, 0)).toBe(50);
  });
});
