import { mean, sampleStandardDeviation } from 'simple-statistics';
import { compareWaves, confidenceInterval95, welchTTest, type Sample } from './statistics';

/** What PostgreSQL's count, avg and stddev_samp give for these scores. */
function summarise(scores: number[]): Sample {
  return { n: scores.length, mean: mean(scores), sd: sampleStandardDeviation(scores) };
}

describe('confidenceInterval95', () => {
  it('uses the t distribution with n − 1 degrees of freedom for three visits scoring 80, 90 and 70', () => {
    // mean = 80; sd = √(((0)² + (10)² + (−10)²) / 2) = 10; standard error = 10 / √3 = 5.773503.
    // With 2 df the t quantile has a closed form, t = (2p − 1) / √(2p(1 − p)) at p = 0.975:
    // 0.95 / √0.04875 = 4.302653. Half-width = 4.302653 × 5.773503 = 24.841377 → [55.158623, 104.841377].
    const sample = summarise([80, 90, 70]);
    expect(sample).toEqual({ n: 3, mean: 80, sd: 10 });

    const [low, high] = confidenceInterval95(sample)!;

    expect(low).toBeCloseTo(55.158623, 5);
    expect(high).toBeCloseTo(104.841377, 5);
  });

  it('narrows towards the normal interval as visits grow: n 100, mean 75, sd 12', () => {
    // Standard error = 12 / √100 = 1.2; t(0.975, 99) = 1.984217 (tables: between 1.984 at 100 df and
    // 1.987 at 90 df), half-width = 2.381060 → [72.618940, 77.381060].
    const [low, high] = confidenceInterval95({ n: 100, mean: 75, sd: 12 })!;

    expect(low).toBeCloseTo(72.61894, 4);
    expect(high).toBeCloseTo(77.38106, 4);
  });

  it('collapses to the mean when every visit scored the same', () => {
    expect(confidenceInterval95({ n: 4, mean: 85, sd: 0 })).toEqual([85, 85]);
  });

  it('gives no interval below two visits, where no spread can be estimated', () => {
    expect(confidenceInterval95({ n: 1, mean: 80, sd: null })).toBeNull();
    expect(confidenceInterval95({ n: 0, mean: null, sd: null })).toBeNull();
  });
});

describe('welchTTest', () => {
  it('tests two groups of different sizes and variances: (n 10, mean 20, sd 4) against (n 12, mean 23, sd 5)', () => {
    // Squared standard errors: 4² / 10 = 1.6 and 5² / 12 = 2.083333; sum 3.683333, √ = 1.919201.
    // t = (20 − 23) / 1.919201 = −1.563150.
    // df = 3.683333² / (1.6² / 9 + 2.083333² / 11) = 13.566944 / (0.284444 + 0.394571) = 19.980327.
    // p = 2 · P(T ≤ −1.563150) with 19.98 df: between 0.10 and 0.20 by tables (t 1.325 and 1.725 at
    // 20 df); 0.133718 exactly (SciPy's ttest_ind_from_stats agrees).
    const result = welchTTest({ n: 10, mean: 20, sd: 4 }, { n: 12, mean: 23, sd: 5 })!;

    expect(result.t).toBeCloseTo(-1.56315, 5);
    expect(result.df).toBeCloseTo(19.980327, 5);
    expect(result.pValue).toBeCloseTo(0.133718, 5);
  });

  it("reproduces the textbook example from the raw scores (Wikipedia, Welch's t-test, example 1)", () => {
    // Published: t = −2.46, df ≈ 25.0, p = 0.021.
    const groupA = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
    const groupB = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];

    const result = welchTTest(summarise(groupA), summarise(groupB))!;

    expect(result.t).toBeCloseTo(-2.46, 2);
    expect(result.df).toBeCloseTo(25.0, 1);
    expect(result.pValue).toBeCloseTo(0.021, 3);
  });

  it('still works when only one group varies: (n 5, mean 50, sd 0) against (n 4, mean 60, sd 10)', () => {
    // Squared standard errors 0 and 100 / 4 = 25: t = −10 / 5 = −2; df = 25² / (25² / 3) = 3.
    // With 3 df, P(T ≤ t) = 1/2 + (1/π)·(u / (1 + u²) + atan u), u = t / √3 = −1.154701:
    // 1/2 + (−0.494872 − 0.857072) / π = 0.069662, so p = 0.139325.
    const result = welchTTest({ n: 5, mean: 50, sd: 0 }, { n: 4, mean: 60, sd: 10 })!;

    expect(result.t).toBeCloseTo(-2, 10);
    expect(result.df).toBeCloseTo(3, 10);
    expect(result.pValue).toBeCloseTo(0.139325, 5);
  });

  it('is symmetric: swapping the groups only flips the sign of t', () => {
    const forward = welchTTest({ n: 10, mean: 20, sd: 4 }, { n: 12, mean: 23, sd: 5 })!;
    const backward = welchTTest({ n: 12, mean: 23, sd: 5 }, { n: 10, mean: 20, sd: 4 })!;

    expect(backward.t).toBeCloseTo(-forward.t, 10);
    expect(backward.df).toBeCloseTo(forward.df, 10);
    expect(backward.pValue).toBeCloseTo(forward.pValue, 10);
  });

  describe('when neither group varies', () => {
    it('finds no difference between equal constants (p = 1)', () => {
      expect(welchTTest({ n: 3, mean: 80, sd: 0 }, { n: 4, mean: 80, sd: 0 })).toEqual({ t: 0, df: 5, pValue: 1 });
    });

    it('finds a certain difference between different constants (p = 0)', () => {
      const result = welchTTest({ n: 3, mean: 70, sd: 0 }, { n: 4, mean: 80, sd: 0 });

      expect(result).toEqual({ t: -Infinity, df: 5, pValue: 0 });
    });
  });

  it('needs at least two visits on each side', () => {
    expect(welchTTest({ n: 1, mean: 80, sd: null }, { n: 10, mean: 70, sd: 5 })).toBeNull();
    expect(welchTTest({ n: 10, mean: 70, sd: 5 }, { n: 0, mean: null, sd: null })).toBeNull();
  });
});

