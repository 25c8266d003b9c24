import { channelName, labelsFor } from '../i18n';
import { ChartKpiModel, channelsChart, distributionChart, regionsChart, sectionsChart, trendChart, trendRows } from './options';
import { SCREEN_PALETTE, PALETTE } from './palette';
import { channelScoresChart, ChartProgramModel, heatmapChart } from './program-options';
import { paperStyle, screenStyle } from './style';

const es = labelsFor('es');
const en = labelsFor('en');
const paper = paperStyle('es');
const screen = screenStyle((value) => `<${value.toFixed(2)}>`);

// The option builders return plain objects; these are the parts the specs read.
interface Series {
  name?: string;
  type: string;
  data: unknown[];
  label: { formatter: ((params: { value: unknown }) => string) | string; fontFamily?: string };
  markLine?: { data: Array<Record<string, number>>; label: { formatter: string } };
}
interface Built {
  grid: { top: number; right: number };
  tooltip?: unknown;
  legend?: { data: string[] };
  xAxis: { data?: string[]; axisLabel: { color: string } };
  yAxis: { data?: string[] };
  series: Series[];
}
const built = (option: unknown) => option as Built;

function model(overrides: Partial<ChartKpiModel> = {}): ChartKpiModel {
  return {
    overall: { target: 75 },
    sections: [
      { key: 'welcome', title: 'Welcome', mean: 90 },
      { key: 'comments', title: 'Comments', mean: null },
      { key: 'solution', title: 'Solution', mean: 60.25 },
    ],
    dimensions: [],
    channels: [
      { channel: 'in_person', mean: 80 },
      { channel: 'phone', mean: 60 },
      { channel: 'email', mean: null },
    ],
    regions: [
      { region: 'North', mean: 55 },
      { region: 'Unscored', mean: null },
      { region: 'South', mean: 85 },
    ],
    distribution: [
      { from: 0, to: 50, count: 0 },
      { from: 50, to: 100, count: 3 },
    ],
    trend: {
      overall: { previous: 70, current: 75 },
      sections: [
        { key: 'solution', previous: 50, current: 60.25 },
        { key: 'comments', previous: null, current: null },
        { key: 'welcome', previous: null, current: 90 },
      ],
    },
    ...overrides,
  };
}

