// Several groups' summaries as one: a measure over all its channels, an action item over the channels
// it targets. Exact, from the groups' n, mean and sample sd alone.
import type { Sample } from '../../kpis/domain/statistics';
import type { Proportion } from './program-statistics';

export function poolProportions(groups: Proportion[]): Proportion {
  return groups.reduce((total, group) => ({ passed: total.passed + group.passed, n: total.n + group.n }), { passed: 0, n: 0 });
}

/** % passed, null without counting visits. */
export const proportionPercent = (proportion: Proportion): number | null =>
  proportion.n > 0 ? (100 * proportion.passed) / proportion.n : null;

/**
 * One sample from several: N = Σn, mean = Σ n·mean / N, and the sample variance from the total sum of
 * squares Σ[(n − 1)·sd² + n·(mean − M)²] / (N − 1). A group of one visit has no sd: its square term is 0.
 */
export function poolSamples(groups: Sample[]): Sample {
  const measured = groups.filter((group): group is Sample & { mean: number } => group.n > 0 && group.mean !== null);
  const n = measured.reduce((sum, group) => sum + group.n, 0);
  if (n === 0) return { n: 0, mean: null, sd: null };
  const mean = measured.reduce((sum, group) => sum + group.n * group.mean, 0) / n;
  if (n < 2) return { n, mean, sd: null };
  const squares = measured.reduce((sum, group) => sum + (group.n - 1) * (group.sd ?? 0) ** 2 + group.n * (group.mean - mean) ** 2, 0);
  return { n, mean, sd: Math.sqrt(squares / (n - 1)) };
}
