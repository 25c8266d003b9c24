import { Badge, createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

// The PDF's navy (#14365D) as the primary colour, so screen and paper look alike; shade 7 passes WCAG AA on white.
const navy: MantineColorsTuple = [
  '#eef3f9',
  '#dbe4ef',
  '#b3c6dd',
  '#88a6ca',
  '#648bba',
  '#4d7ab1',
  '#3d6aa1',
  '#14365D',
  '#102c4c',
  '#0b213a',
];
const teal: MantineColorsTuple = [
  '#e3fafa',
  '#d2f0f0',
  '#a8dfe0',
  '#7bcdce',
  '#56bebf',
  '#3eb4b5',
  '#2eaeaf',
  '#0F8B8D',
  '#0a7a7c',
  '#006a6c',
];

export const theme = createTheme({
  primaryColor: 'navy',
  primaryShade: 7,
  colors: { navy, teal },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif',
  defaultRadius: 'sm',
  focusRing: 'always',
  // People who ask their system for less motion get dialogs and menus without fading in.
  respectReducedMotion: true,
  components: {
    // Filled badges in dark shades keep white text at WCAG AA contrast.
    Badge: Badge.extend({ defaultProps: { variant: 'filled' } }),
  },
});

/** Mantine's "dimmed" grey (#868e96) is 3.3:1 on white; this one is 5.9:1 (WCAG AA). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#5b6672' },
  dark: {},
});

/** The charts' colours on screen: the PDF's palette with a darker grey (src/exports/charts/palette.ts). */
export { SCREEN_PALETTE as CHART_PALETTE } from '@server/exports/charts/palette';
