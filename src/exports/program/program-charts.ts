// The omnichannel report's charts: Apache ECharts options from the program model, rendered to SVG by
// the campaign report's renderChartSvg (server-side, no DOM) and placed in the PDF as vectors.
import type * as echarts from 'echarts';
import type { ProgramModel } from '../../programs/program-model';
import { formatDecimal } from '../format';
import { channelName, ReportLabels, ReportLanguage } from '../i18n';
import { shortLabel } from '../pdf/charts';
import { FONT, PALETTE } from '../pdf/theme';
import { measureTitle } from './i18n';

type Option = echarts.EChartsCoreOption;

const TEXT = { fontFamily: FONT.regular, color: PALETTE.text, fontSize: 10 };
/** svg-to-pdfkit does not know paint-order, so labels get no halo (as in the campaign charts). */
const LABEL = { ...TEXT, textBorderWidth: 0, textShadowBlur: 0 };

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
export function heatmapCells(model: ProgramModel): HeatmapCell[] {
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
export function heatmapChart(model: ProgramModel, language: ReportLanguage, labels: ReportLabels): Option {
  const channels = model.channels.map((channel) => channelName(labels, channel.channel));
  // ECharts draws the first category at the bottom: reverse so the first measure is on top.
  const measureCount = model.measures.length;
  const measures = model.measures.map((measure) => shortLabel(measureTitle(measure, labels), 40)).reverse();
  const cells = heatmapCells(model);
  const y = (index: number) => measureCount - 1 - index;
  const format = (params: { value: unknown }) => {
    const value = (params.value as number[])[2];
    return value === ABSENT ? '—' : formatDecimal(value, language);
  };
  return {
    textStyle: TEXT,
    grid: { left: 8, right: 24, top: 8, bottom: 40, containLabel: true },
    xAxis: {
      type: 'category',
      position: 'top',
      data: channels,
      splitArea: { show: false },
      axisTick: { show: false },
      axisLine: { show: false },
      // Slanted: seven channel names never fit side by side over cells this narrow.
      axisLabel: { ...TEXT, interval: 0, fontWeight: 'bold', fontSize: 9, rotate: 35 },
    },
    yAxis: {
      type: 'category',
      data: measures,
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { ...TEXT, fontSize: 9 },
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
        textStyle: { ...TEXT, color: PALETTE.muted, fontSize: 9 },
      },
      { type: 'piecewise', show: false, seriesIndex: 1, pieces: [{ value: ABSENT, color: ABSENT_COLOR }] },
    ],
    series: [
      {
        type: 'heatmap',
        data: cells.filter((cell) => cell.value !== null).map((cell) => [cell.channel, y(cell.measure), cell.value]),
        itemStyle: { borderColor: PALETTE.white, borderWidth: 2 },
        label: { show: true, formatter: format, ...LABEL, fontWeight: 'bold', fontSize: 9 },
      },
      {
        type: 'heatmap',
        data: cells.filter((cell) => cell.value === null).map((cell) => [cell.channel, y(cell.measure), ABSENT]),
        itemStyle: { borderColor: PALETTE.white, borderWidth: 2 },
        label: { show: true, formatter: () => '—', ...LABEL, color: PALETTE.muted, fontSize: 9 },
      },
    ],
  };
}

/** Channel means as vertical bars with their 95 % intervals' ends in the labels' n; the line is μ of the index. */
export function channelScoresChart(model: ProgramModel, language: ReportLanguage, labels: ReportLabels): Option {
  const means = model.channels.map((channel) => channel.mean).filter((mean): mean is number => mean !== null);
  const average = means.length ? means.reduce((sum, mean) => sum + mean, 0) / means.length : null;
  return {
    textStyle: TEXT,
    grid: { left: 8, right: 56, top: 24, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: model.channels.map((channel) => wrapLabel(channelName(labels, channel.channel))),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: PALETTE.grid } },
      axisLabel: { ...TEXT, interval: 0 },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 100,
      splitLine: { lineStyle: { color: PALETTE.grid } },
      axisLabel: { ...TEXT, color: PALETTE.muted },
    },
    series: [
      {
        type: 'bar',
        data: model.channels.map((channel) => channel.mean),
        barMaxWidth: 48,
        itemStyle: { color: PALETTE.primary },
        label: {
          show: true,
          position: 'top',
          formatter: (params: { value: unknown }) => (typeof params.value === 'number' ? formatDecimal(params.value, language) : ''),
          ...LABEL,
          fontWeight: 'bold',
        },
        ...(average !== null && means.length >= 2
          ? {
              markLine: {
                symbol: 'none',
                silent: true,
                data: [{ yAxis: average }],
                lineStyle: { color: PALETTE.accent, type: 'dashed', width: 1.5 },
                label: { ...LABEL, color: PALETTE.accent, formatter: `\u00B5 ${formatDecimal(average, language)}`, position: 'end' },
              },
            }
          : {}),
      },
    ],
  };
}
