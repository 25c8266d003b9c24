// Inference on the aggregates PostgreSQL returns (count, avg, stddev_samp), docs/kpis.md §5: the overall
// score's 95% confidence interval and the trend's Welch's t-test. Summaries are enough for both, so
// raw scores never leave the database.
import { jStat } from 'jstat';
import type { WaveComparison } from '../kpi-model';

/** One group of visits as PostgreSQL summarises it; avg and stddev_samp are NULL with too few rows. */
export interface Sample {
  n: number;
  mean: number | null;
  /** Sample standard deviation (n − 1 in the denominator, like stddev_samp). */
  sd: number | null;
}

export interface WelchTTestResult {
  t: number;
  /** Welch–Satterthwaite degrees of freedom. */
  df: number;
  /** Two-sided. */
  pValue: number;
}

export const CONFIDENCE_LEVEL = 0.95;
/** A trend is significant when p < this (docs/kpis.md §5). */
export const SIGNIFICANCE_LEVEL = 0.05;

type CompleteSample = { n: number; mean: number; sd: number };

/** Inference needs a spread, and a spread needs at least two visits (stddev_samp of one row is NULL). */
function completeSample(sample: Sample | null): CompleteSample | null {
  if (sample === null || sample.n < 2 || sample.mean === null || sample.sd === null) return null;
  return { n: sample.n, mean: sample.mean, sd: sample.sd };
}

/**
 * The 95% confidence interval of the mean, mean ± t(0.975, n − 1) · sd / √n. Null below two visits,
 * where no spread can be estimated; a sample without spread gives [mean, mean]. Not clipped to the
 * 0..100 score scale: a wide interval past 100 honestly says "too few visits".
 */
export function confidenceInterval95(sample: Sample): [number, number] | null {
  const complete = completeSample(sample);
  if (complete === null) return null;
  const { n, mean, sd } = complete;
  const criticalT = jStat.studentt.inv(1 - (1 - CONFIDENCE_LEVEL) / 2, n - 1);
  const halfWidth = (criticalT * sd) / Math.sqrt(n);
  return [mean - halfWidth, mean + halfWidth];
}

/**
 * Two-sided Welch's t-test of a's mean against b's (t > 0 when a's is higher); it does not assume
 * equal variances, which two waves rarely have. Null when either group has fewer than two visits.
 *
 * When neither group varies, t is 0/0 or ±x/0: equal constants cannot differ (t = 0, p = 1) and
 * different constants cannot be equal (t = ±∞, p = 0); df, undefined there, is Student's na + nb − 2.
 */
export function welchTTest(a: Sample, b: Sample): WelchTTestResult | null {
  const first = completeSample(a);
  const second = completeSample(b);
  if (first === null || second === null) return null;

  const difference = first.mean - second.mean;
  const squaredErrorA = first.sd ** 2 / first.n;
  const squaredErrorB = second.sd ** 2 / second.n;
  const squaredError = squaredErrorA + squaredErrorB;

  if (squaredError === 0) {
    return {
      t: difference === 0 ? 0 : Math.sign(difference) * Infinity,
      df: first.n + second.n - 2,
      pValue: difference === 0 ? 1 : 0,
    };
  }

  const t = difference / Math.sqrt(squaredError);
  const df = squaredError ** 2 / (squaredErrorA ** 2 / (first.n - 1) + squaredErrorB ** 2 / (second.n - 1));
  // Both tails; min() absorbs rounding above 1 when t is 0.
  const pValue = Math.min(1, 2 * jStat.studentt.cdf(-Math.abs(t), df));
  return { t, df, pValue };
}

/**
 * One KPI against the previous campaign (the trend of docs/api.md "Results"): change = current − previous,
 * significant when Welch's p < 0.05. Either side missing or under two visits: the means and change are
 * still given where known, but no test is run and the note says why.
 */
export function compareWaves(previous: Sample | null, current: Sample | null): WaveComparison {
  const previousMean = previous?.mean ?? null;
  const currentMean = current?.mean ?? null;
  const change = previousMean !== null && currentMean !== null ? currentMean - previousMean : null;
  const test = previous !== null && current !== null ? welchTTest(current, previous) : null;

  const values = { previous: previousMean, current: currentMean, change };
  if (test === null) return { ...values, pValue: null, significant: null, note: 'not enough data' };
  return { ...values, pValue: test.pValue, significant: test.pValue < SIGNIFICANCE_LEVEL };
}
