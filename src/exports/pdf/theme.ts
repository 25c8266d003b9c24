// The PDF's fonts and page; the palette and the fonts' names are shared with the web's charts (../charts/palette).
import { FONT } from '../charts/palette';

export { FONT, PALETTE } from '../charts/palette';

/*
 * DejaVu Sans, embedded (subset) from the dejavu-fonts-ttf package: unlike the PDF's built-in Helvetica,
 * whose WinAnsi encoding stops at Western European letters, it draws Latin, Greek and Cyrillic text as
 * typed, so names and comments reach the reader unchanged. FONT's keys are the names registered on each
 * document (and asked for by the charts' SVG).
 */
const FONT_FILES: Record<(typeof FONT)[keyof typeof FONT], string> = {
  [FONT.regular]: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  [FONT.bold]: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  [FONT.italic]: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf'),
};

/** Registers the report's fonts on a document and selects the regular one. */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const [name, file] of Object.entries(FONT_FILES)) doc.registerFont(name, file);
  doc.font(FONT.regular);
}

/** The embedded font svg-to-pdfkit should use for a chart's text (ECharts asks for bold by weight only). */
export function chartFont(_family: string, bold: boolean): string {
  return bold ? FONT.bold : FONT.regular;
}

/** A4 in points, with the margins every page uses; the footer sits inside the bottom margin. */
export const PAGE = {
  size: 'A4' as const,
  margins: { top: 56, bottom: 64, left: 56, right: 56 },
};