describe('chart options', () => {
  it('lists scored sections top-down in the model order (reversed for ECharts), with the target line', () => {
    const option = built(sectionsChart(model(), es, paper));
    expect(option.yAxis.data).toEqual(['Solution', 'Welcome']); // ECharts draws the first category at the bottom
    expect(option.series[0].data).toEqual([60.25, 90]);
    expect(option.series[0].markLine?.data).toEqual([{ xAxis: 75 }]);
    expect(option.series[0].markLine?.label.formatter).toBe('Objetivo 75,0');
    const formatter = option.series[0].label.formatter as (params: { value: unknown }) => string;
    expect(formatter({ value: 60.25 })).toBe('60,3');
    expect(formatter({ value: null })).toBe('');

    const noTarget = built(sectionsChart(model({ overall: {} }), es, paper));
    expect(noTarget.series[0].markLine).toBeUndefined();
    expect(noTarget.grid.top).toBeLessThan(option.grid.top); // no room kept for the target's label
  });

  it('orders regions best first, unscored last', () => {
    const option = built(regionsChart(model(), en, paper));
    expect([...option.yAxis.data!].reverse()).toEqual(['South', 'North', 'Unscored']);
    expect(option.series[0].markLine).toBeUndefined();
  });

  it('draws channels in the model order with the mean of the channel means', () => {
    const option = built(channelsChart(model(), en, screen));
    expect(option.xAxis.data).toEqual(['In person', 'Phone', 'Email']);
    expect(option.series[0].data).toEqual([80, 60, null]);
    expect(option.series[0].markLine?.data).toEqual([{ yAxis: 70 }]);
    expect(option.series[0].markLine?.label.formatter).toBe('\u00B5 <70.00>'); // the style's number format
  });

  it('pairs the previous and the current wave, the overall score on top, rows without figures left out', () => {
    const rows = trendRows(model(), en);
    expect(rows.map((row) => row.key)).toEqual(['overall', 'solution', 'welcome']);
    expect(rows[0].name).toBe(en.overallScore);
    const option = built(trendChart(model(), en, paper));
    expect(option.legend?.data).toEqual([en.previousWave, en.currentWave]);
    expect(option.series.map((series) => series.name)).toEqual([en.previousWave, en.currentWave]);
    expect(option.yAxis.data).toEqual(['Welcome', 'Solution', en.overallScore]);
    expect(option.series[0].data).toEqual([null, 50, 70]);
    expect(option.series[1].data).toEqual([90, 60.25, 75]);
    expect(trendChart(model({ trend: undefined }), en, paper)).toBeNull();
    expect(trendRows(model({ trend: null }), en)).toEqual([]);
  });

  it('labels the distribution’s bins and writes only non-zero counts', () => {
    const option = built(distributionChart(model(), es, paper));
    expect(option.xAxis.data).toEqual(['0–50', '50–100']);
    expect(option.series[0].data).toEqual([0, 3]);
    const formatter = option.series[0].label.formatter as (params: { value: unknown }) => string;
    expect([formatter({ value: 0 }), formatter({ value: 3 })]).toEqual(['', '3']);
  });

  it('differs between paper and screen only in style: font, grey, tooltips', () => {
    const onPaper = built(sectionsChart(model(), en, paper));
    const onScreen = built(sectionsChart(model(), en, screen));
    expect(onPaper.series[0].label.fontFamily).toBe('DejaVuSans');
    expect(onScreen.series[0].label.fontFamily).toBeUndefined();
    expect(onPaper.tooltip).toBeUndefined();
    expect(onScreen.tooltip).toBeDefined();
    expect(onPaper.xAxis.axisLabel.color).toBe(PALETTE.muted);
    expect(onScreen.xAxis.axisLabel.color).toBe(SCREEN_PALETTE.muted);
    expect(onScreen.yAxis.data).toEqual(onPaper.yAxis.data);
    expect(onScreen.series[0].data).toEqual(onPaper.series[0].data);
  });
});

describe('program chart options', () => {
  const program: ChartProgramModel = {
    channels: [
      { channel: 'in_person', mean: 80 },
      { channel: 'chat', mean: null },
    ],
    measures: [
      { key: 'greeting', title: 'Greets the customer', kind: 'question', channels: [{ channel: 'in_person', compliance: 90 }] },
      {
        key: 'empathy',
        title: 'empathy',
        kind: 'dimension',
        channels: [
          { channel: 'in_person', compliance: 40 },
          { channel: 'chat', compliance: 70 },
        ],
      },
    ],
  };

  it('puts the first measure on top and absent cells in their own grey series, never as 0', () => {
    const option = built(heatmapChart(program, en, paper));
    expect(option.yAxis.data).toEqual([en.dimensionNames.empathy, 'Greets the customer']);
    expect(option.xAxis.data).toEqual(['In person', channelName(en, 'chat')]);
    expect(option.series[0].data).toEqual([
      [0, 1, 90],
      [0, 0, 40],
      [1, 0, 70],
    ]);
    expect(option.series[1].data).toEqual([[1, 1, -1]]);
  });

  it('draws the channels’ µ line only once two channels have a mean', () => {
    expect(built(channelScoresChart(program, en, paper)).series[0].markLine).toBeUndefined();
    const two = { ...program, channels: [...program.channels.slice(0, 1), { channel: 'phone', mean: 60 }] };
    expect(built(channelScoresChart(two, en, paper)).series[0].markLine?.data).toEqual([{ yAxis: 70 }]);
  });
});
