import { chiSquareTest, twoProportionTest, welchAnova } from './program-statistics';

describe('chiSquareTest', () => {
  it('matches a 2 × 2 table worked out by hand', () => {
    // A: 8 of 10 passed, B: 4 of 10. Totals 12 passed, 8 failed of 20: expected 6 passed and 4 failed per channel.
    // χ² = (8−6)²/6 + (4−6)²/6 + (2−4)²/4 + (6−4)²/4 = 0.6667 + 0.6667 + 1 + 1 = 3.3333, df 1;
    // p = P(χ²₁ > 3.3333) = 2·(1 − Φ(√3.3333 = 1.8257)) = 0.0679.
    const test = chiSquareTest([
      { passed: 8, n: 10 },
      { passed: 4, n: 10 },
    ])!;
    expect(test.statistic).toBeCloseTo(3.3333, 4);
    expect(test.df).toEqual([1]);
    expect(test.pValue).toBeCloseTo(0.0679, 4);
    expect(test.significant).toBe(false);
    expect(test.note).toBeDefined(); // expected failures are 4 < 5
  });

  it('matches a 3 × 2 table worked out by hand', () => {
    // 30/40, 20/40, 10/40 passed: 60 of 120 (expected 20 passed, 20 failed each).
    // χ² = 2·(10²/20) + 0 + 2·(10²/20) = 20, df 2; p = e^(−20/2) = 4.54e-5.
    const test = chiSquareTest([
      { passed: 30, n: 40 },
      { passed: 20, n: 40 },
      { passed: 10, n: 40 },
    ])!;
    expect(test.statistic).toBeCloseTo(20, 6);
    expect(test.df).toEqual([2]);
    expect(test.pValue).toBeCloseTo(Math.exp(-10), 8);
    expect(test.significant).toBe(true);
    expect(test.note).toBeUndefined();
  });

  it('needs two channels with counting visits; all passing is no difference', () => {
    expect(
      chiSquareTest([
        { passed: 3, n: 4 },
        { passed: 0, n: 0 },
      ]),
    ).toBeNull();
    expect(
      chiSquareTest([
        { passed: 4, n: 4 },
        { passed: 7, n: 7 },
      ]),
    ).toMatchObject({ statistic: 0, pValue: 1, significant: false });
  });
});

describe('welchAnova', () => {
  it('matches three groups worked out by hand', () => {
    // n 4 each, sd 10 each, means 80, 60, 70: w = 4/100 = 0.04 each, W = 0.12, weighted mean 70.
    // A = 0.04·(100 + 100 + 0)/2 = 4; Λ = 3·(1 − 1/3)²/3 = 0.4444; B = 1 + 2·1/8·0.4444 = 1.1111;
    // F = 4/1.1111 = 3.6; df1 = 2, df2 = 8/(3·0.4444) = 6. For df1 = 2, P(F > f) = (1 + 2f/df2)^(−df2/2)
    // = (1 + 7.2/6)^(−3) = 2.2^(−3) = 0.09391.
    const test = welchAnova([
      { n: 4, mean: 80, sd: 10 },
      { n: 4, mean: 60, sd: 10 },
      { n: 4, mean: 70, sd: 10 },
    ])!;
    expect(test.statistic).toBeCloseTo(3.6, 6);
    expect(test.df![0]).toBe(2);
    expect(test.df![1]).toBeCloseTo(6, 6);
    expect(test.pValue).toBeCloseTo(0.09391, 5);
    expect(test.significant).toBe(false);
  });

  it('weights groups by n/s² when spreads differ (two groups: F = Welch t²)', () => {
    // A: n 10, mean 70, sd 5 → w = 0.4; B: n 5, mean 60, sd 10 → w = 0.05. W = 0.45, m = (28 + 3)/0.45 = 68.889.
    // A-term = 0.4·1.2346 + 0.05·79.012 = 0.49383 + 3.95062 = 4.44444 (k − 1 = 1);
    // Λ = (1 − 0.8889)²/9 + (1 − 0.1111)²/4 = 0.001372 + 0.197531 = 0.198903; B = 1 (k = 2);
    // F = 4.4444 = Welch's t² with t = 10/√(25/10 + 100/5) = 10/√22.5 = 2.1082.
    const test = welchAnova([
      { n: 10, mean: 70, sd: 5 },
      { n: 5, mean: 60, sd: 10 },
    ])!;
    expect(test.statistic).toBeCloseTo(4.4444, 4);
    expect(test.df![1]).toBeCloseTo(3 / (3 * 0.198903), 3);
  });

  it('leaves out groups under two visits and handles groups without spread', () => {
    expect(
      welchAnova([
        { n: 1, mean: 50, sd: null },
        { n: 5, mean: 60, sd: 3 },
      ]),
    ).toBeNull();
    expect(
      welchAnova([
        { n: 3, mean: 50, sd: 0 },
        { n: 3, mean: 50, sd: 0 },
      ]),
    ).toMatchObject({ pValue: 1, significant: false });
    expect(
      welchAnova([
        { n: 3, mean: 50, sd: 0 },
        { n: 3, mean: 60, sd: 0 },
      ]),
    ).toMatchObject({ pValue: 0, significant: true });
    expect(
      welchAnova([
        { n: 3, mean: 50, sd: 0 },
        { n: 3, mean: 60, sd: 2 },
      ]),
    ).toBeNull();
  });
});

describe('twoProportionTest', () => {
  it('matches the hand-worked z-test (the chi-square case above, z² = χ²)', () => {
    // before 8/10, after 4/10: pooled 0.6, se = √(0.6·0.4·(1/10 + 1/10)) = 0.21909, z = (0.4 − 0.8)/0.21909 = −1.8257,
    // p = 2·(1 − Φ(1.8257)) = 0.0679.
    const test = twoProportionTest({ passed: 8, n: 10 }, { passed: 4, n: 10 })!;
    expect(test.statistic).toBeCloseTo(-1.8257, 4);
    expect(test.pValue).toBeCloseTo(0.0679, 4);
    expect(test.significant).toBe(false);
  });

  it('finds a real improvement significant', () => {
    // 20/50 → 40/50: pooled 0.6, se = √(0.24·0.04) = 0.09798, z = 0.4/0.09798 = 4.0825, p = 4.46e-5.
    const test = twoProportionTest({ passed: 20, n: 50 }, { passed: 40, n: 50 })!;
    expect(test.statistic).toBeCloseTo(4.0825, 4);
    expect(test.pValue).toBeCloseTo(4.46e-5, 6);
    expect(test.significant).toBe(true);
  });

  it('needs visits on both sides; no spread at all is no change', () => {
    expect(twoProportionTest({ passed: 0, n: 0 }, { passed: 3, n: 4 })).toBeNull();
    expect(twoProportionTest({ passed: 5, n: 5 }, { passed: 9, n: 9 })).toMatchObject({ statistic: 0, pValue: 1 });
  });
});
