// The campaign report's charts as Apache ECharts options, one builder per chart, used by the PDF (drawn to
// SVG server-side, src/exports/pdf/charts.ts) and by the web dashboard (drawn in the browser): the same
// bars, best first, the target and the mean of the channel means as dashed lines. What differs between
// paper and screen — the number format, text, margins, tooltips — comes in a ChartStyle (./style.ts).
// Pure functions of the KPI model: no ECharts runtime, nothing Node-only, so the browser can import them.
import type { EChartsCoreOption } from 'echarts/core';
import { channelName, dimensionName, ReportLabels } from '../i18n';
import type { ChartStyle } from './style';

export type ChartOption = EChartsCoreOption;

/** A wave's score against the previous wave's (the KPI model's trend rows). */
export interface Comparison {
  previous: number | null;
  current: number | null;
}

/** The parts of the KPI model the charts read: the server's model and the web's API type both fit. */
export interface ChartKpiModel<C extends Comparison = Comparison> {
  overall: { target?: number };
  sections: Array<{ key: string; title: string; mean: number | null }>;
  dimensions: Array<{ key: string; mean: number | null }>;
  channels: Array<{ channel: string; mean: number | null }>;
  regions: Array<{ region: string; mean: number | null }>;
  distribution: Array<{ from: number; to: number; count: number }>;
  trend?: { overall: C; sections: Array<C & { key: string }> } | null;
}

export interface Bar {
  name: string;
  value: number | null;
}

