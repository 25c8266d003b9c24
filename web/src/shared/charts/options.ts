// The dashboard's chart options: the PDF's charts (src/exports/pdf/charts.ts) drawn the same way — the
// same palette, bars best first, the target and the mean of channel means as dashed lines — with the
// numbers written for the screen's language. Pure functions of the KPI model.
import type { ReportLabels } from '@server/exports/i18n';
import type { KpiModel } from '../api/queries';
import type { Formatters } from '../format/format';
import { CHART_PALETTE as PALETTE } from '../layout/theme';

type Option = Record<string, unknown>;
const TEXT = { color: PALETTE.text, fontSize: 12 };

/** Cuts long category names so they fit beside a bar; the tables carry the full names. */
export function shortLabel(text: string, maxLength = 28): string {
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 1).trimEnd()}…`;
}

const valueLabel = (format: Formatters) => (params: { value: unknown }) =>
  typeof params.value === 'number' ? format.decimal(params.value) : '';

export interface Bar {
  name: string;
  value: number | null;
}

/** Horizontal bars on a 0–100 axis, in the caller's order from the top, with an optional target line. */
export function horizontalBars(bars: Bar[], format: Formatters, labels: ReportLabels, target?: number): Option {
  const reversed = [...bars].reverse(); // ECharts draws the first category at the bottom
  return {
    animation: false,
    textStyle: TEXT,
    grid: { left: 8, right: 48, top: target !== undefined ? 24 : 8, bottom: 24, containLabel: true },
    tooltip: { trigger: 'item', valueFormatter: (value: unknown) => (typeof value === 'number' ? format.decimal(value) : '') },
    xAxis: {
      type: 'value',
      min: 0,
      max: 100,
      splitLine: { lineStyle: { color: PALETTE.grid } },
      axisLabel: { ...TEXT, color: PALETTE.muted },
    },
    yAxis: {
      type: 'category',
      data: reversed.map((bar) => shortLabel(bar.name)),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: PALETTE.grid } },
      axisLabel: TEXT,
    },
    series: [
      {
        type: 'bar',
        data: reversed.map((bar) => bar.value),
        barMaxWidth: 22,
        itemStyle: { color: PALETTE.primary },
        label: { show: true, position: 'right', formatter: valueLabel(format), ...TEXT, fontWeight: 'bold' },
        ...(target !== undefined
          ? {
              markLine: {
                symbol: 'none',
                silent: true,
                data: [{ xAxis: target }],
                lineStyle: { color: PALETTE.accent, type: 'dashed', width: 1.5 },
                label: { ...TEXT, color: PALETTE.accent, formatter: `${labels.target} ${format.decimal(target)}`, position: 'end' },
              },
            }
          : {}),
      },
    ],
  };
}

export function sectionsChart(model: KpiModel, format: Formatters, labels: ReportLabels): Option {
  return horizontalBars(
    model.sections.filter((section) => section.mean !== null).map((section) => ({ name: section.title, value: section.mean })),
    format,
    labels,
    model.overall.target,
  );
}

export function dimensionsChart(model: KpiModel, format: Formatters, labels: ReportLabels, name: (key: string) => string): Option {
  return horizontalBars(
    model.dimensions
      .filter((dimension) => dimension.mean !== null)
      .map((dimension) => ({ name: name(dimension.key), value: dimension.mean })),
    format,
    labels,
  );
}

export function regionsChart(model: KpiModel, format: Formatters, labels: ReportLabels): Option {
  const regions = [...model.regions].sort((a, b) => (b.mean ?? -1) - (a.mean ?? -1));
  return horizontalBars(
    regions.map((region) => ({ name: region.region, value: region.mean })),
    format,
    labels,
  );
}

export function channelsChart(model: KpiModel, format: Formatters, channelName: (channel: string) => string): Option {
  const means = model.channels.map((channel) => channel.mean).filter((mean): mean is number => mean !== null);
  const average = means.length ? means.reduce((sum, mean) => sum + mean, 0) / means.length : null;
  return {
    animation: false,
    textStyle: TEXT,
    grid: { left: 8, right: 56, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item' },
    xAxis: {
      type: 'category',
      data: model.channels.map((channel) => channelName(channel.channel)),
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
        label: { show: true, position: 'top', formatter: valueLabel(format), ...TEXT, fontWeight: 'bold' },
        ...(average !== null
          ? {
              // The mean of the channel means: the µ of the consistency index.
              markLine: {
                symbol: 'none',
                silent: true,
                data: [{ yAxis: average }],
                lineStyle: { color: PALETTE.accent, type: 'dashed', width: 1.5 },
                label: { ...TEXT, color: PALETTE.accent, formatter: `\u00B5 ${format.decimal(average)}`, position: 'end' },
              },
            }
          : {}),
      },
    ],
  };
}

/** The rows of the trend chart: the overall score, then each section scored in either wave. */
export function trendRows(model: KpiModel, labels: ReportLabels) {
  if (!model.trend) return [];
  const titles = new Map(model.sections.map((section) => [section.key, section.title]));
  return [
    { key: 'overall', name: labels.overallScore, ...model.trend.overall },
    ...model.trend.sections.map((section) => ({ ...section, name: titles.get(section.key) ?? section.key })),
  ].filter((row) => row.previous !== null || row.current !== null);
}

export function trendChart(model: KpiModel, format: Formatters, labels: ReportLabels): Option | null {
  if (!model.trend) return null;
  const rows = [...trendRows(model, labels)].reverse();
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
      formatter: valueLabel(format),
      ...TEXT,
      fontSize: 11,
      ...(bold ? { fontWeight: 'bold' } : { color: PALETTE.muted }),
    },
  });
  return {
    animation: false,
    textStyle: TEXT,
    legend: { top: 0, right: 0, textStyle: TEXT, itemWidth: 12, itemHeight: 10, data: [labels.previousWave, labels.currentWave] },
    grid: { left: 8, right: 48, top: 28, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'value',
      min: 0,
      max: 100,
      splitLine: { lineStyle: { color: PALETTE.grid } },
      axisLabel: { ...TEXT, color: PALETTE.muted },
    },
    yAxis: {
      type: 'category',
      data: rows.map((row) => shortLabel(row.name)),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: PALETTE.grid } },
      axisLabel: TEXT,
    },
    series: [
      series(
        labels.previousWave,
        rows.map((row) => row.previous),
        PALETTE.secondary,
        false,
      ),
      series(
        labels.currentWave,
        rows.map((row) => row.current),
        PALETTE.primary,
        true,
      ),
    ],
  };
}

export function distributionChart(model: KpiModel, labels: ReportLabels): Option {
  return {
    animation: false,
    textStyle: TEXT,
    grid: { left: 8, right: 16, top: 34, bottom: 24, containLabel: true },
    tooltip: { trigger: 'item' },
    xAxis: {
      type: 'category',
      name: labels.scoreAxis,
      nameLocation: 'middle',
      nameGap: 26,
      nameTextStyle: { ...TEXT, color: PALETTE.muted },
      data: model.distribution.map((bin) => `${bin.from}–${bin.to}`),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: PALETTE.grid } },
      axisLabel: { ...TEXT, interval: 0, fontSize: 10 },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      name: labels.visitsAxis,
      nameTextStyle: { ...TEXT, color: PALETTE.muted },
      splitLine: { lineStyle: { color: PALETTE.grid } },
      axisLabel: { ...TEXT, color: PALETTE.muted },
    },
    series: [
      {
        type: 'bar',
        data: model.distribution.map((bin) => bin.count),
        barCategoryGap: '8%',
        itemStyle: { color: PALETTE.primary },
        label: {
          show: true,
          position: 'top',
          ...TEXT,
          formatter: (params: { value: unknown }) => (typeof params.value === 'number' && params.value > 0 ? String(params.value) : ''),
        },
      },
    ],
  };
}
