// What differs between a chart on paper (the PDF, drawn to SVG server-side) and on screen (the web
// dashboard): the number format, the text, a few margins and sizes, and hover tooltips. The option
// builders (./options.ts) take one of these. Pure: safe to import in the browser.
import { formatDecimal } from '../format';
import type { ReportLanguage } from '../i18n';
import { FONT, Palette, PALETTE, SCREEN_PALETTE } from './palette';

export interface TextStyle {
  fontFamily?: string;
  color: string;
  fontSize: number;
}

export interface ChartStyle {
  palette: Palette;
  /** A score as the reader's language writes it: 82.46 → "82,5" or "82.5". */
  decimal(value: number): string;
  /** Axis names and category labels. */
  text: TextStyle;
  /** Values written on bars and mark lines. */
  label: TextStyle & Record<string, unknown>;
  /** Hover tooltips: on screen only. */
  tooltips: boolean;
  /** Horizontal bars: the grid's right margin (room for the value labels) and top (room for the target's label). */
  bars: { right: number; top: number; topWithTarget: number; targetLabelDistance?: number };
  trend: { right: number; top: number; labelSize: number };
  distribution: { bottom: number; nameGap: number; binLabelSize: number };
}

/**
 * The PDF: 10 px text in the embedded DejaVu Sans. svg-to-pdfkit does not know paint-order, so a label's
 * halo would be painted over its text: labels get none.
 */
export function paperStyle(language: ReportLanguage): ChartStyle {
  const text = { fontFamily: FONT.regular, color: PALETTE.text, fontSize: 10 };
  return {
    palette: PALETTE,
    decimal: (value) => formatDecimal(value, language),
    text,
    label: { ...text, textBorderWidth: 0, textShadowBlur: 0 },
    tooltips: false,
    bars: { right: 40, top: 10, topWithTarget: 22, targetLabelDistance: 4 },
    trend: { right: 40, top: 24, labelSize: 8 },
    distribution: { bottom: 20, nameGap: 24, binLabelSize: 9 },
  };
}

/** The web dashboard: 12 px text in the page's font, the screen's darker grey, tooltips on hover. */
export function screenStyle(decimal: (value: number) => string): ChartStyle {
  const text = { color: SCREEN_PALETTE.text, fontSize: 12 };
  return {
    palette: SCREEN_PALETTE,
    decimal,
    text,
    label: text,
    tooltips: true,
    bars: { right: 48, top: 8, topWithTarget: 24 },
    trend: { right: 48, top: 28, labelSize: 11 },
    distribution: { bottom: 24, nameGap: 26, binLabelSize: 10 },
  };
}
