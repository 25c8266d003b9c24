// The distribution of visit scores (docs/kpis.md §5): ten 10-point bins, 0–10 … 90–100. PostgreSQL counts
// the visits per bin with scoreBinSql; scoreBinOf is the same rule in TypeScript, so both put a score
// on the same side of every edge.
import type { KpiModel } from '../kpi-model';

export type ScoreBin = KpiModel['distribution'][number];

export const SCORE_BIN_WIDTH = 10;
export const SCORE_BIN_COUNT = 10;
const LAST_BIN = SCORE_BIN_COUNT - 1;

/** A score's bin, 0..9: [0, 10) → 0, …, [90, 100] → 9, so a perfect 100 joins the last bin. */
export function scoreBinOf(score: number): number {
  return Math.min(Math.floor(score / SCORE_BIN_WIDTH), LAST_BIN);
}

/**
 * scoreBinOf as a PostgreSQL integer expression over a score column or expression (double precision).
 * The argument is pasted into SQL: pass a column name from the code, never user input.
 */
export function scoreBinSql(scoreExpression: string): string {
  return `LEAST(FLOOR(${scoreExpression} / ${SCORE_BIN_WIDTH}), ${LAST_BIN})::int`;
}

/** scoreBinSql over a column named `score`. */
export const SCORE_BIN_SQL = scoreBinSql('score');

/**
 * The ten bins with their visit counts, empty bins included, from PostgreSQL's counts per bin (a bin
 * listed twice adds up). A bin outside 0..9 means a score outside 0..100, a bug upstream: it throws
 * rather than hide visits.
 */
export function scoreHistogram(binCounts: Array<{ bin: number; count: number }>): ScoreBin[] {
  const counts = new Array<number>(SCORE_BIN_COUNT).fill(0);
  for (const { bin, count } of binCounts) {
    if (!Number.isInteger(bin) || bin < 0 || bin > LAST_BIN) {
      throw new RangeError(`Score bin ${bin} is outside 0..${LAST_BIN}: a score outside 0..100 was counted`);
    }
    counts[bin] += count;
  }
  return counts.map((count, bin) => ({ from: bin * SCORE_BIN_WIDTH, to: (bin + 1) * SCORE_BIN_WIDTH, count }));
}
