// The report's look: one navy for structure, one teal accent, traffic-light colours only for met / not met.
export const PALETTE = {
  primary: '#14365D',
  secondary: '#9DB4CC',
  accent: '#0F8B8D',
  text: '#26323D',
  muted: '#6B7785',
  grid: '#DCE3EA',
  zebra: '#F3F6F9',
  rule: '#C9D3DD',
  good: '#2E7D32',
  bad: '#C0392B',
  warn: '#B7791F',
  white: '#FFFFFF',
} as const;

/**
 * DejaVu Sans, embedded (subset) from the dejavu-fonts-ttf package: unlike the PDF's built-in Helvetica,
 * whose WinAnsi encoding stops at Western European letters, it draws Latin, Greek and Cyrillic text as
 * typed, so names and comments reach the reader unchanged. The keys are the names registered on each
 * document (and asked for by the charts' SVG).
 */
export const FONT = {
  regular: 'DejaVuSans',
  bold: 'DejaVuSans-Bold',
  italic: 'DejaVuSans-Oblique',
} as const;

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
