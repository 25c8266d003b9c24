import { emptyKpiModel, fullKpiModel } from '../testing/kpi-model.fixture';
import { labelsFor } from '../i18n';
import { channelsChart, distributionChart, regionsChart, renderChartSvg, sectionsChart, shortLabel, trendChart } from './charts';

const es = labelsFor('es');
const size = { width: 480, height: 220 };

describe('charts', () => {
  it('renders the section scores as an SVG with the titles, localized values and the target line', () => {
    const svg = renderChartSvg(sectionsChart(fullKpiModel(), 'es', es), size);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('width="480"');
    expect(svg).toContain('Saludo y recepción');
    expect(svg).toContain('Solución del problema');
    expect(svg).toContain('87,5');
    expect(svg).toContain('62,5');
    expect(svg).toContain('Objetivo 80,0');
    // bars are real shapes, not text
    expect((svg.match(/<path/g) ?? []).length).toBeGreaterThan(5);
  });

  it('draws channels with the mean of the channel means (the consistency index’s μ)', () => {
    const svg = renderChartSvg(channelsChart(fullKpiModel(), 'en', labelsFor('en')), size);
    expect(svg).toContain('In person');
    expect(svg).toContain('Phone');
    expect(svg).toContain('µ 71.3'); // (80 + 62.5) / 2 = 71.25
  });

  it('orders regions best first and compares waves section by section', () => {
    const regions = regionsChart(fullKpiModel(), 'es', es) as { yAxis: { data: string[] } };
    expect(regions.yAxis.data).toEqual(['Castilla y León', 'Andalucía']); // ECharts draws the first category at the bottom
    const trend = renderChartSvg(trendChart(fullKpiModel(), 'es', es)!, size);
    expect(trend).toContain('Oleada anterior');
    expect(trend).toContain('Oleada actual');
    expect(trend).toContain('65,0'); // 65.05 is 65.0499… as a double
    expect(trendChart(emptyKpiModel(), 'es', es)).toBeNull();
  });

  it('labels the distribution’s ten bins and their non-zero counts', () => {
    const svg = renderChartSvg(distributionChart(fullKpiModel(), 'es', es), size);
    for (const bin of ['0–10', '50–60', '90–100']) expect(svg).toContain(bin);
    expect(svg).toContain('Visitas');
  });

  it('shortens long category names', () => {
    expect(shortLabel('Corto')).toBe('Corto');
    expect(shortLabel('Una sección con un título larguísimo de verdad', 20)).toBe('Una sección con un…');
  });
});
