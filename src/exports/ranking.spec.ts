import { rankTouchpoints } from './ranking';

const tp = (name: string, mean: number | null) => ({
  id: name,
  name,
  channel: 'phone' as const,
  region: 'R',
  city: null,
  mean,
  n: mean === null ? 0 : 3,
});

describe('rankTouchpoints', () => {
  it('ranks best first, shares ranks on ties (1, 2, 2, 4) and puts touchpoints without visits last', () => {
    const ranked = rankTouchpoints([tp('D', 50), tp('Empty', null), tp('B', 80), tp('A', 90), tp('C', 80)]);
    expect(ranked.map(({ touchpoint, rank }) => [touchpoint.name, rank])).toEqual([
      ['A', 1],
      ['B', 2],
      ['C', 2],
      ['D', 4],
      ['Empty', null],
    ]);
  });

  it('handles no touchpoints', () => {
    expect(rankTouchpoints([])).toEqual([]);
  });
});
