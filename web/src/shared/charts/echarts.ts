// The parts of ECharts the dashboard draws with (bars, grid, legend, mark lines; the program page's heatmap
// and its visual maps), on the SVG renderer the PDF uses too. Imported only by the chart component, so it
// lands in the dashboard's own chunk.
import { BarChart, HeatmapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, HeatmapChart, VisualMapComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

export { echarts };
