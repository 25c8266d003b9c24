// The dashboard's charts are the PDF's: the same ECharts option builders (src/exports/charts/options.ts),
// drawn in the screen's style — the screen's number format, larger text, tooltips.
import { screenStyle, type ChartStyle } from '@server/exports/charts/style';
import { useMemo } from 'react';
import { useFormat } from '../format/format';

export {
  channelsChart,
  dimensionsChart,
  distributionChart,
  regionsChart,
  sectionsChart,
  shortLabel,
  trendChart,
  trendRows,
} from '@server/exports/charts/options';

/** The charts' style for the current language. */
export function useChartStyle(): ChartStyle {
  const format = useFormat();
  return useMemo(() => screenStyle((value) => format.decimal(value)), [format]);
}
