// The report's charts on paper: the shared ECharts options (../charts/options.ts, the web dashboard's too)
// in the paper style, rendered server-side to SVG (no DOM, no canvas), then placed in the PDF as vectors
// by svg-to-pdfkit. This file only renders: SVG through ECharts' SSR, text measured with the embedded font.
import * as echarts from 'echarts';
import PDFDocument from 'pdfkit';
import * as options from '../charts/options';
import * as programOptions from '../charts/program-options';
import { ChartStyle, paperStyle } from '../charts/style';
import type { ReportLabels, ReportLanguage } from '../i18n';
import { FONT, registerFonts } from './theme';

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

export interface ChartSize {
  width: number;
  height: number;
}

/** Renders one chart to an SVG string and frees it; animation is off so the first frame is the final one. */
export function renderChartSvg(option: options.ChartOption, size: ChartSize): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ animation: false, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** A shared option builder with the paper style for the report's language. */
const onPaper =
  <M, R>(build: (model: M, labels: ReportLabels, style: ChartStyle) => R) =>
  (model: M, language: ReportLanguage, labels: ReportLabels): R =>
    build(model, labels, paperStyle(language));

export const sectionsChart = onPaper(options.sectionsChart);
export const channelsChart = onPaper(options.channelsChart);
export const regionsChart = onPaper(options.regionsChart);
export const trendChart = onPaper(options.trendChart);
export const distributionChart = onPaper(options.distributionChart);
export const heatmapChart = onPaper(programOptions.heatmapChart);
export const channelScoresChart = onPaper(programOptions.channelScoresChart);
export { scoredSections, shortLabel, trendRows } from '../charts/options';
