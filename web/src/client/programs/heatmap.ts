// The measure × channel heatmap of the program page, drawn like the omnichannel PDF's (src/exports/program/
// program-charts.ts): measures down, channels across, a red-to-green ramp on 0–100, and a grey "—" where a
// channel's questionnaire does not ask the measure — absent, never 0. The tooltip adds each cell's n.
import type { ReportLabels } from '@server/exports/i18n';
import { channelName } from '@server/exports/i18n';
import { measureTitle } from '@server/exports/program/i18n';
import type { ProgramModel } from '../../shared/api/queries';
import { shortLabel } from '../../shared/charts/options';
import type { Formatters } from '../../shared/format/format';
import { CHART_PALETTE as PALETTE } from '../../shared/layout/theme';

export const HEATMAP_COLORS = ['#C0392B', '#E67E22', '#F4D03F', '#7DBE6B', '#2E7D32'];
const ABSENT_COLOR = '#E4E8EC';
/** The value an absent cell carries inside the chart only, to pick its grey: never shown, never a score. */
const ABSENT = -1;
const TEXT = { color: PALETTE.text, fontSize: 12 };

export interface HeatmapCell {
  measureKey: string;
  channel: ProgramModel['channels'][number]['channel'];
  compliance: number | null;
  n: number | null;
}

/** Every measure × channel of the wave, in the model's order; compliance and n null where the measure is not asked. */
export function heatmapCells(model: ProgramModel): HeatmapCell[] {
  return model.measures.flatMap((measure) =>
    model.channels.map(({ channel }) => {
      const value = measure.channels.find((item) => item.channel === channel);
      return { measureKey: measure.key, channel, compliance: value?.compliance ?? null, n: value ? value.n : null };
    }),
  );
}

export const heatmapHeight = (model: ProgramModel) => 90 + model.measures.length * 30;

export function heatmapOption(
  model: ProgramModel,
  format: Formatters,
  labels: ReportLabels,
  words: { n: string; notMeasured: string },
  narrow: boolean,
): Record<string, unknown> {
  const channels = model.channels.map(({ channel }) => channelName(labels, channel));
  const titles = model.measures.map((measure) => measureTitle(measure, labels));
  const measureIndex = new Map(model.measures.map((measure, index) => [measure.key, index]));
  const channelIndex = new Map(model.channels.map(({ channel }, index) => [channel, index]));
  // ECharts draws the first category at the bottom: reversed so the first measure is on top.
  const y = (key: string) => model.measures.length - 1 - measureIndex.get(key)!;
  const cells = heatmapCells(model);
  const point = (cell: HeatmapCell) => [channelIndex.get(cell.channel)!, y(cell.measureKey), cell.compliance ?? ABSENT, cell.n ?? 0];
  const tooltip = (params: { value: unknown }) => {
    const [x, row, value, n] = params.value as number[];
    const title = titles[model.measures.length - 1 - row];
    const figure = value === ABSENT ? `— (${words.notMeasured})` : `${format.decimal(value)} · ${words.n} = ${format.integer(n)}`;
    return `${title}<br/>${channels[x]}: <b>${figure}</b>`;
  };
  return {
    animation: false,
    textStyle: TEXT,
    tooltip: { trigger: 'item', formatter: tooltip, confine: true },
    grid: { left: 8, right: 12, top: 8, bottom: 48, containLabel: true },
    xAxis: {
      type: 'category',
      position: 'top',
      data: channels,
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { ...TEXT, interval: 0, fontWeight: 'bold', rotate: narrow || channels.length > 4 ? 35 : 0, fontSize: narrow ? 10 : 12 },
    },
    yAxis: {
      type: 'category',
      data: [...titles].reverse().map((title) => shortLabel(title, narrow ? 16 : 48)),
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { ...TEXT, fontSize: narrow ? 10 : 12 },
    },
    visualMap: [
      {
        min: 0,
        max: 100,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemWidth: 12,
        itemHeight: narrow ? 140 : 200,
        seriesIndex: 0,
        dimension: 2,
        inRange: { color: HEATMAP_COLORS },
        text: ['100', '0'],
        textStyle: { ...TEXT, color: PALETTE.muted },
      },
      { type: 'piecewise', show: false, seriesIndex: 1, dimension: 2, pieces: [{ value: ABSENT, color: ABSENT_COLOR }] },
    ],
    series: [
      {
        type: 'heatmap',
        data: cells.filter((cell) => cell.compliance !== null).map(point),
        itemStyle: { borderColor: '#FFFFFF', borderWidth: 2 },
        label: {
          show: true,
          formatter: (params: { value: unknown }) => format.decimal((params.value as number[])[2]),
          ...TEXT,
          fontSize: narrow ? 10 : 12,
          fontWeight: 'bold',
        },
      },
      {
        type: 'heatmap',
        data: cells.filter((cell) => cell.compliance === null).map(point),
        itemStyle: { borderColor: '#FFFFFF', borderWidth: 2 },
        label: { show: true, formatter: () => '—', ...TEXT, color: PALETTE.muted },
      },
    ],
  };
}
