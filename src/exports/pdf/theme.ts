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

export const FONT = {
  regular: 'Helvetica',
  bold: 'Helvetica-Bold',
  italic: 'Helvetica-Oblique',
} as const;

/** A4 in points, with the margins every page uses; the footer sits inside the bottom margin. */
export const PAGE = {
  size: 'A4' as const,
  margins: { top: 56, bottom: 64, left: 56, right: 56 },
};
