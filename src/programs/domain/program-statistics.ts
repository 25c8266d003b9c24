// The significance tests of the program model (docs/kpis.md §5b), on the aggregates PostgreSQL returns:
// - do the channels differ on a question measure? Chi-square test of independence on the k × 2 table
//   of passed / failed counts per channel: compliance is a count of passes out of counting visits, and
//   the chi-square test compares k proportions at once (two channels: the same as the two-proportion z-test);
// - do the channels differ on a score (the channel means, a dimension measure)? Welch's ANOVA: scores are
//   continuous, channels have very different numbers of visits and spreads, and Welch's F does not assume
//   equal variances (the classic one-way ANOVA would);
// - did an action-plan item move its compliance between two waves? The two-proportion z-test.
import { jStat } from 'jstat';
import type { Sample } from '../../kpis/domain/statistics';
import { SIGNIFICANCE_LEVEL } from '../../kpis/domain/statistics';

/** The distributions used here; src/kpis/domain/jstat.d.ts types only Student's t, so they are typed locally. */
interface Distributions {
  chisquare: { cdf(x: number, dof: number): number };
  centralF: { cdf(x: number, df1: number, df2: number): number };
  normal: { cdf(x: number, mean: number, sd: number): number };
}
const distributions = jStat as unknown as Distributions;

export interface SignificanceTest {
  name: 'chi_square' | 'welch_anova' | 'two_proportion_z' | 'welch_t';
  statistic: number;
  pValue: number;
  significant: boolean;
  /** Degrees of freedom: one for chi-square, two (numerator, denominator) for Welch's F. */
  df?: number[];
  /** Set when the test's approximation is weak (some expected count under 5). */
  note?: string;
}

/** Passes out of counting visits. */
export interface Proportion {
  passed: number;
  n: number;
}

const significant = (pValue: number) => pValue < SIGNIFICANCE_LEVEL;

/**
 * Chi-square test of independence on passed/failed counts, one row per group (channel). Groups without
 * counting visits are left out; null with fewer than two groups. When every visit passed (or every one
 * failed) there is nothing to tell the groups apart: statistic 0, p = 1.
 */
export function chiSquareTest(groups: Proportion[]): SignificanceTest | null {
  const rows = groups.filter((group) => group.n > 0);
  if (rows.length < 2) return null;
  const total = rows.reduce((sum, row) => sum + row.n, 0);
  const passed = rows.reduce((sum, row) => sum + row.passed, 0);
  const failed = total - passed;
  const df = rows.length - 1;
  if (passed === 0 || failed === 0) return { name: 'chi_square', statistic: 0, pValue: 1, significant: false, df: [df] };
  let statistic = 0;
  let smallExpected = false;
  for (const row of rows) {
    const expectedPassed = (row.n * passed) / total;
    const expectedFailed = (row.n * failed) / total;
    if (expectedPassed < 5 || expectedFailed < 5) smallExpected = true;
    statistic += (row.passed - expectedPassed) ** 2 / expectedPassed + (row.n - row.passed - expectedFailed) ** 2 / expectedFailed;
  }
  const pValue = Math.min(1, Math.max(0, 1 - distributions.chisquare.cdf(statistic, df)));
  return {
    name: 'chi_square',
    statistic,
    pValue,
    significant: significant(pValue),
    df: [df],
    ...(smallExpected ? { note: 'expected counts under 5: approximate' } : {}),
  };
}

/**
 * Welch's ANOVA (Welch 1951) on group summaries (n, mean, sample sd). Groups under two visits are left
 * out; null with fewer than two groups left. With w = n/s², W = Σw, m = Σw·mean/W:
 *   F = [Σ w (mean − m)² / (k − 1)] / [1 + 2(k − 2)/(k² − 1) · Λ],  Λ = Σ (1 − w/W)² / (n − 1),
 *   df1 = k − 1, df2 = (k² − 1) / (3Λ).
 * Groups without any spread make w infinite: when none varies, equal means cannot differ (p = 1) and
 * different ones cannot be equal (p = 0); when only some do, no test is run (null).
 */
export function welchAnova(groups: Sample[]): SignificanceTest | null {
  const complete = groups.filter((g): g is { n: number; mean: number; sd: number } => g.n >= 2 && g.mean !== null && g.sd !== null);
  const k = complete.length;
  if (k < 2) return null;
  const constant = complete.filter((g) => g.sd === 0);
  if (constant.length === k) {
    const same = complete.every((g) => g.mean === complete[0].mean);
    return {
      name: 'welch_anova',
      statistic: same ? 0 : Infinity,
      pValue: same ? 1 : 0,
      significant: !same,
      df: [k - 1, complete.reduce((s, g) => s + g.n, 0) - k],
    };
  }
  if (constant.length > 0) return null;
  const weights = complete.map((g) => g.n / g.sd ** 2);
  const totalWeight = weights.reduce((sum, w) => sum + w, 0);
  const weightedMean = complete.reduce((sum, g, i) => sum + weights[i] * g.mean, 0) / totalWeight;
  const between = complete.reduce((sum, g, i) => sum + weights[i] * (g.mean - weightedMean) ** 2, 0) / (k - 1);
  const lambda = complete.reduce((sum, g, i) => sum + (1 - weights[i] / totalWeight) ** 2 / (g.n - 1), 0);
  const statistic = between / (1 + ((2 * (k - 2)) / (k * k - 1)) * lambda);
  const df1 = k - 1;
  const df2 = (k * k - 1) / (3 * lambda);
  const pValue = Math.min(1, Math.max(0, 1 - distributions.centralF.cdf(statistic, df1, df2)));
  return { name: 'welch_anova', statistic, pValue, significant: significant(pValue), df: [df1, df2] };
}

/**
 * Two-sided two-proportion z-test of `after` against `before` (z > 0 when after's rate is higher),
 * pooled standard error. Null when either side has no counting visit. Equal rates of 0 % or 100 % on
 * both sides (no spread at all): z = 0, p = 1.
 */
export function twoProportionTest(before: Proportion, after: Proportion): SignificanceTest | null {
  if (before.n <= 0 || after.n <= 0) return null;
  const pooled = (before.passed + after.passed) / (before.n + after.n);
  const standardError = Math.sqrt(pooled * (1 - pooled) * (1 / before.n + 1 / after.n));
  if (standardError === 0) return { name: 'two_proportion_z', statistic: 0, pValue: 1, significant: false };
  const z = (after.passed / after.n - before.passed / before.n) / standardError;
  const pValue = Math.min(1, 2 * (1 - distributions.normal.cdf(Math.abs(z), 0, 1)));
  return { name: 'two_proportion_z', statistic: z, pValue, significant: significant(pValue) };
}
