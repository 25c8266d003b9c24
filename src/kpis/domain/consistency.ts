// Cross-channel consistency (docs/kpis.md §5): is the standard the same on every channel? Each channel
// counts once, whatever its number of visits, so the inputs are the channels' mean scores.
import { max, mean, min, standardDeviation } from 'simple-statistics';
import type { KpiModel } from '../kpi-model';

export type CrossChannelConsistency = KpiModel['consistency'];

/**
 * spread = best − worst channel mean, in points; index = 100 × (1 − σ/μ) floored at 0, with μ the
 * mean of the channel means and σ their population standard deviation (100 = identical everywhere).
 * Fewer than two channels: both null, since there is nothing to compare (a single-channel filter or
 * program would otherwise read as "perfectly consistent"). Channels without any spread (all equal, even
 * all at 0 where σ/μ would be 0/0) score 100; μ = 0 otherwise cannot happen with 0..100 scores, and would floor to 0.
 */
export function crossChannelConsistency(channelMeans: number[]): CrossChannelConsistency {
  if (channelMeans.length < 2) return { spread: null, index: null };
  return { spread: max(channelMeans) - min(channelMeans), index: consistencyIndex(channelMeans) };
}

function consistencyIndex(channelMeans: number[]): number {
  const sigma = standardDeviation(channelMeans);
  if (sigma === 0) return 100;
  return Math.max(0, 100 * (1 - sigma / mean(channelMeans)));
}