describe('compareWaves', () => {
  it('reports a 10-point rise on three visits each as not significant', () => {
    // Previous (n 3, mean 70, sd 10), current (n 3, mean 80, sd 10): squared standard errors 100 / 3
    // each, t = 10 / √66.6667 = 1.224745, df = 66.6667² / (2 × 33.3333² / 2) = 4.
    // With 4 df, P(T ≤ t) = 1/2 + (3/8)·v·(1 − v²/12), v = t / √(1 + t²/4) = 1.044466:
    // 1/2 + 0.356068 = 0.856068, so p = 0.287864 ≥ 0.05.
    const comparison = compareWaves({ n: 3, mean: 70, sd: 10 }, { n: 3, mean: 80, sd: 10 });

    expect(comparison).toEqual({
      previous: 70,
      current: 80,
      change: 10,
      pValue: expect.closeTo(0.287864, 5),
      significant: false,
    });
  });

  it('reports a 5-point rise on a hundred visits each as significant', () => {
    // t = 5 / √(100/100 + 100/100) = 3.535534, df = 2² / (2 × 1² / 99) = 198, p = 0.000507 < 0.05.
    const comparison = compareWaves({ n: 100, mean: 70, sd: 10 }, { n: 100, mean: 75, sd: 10 });

    expect(comparison.change).toBe(5);
    expect(comparison.pValue).toBeCloseTo(0.000507, 6);
    expect(comparison.significant).toBe(true);
  });

  it('reports a fall as a negative change', () => {
    const comparison = compareWaves({ n: 3, mean: 80, sd: 10 }, { n: 3, mean: 70, sd: 10 });

    expect(comparison.change).toBe(-10);
    expect(comparison.pValue).toBeCloseTo(0.287864, 5);
  });

  it('still gives both means and the change when one wave has a single visit, but no test', () => {
    expect(compareWaves({ n: 1, mean: 60, sd: null }, { n: 8, mean: 75, sd: 9 })).toEqual({
      previous: 60,
      current: 75,
      change: 15,
      pValue: null,
      significant: null,
      note: 'not enough data',
    });
  });

  it('has nothing to compare against when a wave is missing or empty', () => {
    const notEnoughData = { pValue: null, significant: null, note: 'not enough data' };
    const wave = { n: 8, mean: 75, sd: 9 };
    const emptyWave = { n: 0, mean: null, sd: null };

    expect(compareWaves(null, wave)).toEqual({ previous: null, current: 75, change: null, ...notEnoughData });
    expect(compareWaves(wave, emptyWave)).toEqual({ previous: 75, current: null, change: null, ...notEnoughData });
  });
});
