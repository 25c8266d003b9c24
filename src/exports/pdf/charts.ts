// The report's charts: Apache ECharts options built from the KPI model, rendered server-side to SVG
// (no DOM, no canvas), then placed in the PDF as vectors by svg-to-pdfkit.
import * as echarts from 'echarts';
import PDFDocument from 'pdfkit';
import type { KpiModel } from '../../kpis/kpi-model';
import { formatDecimal } from '../format';
import { channelName, ReportLabels, ReportLanguage } from '../i18n';
import { FONT, PALETTE, registerFonts } from './theme';

// Without a canvas, ECharts sizes text from a built-in width table for a Helvetica-like font, which
// under-measures DejaVu Sans: legends would overlap and axis labels run off the edge. It measures with
// the embedded font's own metrics instead (one page-less document kept for measuring only).
let measurer: PDFKit.PDFDocument | undefined;
echarts.setPlatformAPI({
  measureText(text: string, font?: string) {
    if (!measurer) {
      measurer = new PDFDocument({ autoFirstPage: false });
      registerFonts(measurer);
    }
    const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? '')?.[1] ?? 12);
    const bold = /\b(bold|bolder|[6-9]00)\b/.test(font ?? '');
    return {
      width: measurer
        .font(bold ? FONT.bold : FONT.regular)
        .fontSize(size)
        .widthOfString(text ?? ''),
    };
  },
});

type Option = echarts.EChartsCoreOption;

export interface ChartSize {
  width: number;
  height: number;
}

/** Renders one chart to an SVG string and frees it; animation is off so the first frame is the final one. */
export function renderChartSvg(option: Option, size: ChartSize): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ animation: false, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const TEXT = { fontFamily: FONT.regular, color: PALETTE.text, fontSize: 10 };
/** svg-to-pdfkit does not know paint-order, so a label's halo would be painted over its text: none. */
const LABEL = { ...TEXT, textBorderWidth: 0, textShadowBlur: 0 };

const valueLabel = (language: ReportLanguage) => (params: { value: unknown }) =>
  typeof params.value === 'number' ? formatDecimal(params.value, language) : '';

/** Cuts long category names so they fit beside a bar; the tables carry the full names. */
export function shortLabel(text: string, maxLength = 28): string {
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 1).trimEnd()}…`;
}

interface Bar {
  name: string;
  value: number | null;
}

/** Horizontal bars on a 0–100 axis, best first by the caller's order, with an optional target line. */
function horizontalBars(bars: Bar[], language: ReportLanguage, labels: ReportLabels, target?: number): Option {
  const reversed = [...bars].reverse(); // ECharts draws the first category at the bottom
  return {
    textStyle: TEXT,
    grid: { left: 8, right: 40, top: target !== undefined ? 22 : 10, bottom: 24, containLabel: true },
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
      axisLabel: { ...TEXT },
    },
    series: [
      {
        type: 'bar',
        data: reversed.map((bar) => bar.value),
        barMaxWidth: 22,
        itemStyle: { color: PALETTE.primary },
        label: { show: true, position: 'right', formatter: valueLabel(language), ...LABEL, fontWeight: 'bold' },
        ...(target !== undefined
          ? {
              markLine: {
                symbol: 'none',
                silent: true,
                data: [{ xAxis: target }],
                lineStyle: { color: PALETTE.accent, type: 'dashed', width: 1.5 },
                label: {
                  ...LABEL,
                  color: PALETTE.accent,
                  formatter: `${labels.target} ${formatDecimal(target, language)}`,
                  position: 'end',
                  distance: 4,
                },
              },
            }
          : {}),
      },
    ],
  };
}

/** The sections a score chart shows: those with a score (an unscored "comments" section has none). */
export function scoredSections(model: KpiModel): KpiModel['sections'] {
  return model.sections.filter((section) => section.mean !== null);
}

export function sectionsChart(model: KpiModel, language: ReportLanguage, labels: ReportLabels): Option {
  return horizontalBars(
    scoredSections(model).map((section) => ({ name: section.title, value: section.mean })),
    language,
    labels,
    model.overall.target,
  );
}

export function channelsChart(model: KpiModel, language: ReportLanguage, labels: ReportLabels): Option {
  const means = model.channels.map((channel) => channel.mean).filter((mean): mean is number => mean !== null);
  const average = means.length ? means.reduce((sum, mean) => sum + mean, 0) / means.length : null;
  return {
    textStyle: TEXT,
    grid: { left: 8, right: 56, top: 24, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: model.channels.map((channel) => channelName(labels, channel.channel)),
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
        label: { show: true, position: 'top', formatter: valueLabel(language), ...LABEL, fontWeight: 'bold' },
        ...(average !== null
          ? {
              // The mean of the channel means: the μ of the consistency index.
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

export function regionsChart(model: KpiModel, language: ReportLanguage, labels: ReportLabels): Option {
  const regions = [...model.regions].sort((a, b) => (b.mean ?? -1) - (a.mean ?? -1));
  return horizontalBars(
    regions.map((region) => ({ name: region.region, value: region.mean })),
    language,
    labels,
  );
}

/** The rows of the trend chart: the overall score, then each section scored in either wave. */
export function trendRows(model: KpiModel, labels: ReportLabels): Array<{ name: string; previous: number | null; current: number | null }> {
  if (!model.trend) return [];
  const titles = new Map(model.sections.map((section) => [section.key, section.title]));
  return [
    { name: labels.overallScore, previous: model.trend.overall.previous, current: model.trend.overall.current },
    ...model.trend.sections.map((section) => ({
      name: titles.get(section.key) ?? section.key,
      previous: section.previous,
      current: section.current,
    })),
  ].filter((row) => row.previous !== null || row.current !== null);
}

/**
 * Previous against current wave, section by section, as horizontal pairs of bars so that section
 * titles of any length stay readable. Null without a previous wave.
 */
export function trendChart(model: KpiModel, language: ReportLanguage, labels: ReportLabels): Option | null {
  if (!model.trend) return null;
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
      formatter: valueLabel(language),
      ...LABEL,
      fontSize: 8,
      ...(bold ? { fontWeight: 'bold' } : { color: PALETTE.muted }),
    },
  });
  return {
    textStyle: TEXT,
    legend: { top: 0, right: 0, textStyle: TEXT, itemWidth: 12, itemHeight: 10, data: [labels.previousWave, labels.currentWave] },
    grid: { left: 8, right: 40, top: 24, bottom: 8, containLabel: true },
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
      axisLabel: { ...TEXT },
    },
    // Legend order (previous, current) and bar order within a pair (current above previous) both read top-down.
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

// Counts are whole numbers, so the language only matters through the labels; the parameter keeps one signature for all charts.
export function distributionChart(model: KpiModel, _language: ReportLanguage, labels: ReportLabels): Option {
  return {
    textStyle: TEXT,
    grid: { left: 8, right: 16, top: 34, bottom: 20, containLabel: true },
    xAxis: {
      type: 'category',
      name: labels.scoreAxis,
      nameLocation: 'middle',
      nameGap: 24,
      nameTextStyle: { ...TEXT, color: PALETTE.muted },
      data: model.distribution.map((bin) => `${bin.from}–${bin.to}`),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: PALETTE.grid } },
      axisLabel: { ...TEXT, interval: 0, fontSize: 9 },
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
          ...LABEL,
          formatter: (params: { value: unknown }) => (typeof params.value === 'number' && params.value > 0 ? String(params.value) : ''),
        },
      },
    ],
  };
}
