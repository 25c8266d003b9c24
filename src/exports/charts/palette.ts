// The reports' look, shared by the PDF and the web dashboard's charts: one navy for structure, one teal
// accent, traffic-light colours only for met / not met. Pure constants: safe to import in the browser.
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

export type Palette = { readonly [Colour in keyof typeof PALETTE]: string };

/** On screen the muted grey is darker: #5F6B78 is 5.4:1 on white (WCAG AA for small text). */
export const SCREEN_PALETTE: Palette = { ...PALETTE, muted: '#5F6B78' };

/**
 * The names the PDF registers its embedded DejaVu Sans under (src/exports/pdf/theme.ts loads the files),
 * which its charts' SVG asks for.
 */
export const FONT = {
  regular: 'DejaVuSans',
  bold: 'DejaVuSans-Bold',
  italic: 'DejaVuSans-Oblique',
} as const;
