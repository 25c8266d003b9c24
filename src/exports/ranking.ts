// The touchpoint ranking both reports print (docs/kpis.md §5 "Ranking"). Pure.
import type { KpiModel } from '../kpis/kpi-model';

export type RankedTouchpoint = { touchpoint: KpiModel['touchpoints'][number]; rank: number | null };

/**
 * Touchpoints by mean score, best first; equal means share a rank ("1, 2, 2, 4"), ties listed by name.
 * Touchpoints without visits (mean null) come last, unranked.
 */
export function rankTouchpoints(touchpoints: KpiModel['touchpoints']): RankedTouchpoint[] {
  const sorted = [...touchpoints].sort((a, b) => {
    if (a.mean === null || b.mean === null) return a.mean === null ? (b.mean === null ? a.name.localeCompare(b.name) : 1) : -1;
    return b.mean - a.mean || a.name.localeCompare(b.name);
  });
  let previous: number | null = null;
  let rank = 0;
  return sorted.map((touchpoint, index) => {
    if (touchpoint.mean === null) return { touchpoint, rank: null };
    if (touchpoint.mean !== previous) rank = index + 1;
    previous = touchpoint.mean;
    return { touchpoint, rank };
  });
}
