import { SCORE_BIN_SQL, scoreBinOf, scoreBinSql, scoreHistogram } from './distribution';

describe('scoreBinOf', () => {
  it('puts each score in its 10-point bin, the lower edge included', () => {
    expect(scoreBinOf(0)).toBe(0);
    expect(scoreBinOf(9.99)).toBe(0);
    expect(scoreBinOf(10)).toBe(1);
    expect(scoreBinOf(55.5)).toBe(5);
    expect(scoreBinOf(89.999)).toBe(8);
    expect(scoreBinOf(90)).toBe(9);
  });

  it('puts a perfect 100 in the last bin, 90–100', () => {
    expect(scoreBinOf(100)).toBe(9);
  });
});

describe('scoreBinSql', () => {
  it('is the same rule in PostgreSQL: floor of a tenth, 100 capped into bin 9, as an integer', () => {
    expect(SCORE_BIN_SQL).toBe('LEAST(FLOOR(score / 10), 9)::int');
    expect(scoreBinSql('vr.score')).toBe('LEAST(FLOOR(vr.score / 10), 9)::int');
  });
});

describe('scoreHistogram', () => {
  it('gives the ten bins in order, zero-filling the bins without visits', () => {
    // What PostgreSQL counts for scores 55, 58, 71, 90 and 100: bins 5, 5, 7, 9, 9.
    const binCounts = [
      { bin: 5, count: 2 },
      { bin: 7, count: 1 },
      { bin: 9, count: 2 },
    ];

    expect(scoreHistogram(binCounts)).toEqual([
      { from: 0, to: 10, count: 0 },
      { from: 10, to: 20, count: 0 },
      { from: 20, to: 30, count: 0 },
      { from: 30, to: 40, count: 0 },
      { from: 40, to: 50, count: 0 },
      { from: 50, to: 60, count: 2 },
      { from: 60, to: 70, count: 0 },
      { from: 70, to: 80, count: 1 },
      { from: 80, to: 90, count: 0 },
      { from: 90, to: 100, count: 2 },
    ]);
  });

  it('accepts the bins in any order and adds up a bin listed twice', () => {
    const histogram = scoreHistogram([
      { bin: 9, count: 4 },
      { bin: 0, count: 1 },
      { bin: 9, count: 2 },
    ]);

    expect(histogram.map((entry) => entry.count)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 6]);
  });

  it('gives ten empty bins without visits', () => {
    const histogram = scoreHistogram([]);

    expect(histogram).toHaveLength(10);
    expect(histogram.every((entry) => entry.count === 0)).toBe(true);
    expect(histogram[9]).toEqual({ from: 90, to: 100, count: 0 });
  });

  it('refuses a bin no score between 0 and 100 can produce', () => {
    expect(() => scoreHistogram([{ bin: 10, count: 1 }])).toThrow(RangeError);
    expect(() => scoreHistogram([{ bin: -1, count: 1 }])).toThrow(RangeError);
    expect(() => scoreHistogram([{ bin: 2.5, count: 1 }])).toThrow(RangeError);
  });
});
