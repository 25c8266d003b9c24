import { changedFields } from './audit-log';

describe('changedFields', () => {
  it('keeps only the fields whose values changed, on both sides', () => {
    expect(changedFields({ name: 'A', region: 'North', tags: ['x'] }, { name: 'B', region: 'North', tags: ['x'] })).toEqual({
      before: { name: 'A' },
      after: { name: 'B' },
    });
  });

  it('compares arrays and objects by value, and null like undefined', () => {
    expect(
      changedFields(
        { hours: { mon: [] }, city: null as string | null },
        { hours: { mon: [] }, city: undefined as unknown as string | null },
      ),
    ).toBeNull();
    expect(changedFields({ ids: ['a', 'b'] }, { ids: ['b', 'a'] })).toEqual({ before: { ids: ['a', 'b'] }, after: { ids: ['b', 'a'] } });
  });
});
