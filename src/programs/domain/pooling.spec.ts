import { poolProportions, poolSamples, proportionPercent } from './pooling';

describe('pooling', () => {
  it('adds proportions', () => {
    expect(
      poolProportions([
        { passed: 3, n: 4 },
        { passed: 1, n: 6 },
      ]),
    ).toEqual({ passed: 4, n: 10 });
    expect(proportionPercent({ passed: 4, n: 10 })).toBe(40);
    expect(proportionPercent({ passed: 0, n: 0 })).toBeNull();
  });

  it('pools samples exactly as if the raw values were pooled', () => {
    // {10, 20, 30}: n 3, mean 20, sd 10; {40, 60}: n 2, mean 50, sd 14.1421. Together {10, 20, 30, 40, 60}:
    // mean 32, squares 484 + 144 + 4 + 64 + 784 = 1480, sd = √(1480/4) = 19.2354.
    const pooled = poolSamples([
      { n: 3, mean: 20, sd: 10 },
      { n: 2, mean: 50, sd: Math.sqrt(200) },
    ]);
    expect(pooled.n).toBe(5);
    expect(pooled.mean).toBeCloseTo(32, 10);
    expect(pooled.sd).toBeCloseTo(19.2354, 4);
    expect(poolSamples([])).toEqual({ n: 0, mean: null, sd: null });
  });
});