/** Cuts long category names so they fit beside a bar; the tables carry the full names. */
export function shortLabel(text: string, maxLength = 28): string {
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 1).trimEnd()}…`;
}

const valueLabel = (style: ChartStyle) => (params: { value: unknown }) =>
  typeof params.value === 'number' ? style.decimal(params.value) : '';

const tooltip = (style: ChartStyle, options: Record<string, unknown>) => (style.tooltips ? { tooltip: options } : {});

/** A 0–100 value axis with the grid's light lines. */
const scoreAxis = ({ text, palette }: ChartStyle) => ({
  type: 'value',
  min: 0,
  max: 100,
  splitLine: { lineStyle: { color: palette.grid } },
  axisLabel: { ...text, color: palette.muted },
});

/** A dashed accent line across the bars at one value, labelled at its end. */
const markLine = (
  { label, palette }: ChartStyle,
  at: { xAxis: number } | { yAxis: number },
  text: string,
  extra: Record<string, unknown> = {},
) => ({
  markLine: {
    symbol: 'none',
    silent: true,
    data: [at],
    lineStyle: { color: palette.accent, type: 'dashed', width: 1.5 },
    label: { ...label, color: palette.accent, formatter: text, position: 'end', ...extra },
  },
});

/** Horizontal bars on a 0–100 axis, in the caller's order from the top, with an optional target line. */
export function horizontalBars(bars: Bar[], labels: ReportLabels, style: ChartStyle, target?: number): ChartOption {
  const { text, label, palette } = style;
  const reversed = [...bars].reverse(); // ECharts draws the first category at the bottom
  const distance = style.bars.targetLabelDistance;
  return {
    animation: false,
    textStyle: text,
    grid: {
      left: 8,
      right: style.bars.right,
      top: target !== undefined ? style.bars.topWithTarget : style.bars.top,
      bottom: 24,
      containLabel: true,
    },
    ...tooltip(style, { trigger: 'item', valueFormatter: (value: unknown) => (typeof value === 'number' ? style.decimal(value) : '') }),
    xAxis: scoreAxis(style),
    yAxis: {
      type: 'category',
      data: reversed.map((bar) => shortLabel(bar.name)),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: palette.grid } },
      axisLabel: { ...text },
    },
    series: [
      {
        type: 'bar',
        data: reversed.map((bar) => bar.value),
        barMaxWidth: 22,
        itemStyle: { color: palette.primary },
        label: { show: true, position: 'right', formatter: valueLabel(style), ...label, fontWeight: 'bold' },
        ...(target !== undefined
          ? markLine(style, { xAxis: target }, `${labels.target} ${style.decimal(target)}`, distance !== undefined ? { distance } : {})
          : {}),
      },
    ],
  };
}

/**
 * Vertical bars, one per channel, with the mean of the bars' means as a dashed "µ" line (the consistency
 * index's μ) once at least `meanLineFrom` channels have a mean.
 */
export function channelBars(bars: Bar[], style: ChartStyle, meanLineFrom = 1): ChartOption {
  const { text, label, palette } = style;
  const means = bars.map((bar) => bar.value).filter((mean): mean is number => mean !== null);
  const average = means.length ? means.reduce((sum, mean) => sum + mean, 0) / means.length : null;
  return {
    animation: false,
    textStyle: text,
    grid: { left: 8, right: 56, top: 24, bottom: 8, containLabel: true },
    ...tooltip(style, { trigger: 'item' }),
    xAxis: {
      type: 'category',
      data: bars.map((bar) => bar.name),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: palette.grid } },
      axisLabel: { ...text, interval: 0 },
    },
    yAxis: scoreAxis(style),
    series: [
      {
        type: 'bar',
        data: bars.map((bar) => bar.value),
        barMaxWidth: 48,
        itemStyle: { color: palette.primary },
        label: { show: true, position: 'top', formatter: valueLabel(style), ...label, fontWeight: 'bold' },
        ...(average !== null && means.length >= meanLineFrom
          ? markLine(style, { yAxis: average }, `\u00B5 ${style.decimal(average)}`)
          : {}),
      },
    ],
  };
}

/** The sections a score chart shows: those with a score (an unscored "comments" section has none). */
export function scoredSections<S extends { mean: number | null }>(model: { sections: S[] }): S[] {
  return model.sections.filter((section) => section.mean !== null);
}

export function sectionsChart(model: ChartKpiModel, labels: ReportLabels, style: ChartStyle): ChartOption {
  return horizontalBars(
    scoredSections(model).map((section) => ({ name: section.title, value: section.mean })),
    labels,
    style,
    model.overall.target,
  );
}

export function dimensionsChart(model: ChartKpiModel, labels: ReportLabels, style: ChartStyle): ChartOption {
  return horizontalBars(
    model.dimensions
      .filter((dimension) => dimension.mean !== null)
      .map((dimension) => ({ name: dimensionName(labels, dimension.key), value: dimension.mean })),
    labels,
    style,
  );
}

export function regionsChart(model: ChartKpiModel, labels: ReportLabels, style: ChartStyle): ChartOption {
  const regions = [...model.regions].sort((a, b) => (b.mean ?? -1) - (a.mean ?? -1));
  return horizontalBars(
    regions.map((region) => ({ name: region.region, value: region.mean })),
    labels,
    style,
  );
}

export function channelsChart(model: ChartKpiModel, labels: ReportLabels, style: ChartStyle): ChartOption {
  return channelBars(
    model.channels.map((channel) => ({ name: channelName(labels, channel.channel), value: channel.mean })),
    style,
  );
}

/** The rows of the trend chart and table: the overall score ("overall"), then each section scored in either wave. */
export function trendRows<C extends Comparison>(model: ChartKpiModel<C>, labels: ReportLabels): Array<C & { key: string; name: string }> {
  if (!model.trend) return [];
  const titles = new Map(model.sections.map((section) => [section.key, section.title]));
  return [
    { ...model.trend.overall, key: 'overall', name: labels.overallScore },
    ...model.trend.sections.map((section) => ({ ...section, name: titles.get(section.key) ?? section.key })),
  ].filter((row) => row.previous !== null || row.current !== null);
}

/**
 * Previous against current wave, section by section, as horizontal pairs of bars so that section
 * titles of any length stay readable. Null without a previous wave.
 */
export function trendChart(model: ChartKpiModel, labels: ReportLabels, style: ChartStyle): ChartOption | null {
  if (!model.trend) return null;
  const { text, label, palette } = style;
  const rows = [...trendRows(model, labels)].reverse(); // ECharts draws the first category at the bottom
  const series = (name: string, values: Array<number | null>, color: string, bold: boolean) => ({
    name,
    type: 'bar',
    data: values,
    barMaxWidth: 14,
    barGap: '10%',
    itemStyle: { color },
    label: {
      show: true,
      position: 'right',
      formatter: valueLabel(style),
      ...label,
      fontSize: style.trend.labelSize,
      ...(bold ? { fontWeight: 'bold' } : { color: palette.muted }),
    },
  });
  return {
    animation: false,
    textStyle: text,
    legend: { top: 0, right: 0, textStyle: text, itemWidth: 12, itemHeight: 10, data: [labels.previousWave, labels.currentWave] },
    grid: { left: 8, right: style.trend.right, top: style.trend.top, bottom: 8, containLabel: true },
    ...tooltip(style, { trigger: 'axis', axisPointer: { type: 'shadow' } }),
    xAxis: scoreAxis(style),
    yAxis: {
      type: 'category',
      data: rows.map((row) => shortLabel(row.name)),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: palette.grid } },
      axisLabel: { ...text },
    },
    // Legend order (previous, current) and bar order within a pair (current above previous) both read top-down.
    series: [
      series(
        labels.previousWave,
        rows.map((row) => row.previous),
        palette.secondary,
        false,
      ),
      series(
        labels.currentWave,
        rows.map((row) => row.current),
        palette.primary,
        true,
      ),
    ],
  };
}

/** Visits per ten-point score bin; counts are whole numbers, written only where non-zero. */
export function distributionChart(model: ChartKpiModel, labels: ReportLabels, style: ChartStyle): ChartOption {
  const { text, label, palette } = style;
  return {
    animation: false,
    textStyle: text,
    grid: { left: 8, right: 16, top: 34, bottom: style.distribution.bottom, containLabel: true },
    ...tooltip(style, { trigger: 'item' }),
    xAxis: {
      type: 'category',
      name: labels.scoreAxis,
      nameLocation: 'middle',
      nameGap: style.distribution.nameGap,
      nameTextStyle: { ...text, color: palette.muted },
      data: model.distribution.map((bin) => `${bin.from}–${bin.to}`),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: palette.grid } },
      axisLabel: { ...text, interval: 0, fontSize: style.distribution.binLabelSize },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      name: labels.visitsAxis,
      nameTextStyle: { ...text, color: palette.muted },
      splitLine: { lineStyle: { color: palette.grid } },
      axisLabel: { ...text, color: palette.muted },
    },
    series: [
      {
        type: 'bar',
        data: model.distribution.map((bin) => bin.count),
        barCategoryGap: '8%',
        itemStyle: { color: palette.primary },
        label: {
          show: true,
          position: 'top',
          ...label,
          formatter: (params: { value: unknown }) => (typeof params.value === 'number' && params.value > 0 ? String(params.value) : ''),
        },
      },
    ],
  };
}
