// The omnichannel report's charts (a program wave's) as Apache ECharts options, beside the campaign's
// (./options.ts) and built the same way: pure functions of the program model and a ChartStyle.
import { channelName, ReportLabels } from '../i18n';
import { measureTitle } from '../program/i18n';
import { channelBars, ChartOption, shortLabel } from './options';
import type { ChartStyle } from './style';

/** The parts of the program model the charts read. */
export interface ChartProgramModel {
  channels: Array<{ channel: string; mean: number | null }>;
  measures: Array<{ key: string; title: string; kind: string; channels: Array<{ channel: string; compliance: number | null }> }>;
}

/** Red below 50, amber around 70, green from 90: the traffic-light scale of the heatmap, as an interpolated ramp. */
export const HEATMAP_COLORS = ['#C0392B', '#E67E22', '#F4D03F', '#7DBE6B', '#2E7D32'];
const ABSENT_COLOR = '#E4E8EC';
/** The value an absent cell carries inside the chart only, to pick its grey: never shown, never a score. */
const ABSENT = -1;

/** A channel name on at most two lines, broken at the space nearest its middle, so narrow columns never overlap. */
export function wrapLabel(text: string, maxLine = 10): string {
  if (text.length <= maxLine) return text;
  const spaces = [...text].map((character, index) => (character === ' ' ? index : -1)).filter((index) => index > 0);
  if (!spaces.length) return text;
  const middle = text.length / 2;
  const at = spaces.reduce((best, index) => (Math.abs(index - middle) < Math.abs(best - middle) ? index : best));
  return `${text.slice(0, at)}\n${text.slice(at + 1)}`;
}

export interface HeatmapCell {
  measure: number;
  channel: number;
  value: number | null;
}

/** The heatmap's cells: each measure × channel of the wave; null where the channel's questionnaire lacks the measure. */
export function heatmapCells(model: ChartProgramModel): HeatmapCell[] {
  const channels = model.channels.map((channel) => channel.channel);
  return model.measures.flatMap((measure, measureIndex) =>
    channels.map((channel, channelIndex) => ({
      measure: measureIndex,
      channel: channelIndex,
      value: measure.channels.find((value) => value.channel === channel)?.compliance ?? null,
    })),
  );
}

/**
 * Measures down, channels across; each cell coloured by its compliance on a 0–100 red-to-green ramp
 * and labelled with it. Cells where the measure is not measured are a grey "—": absent, not 0.
 */
export function heatmapChart(model: ChartProgramModel, labels: ReportLabels, style: ChartStyle): ChartOption {
  const { text, label, palette } = style;
  const channels = model.channels.map((channel) => channelName(labels, channel.channel));
  // ECharts draws the first category at the bottom: reverse so the first measure is on top.
  const measureCount = model.measures.length;
  const measures = model.measures.map((measure) => shortLabel(measureTitle(measure, labels), 40)).reverse();
  const cells = heatmapCells(model);
  const y = (index: number) => measureCount - 1 - index;
  const format = (params: { value: unknown }) => {
    const value = (params.value as number[])[2];
    return value === ABSENT ? '—' : style.decimal(value);
  };
  return {
    animation: false,
    textStyle: text,
    grid: { left: 8, right: 24, top: 8, bottom: 40, containLabel: true },
    xAxis: {
      type: 'category',
      position: 'top',
      data: channels,
      splitArea: { show: false },
      axisTick: { show: false },
      axisLine: { show: false },
      // Slanted: seven channel names never fit side by side over cells this narrow.
      axisLabel: { ...text, interval: 0, fontWeight: 'bold', fontSize: 9, rotate: 35 },
    },
    yAxis: {
      type: 'category',
      data: measures,
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { ...text, fontSize: 9 },
    },
    // Every heatmap series needs a visual map: the ramp for measured cells, one grey piece for absent ones.
    visualMap: [
      {
        min: 0,
        max: 100,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemWidth: 12,
        itemHeight: 180,
        seriesIndex: 0,
        inRange: { color: HEATMAP_COLORS },
        text: ['100', '0'],
        textStyle: { ...text, color: palette.muted, fontSize: 9 },
      },
      { type: 'piecewise', show: false, seriesIndex: 1, pieces: [{ value: ABSENT, color: ABSENT_COLOR }] },
    ],
    series: [
      {
        type: 'heatmap',
        data: cells.filter((cell) => cell.value !== null).map((cell) => [cell.channel, y(cell.measure), cell.value]),
        itemStyle: { borderColor: palette.white, borderWidth: 2 },
        label: { show: true, formatter: format, ...label, fontWeight: 'bold', fontSize: 9 },
      },
      {
        type: 'heatmap',
        data: cells.filter((cell) => cell.value === null).map((cell) => [cell.channel, y(cell.measure), ABSENT]),
        itemStyle: { borderColor: palette.white, borderWidth: 2 },
        label: { show: true, formatter: () => '—', ...label, color: palette.muted, fontSize: 9 },
      },
    ],
  };
}

/** Channel means as vertical bars; the line is μ of the consistency index, drawn once two channels have a mean. */
export function channelScoresChart(model: ChartProgramModel, labels: ReportLabels, style: ChartStyle): ChartOption {
  return channelBars(
    model.channels.map((channel) => ({ name: wrapLabel(channelName(labels, channel.channel)), value: channel.mean })),
    style,
    2,
  );
}
