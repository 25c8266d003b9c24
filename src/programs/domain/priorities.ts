// Where a measure is weakest and which inconsistencies cost most (docs/kpis.md §5b).
import type { Channel } from '../../questionnaires/domain/definition';

export interface ChannelValue {
  channel: Channel;
  /** Compliance (question measures) or mean score (dimension measures), 0–100; null without counting visits. */
  compliance: number | null;
  n: number;
}

/** The channel with the lowest value; ties go to the one with more visits, then to the channel name. */
export function weakestChannel(values: ChannelValue[]): Channel | null {
  const measured = values.filter((value) => value.compliance !== null);
  if (measured.length === 0) return null;
  measured.sort((a, b) => (a.compliance as number) - (b.compliance as number) || b.n - a.n || (a.channel < b.channel ? -1 : 1));
  return measured[0].channel;
}

export interface Priority {
  measureKey: string;
  channel: Channel;
  /** Points below the measure's best channel. */
  gap: number;
  /** The channel's share of the wave's visits, in percent. */
  share: number;
  /** gap × share / 100: the points of the measure the whole program loses to this channel's gap. */
  impact: number;
  advice?: string;
}

/**
 * For every measure measured on two or more channels, each channel below the best one: the gap in
 * points times the channel's share of the wave's visits. Highest impact first (ties: bigger gap, then
 * measure key and channel), so the top rows are where closing the gap moves the program most. The
 * advice is what `adviceOf` gives for that measure on that channel (its own questionnaire's advice).
 */
export function programPriorities(
  measures: Array<{ key: string; channels: ChannelValue[] }>,
  sharePercent: ReadonlyMap<Channel, number>,
  adviceOf: (measureKey: string, channel: Channel) => string[] = () => [],
): Priority[] {
  const priorities: Priority[] = [];
  for (const measure of measures) {
    const measured = measure.channels.filter((value) => value.compliance !== null);
    if (measured.length < 2) continue;
    const best = Math.max(...measured.map((value) => value.compliance as number));
    for (const value of measured) {
      const gap = best - (value.compliance as number);
      if (gap <= 0) continue;
      const share = sharePercent.get(value.channel) ?? 0;
      const advice = adviceOf(measure.key, value.channel);
      priorities.push({
        measureKey: measure.key,
        channel: value.channel,
        gap,
        share,
        impact: (gap * share) / 100,
        ...(advice.length > 0 ? { advice: advice.join(' · ') } : {}),
      });
    }
  }
  return priorities.sort(
    (a, b) =>
      b.impact - a.impact ||
      b.gap - a.gap ||
      (a.measureKey < b.measureKey ? -1 : a.measureKey > b.measureKey ? 1 : a.channel < b.channel ? -1 : 1),
  );
}
