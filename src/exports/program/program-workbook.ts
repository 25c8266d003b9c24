// The omnichannel workbook of a program wave: the program model's tables, one sheet each, numbers as
// numbers with formats, header rows frozen, filters on (DOMAIN.md §6). The model is small (channels ×
// measures), so the workbook is built in memory. Text that people typed goes through plainText.
import * as ExcelJS from 'exceljs';
import type { ProgramModel } from '../../programs/program-model';
import { numberCell, plainText } from '../excel/cells';
import { channelName, labelsFor, ReportLabels, ReportLanguage } from '../i18n';
import { measureTitle, ProgramLabels, programLabelsFor } from './i18n';

type Kind = 'text' | 'score' | 'percent' | 'integer' | 'decimal' | 'pvalue' | 'seconds';
type Cell = string | number | boolean | null;
interface Column {
  header: string;
  kind: Kind;
}

const FORMATS: Record<Kind, string | undefined> = {
  text: undefined,
  score: '0.0',
  percent: '0.0',
  integer: '0',
  decimal: '0.00',
  pvalue: '0.000',
  seconds: '0',
};
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF14365D' } };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFFFFFF' } };

function addSheet(workbook: ExcelJS.Workbook, name: string, columns: Column[], rows: Cell[][]): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column, index) => ({
    header: column.header,
    key: String(index),
    width: Math.min(60, Math.max(8, column.header.length + 4, ...rows.map((row) => String(row[index] ?? '').length + 2))),
    style: FORMATS[column.kind] ? { numFmt: FORMATS[column.kind] } : {},
  }));
  const header = sheet.getRow(1);
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.font = HEADER_FONT;
  });
  for (const row of rows) {
    sheet.addRow(
      row.map((value, index) => {
        if (columns[index].kind === 'text') return typeof value === 'boolean' ? value : plainText(value);
        return typeof value === 'number' ? numberCell(value) : null;
      }),
    );
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

const yesNo = (value: boolean | null | undefined, labels: ReportLabels): string | null =>
  value === null || value === undefined ? null : value ? labels.yes : labels.no;

export async function renderProgramWorkbook(model: ProgramModel, language: ReportLanguage): Promise<Buffer> {
  const labels = labelsFor(language);
  const words = programLabelsFor(language);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Incognito';
  workbook.title = plainText(`${words.reportTitle} — ${model.program.name} — ${model.wave.name}`) ?? '';
  const names = words.sheetNames;
  addSheet(workbook, names.summary, ...summarySheet(model, labels, words));
  addSheet(workbook, names.channels, ...channelsSheet(model, labels, words));
  addSheet(workbook, names.campaigns, ...campaignsSheet(model, labels, words));
  addSheet(workbook, names.heatmap, ...heatmapSheet(model, labels, words));
  addSheet(workbook, names.measures, ...measuresSheet(model, labels, words));
  addSheet(workbook, names.priorities, ...prioritiesSheet(model, labels, words));
  addSheet(workbook, names.actions, ...actionsSheet(model, labels, words));
  addSheet(workbook, names.timing, ...timingSheet(model, labels));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

type Sheet = [Column[], Cell[][]];

export function summarySheet(model: ProgramModel, labels: ReportLabels, words: ProgramLabels): Sheet {
  const rows: Cell[][] = [
    [labels.client, model.program.clientName, null],
    [words.program, model.program.name, null],
    [words.wave, model.wave.name, null],
    [words.previousWave, model.wave.previousWaveName, null],
    [labels.visits, null, model.n],
    [labels.overallScore, null, model.overall.mean],
    [words.consistencyIndex, null, model.consistency.index],
    [words.spread, null, model.consistency.spread],
    [`${words.testNames.welch_anova} (p)`, null, model.channelTest?.pValue ?? null],
  ];
  if (model.trend) rows.push([`${words.consistencyIndex} — ${words.previousWave}`, null, model.trend.consistency.previous]);
  return [
    [
      { header: labels.field, kind: 'text' },
      { header: labels.value, kind: 'text' },
      { header: labels.score, kind: 'decimal' },
    ],
    rows,
  ];
}

export function channelsSheet(model: ProgramModel, labels: ReportLabels, words: ProgramLabels): Sheet {
  return [
    [
      { header: words.rank, kind: 'integer' },
      { header: labels.channel, kind: 'text' },
      { header: labels.mean, kind: 'score' },
      { header: labels.ciLow, kind: 'score' },
      { header: labels.ciHigh, kind: 'score' },
      { header: labels.n, kind: 'integer' },
      { header: words.share, kind: 'percent' },
      { header: labels.fcrRate, kind: 'percent' },
      { header: `${labels.fcrRate} (n)`, kind: 'integer' },
      { header: words.previousWave, kind: 'score' },
      { header: labels.change, kind: 'score' },
      { header: labels.pValue, kind: 'pvalue' },
    ],
    model.channels.map((channel) => {
      const fcr = model.fcr.find((row) => row.channel === channel.channel);
      const trend = model.trend?.channels.find((row) => row.channel === channel.channel);
      return [
        model.ranking.find((row) => row.channel === channel.channel)?.rank ?? null,
        channelName(labels, channel.channel),
        channel.mean,
        channel.ci95?.[0] ?? null,
        channel.ci95?.[1] ?? null,
        channel.n,
        channel.share,
        fcr?.rate ?? null,
        fcr?.n ?? 0,
        trend?.previous ?? null,
        trend?.change ?? null,
        trend?.pValue ?? null,
      ];
    }),
  ];
}

export function campaignsSheet(model: ProgramModel, labels: ReportLabels, words: ProgramLabels): Sheet {
  return [
    [
      { header: labels.campaign, kind: 'text' },
      { header: words.questionnaire, kind: 'text' },
      { header: labels.channels, kind: 'text' },
      { header: labels.mean, kind: 'score' },
      { header: labels.n, kind: 'integer' },
    ],
    model.campaigns.map((campaign) => [
      campaign.name,
      campaign.questionnaireTitle,
      campaign.channels.map((channel) => channelName(labels, channel)).join(', '),
      campaign.mean,
      campaign.n,
    ]),
  ];
}

/** Measures down, channels across: compliance per channel, then n per channel; empty where not measured. */
export function heatmapSheet(model: ProgramModel, labels: ReportLabels, words: ProgramLabels): Sheet {
  const channels = model.channels.map((channel) => channel.channel);
  return [
    [
      { header: words.key, kind: 'text' },
      { header: words.measure, kind: 'text' },
      ...channels.map((channel) => ({ header: words.compliancePerChannel(channelName(labels, channel)), kind: 'percent' as const })),
      ...channels.map((channel) => ({ header: words.nPerChannel(channelName(labels, channel)), kind: 'integer' as const })),
    ],
    model.measures.map((measure) => {
      const value = (channel: string) => measure.channels.find((row) => row.channel === channel);
      return [
        measure.key,
        measureTitle(measure, labels),
        ...channels.map((channel) => value(channel)?.compliance ?? null),
        ...channels.map((channel) => value(channel)?.n ?? null),
      ];
    }),
  ];
}

export function measuresSheet(model: ProgramModel, labels: ReportLabels, words: ProgramLabels): Sheet {
  return [
    [
      { header: words.key, kind: 'text' },
      { header: words.measure, kind: 'text' },
      { header: words.kindColumn, kind: 'text' },
      { header: labels.compliance, kind: 'score' },
      { header: labels.n, kind: 'integer' },
      { header: words.consistencyIndex, kind: 'score' },
      { header: words.spread, kind: 'score' },
      { header: words.weakestChannel, kind: 'text' },
      { header: words.test, kind: 'text' },
      { header: `${words.test} (${labels.value})`, kind: 'decimal' },
      { header: labels.pValue, kind: 'pvalue' },
      { header: labels.significant, kind: 'text' },
      { header: words.previousWave, kind: 'score' },
      { header: labels.change, kind: 'score' },
      { header: `${labels.change} (p)`, kind: 'pvalue' },
    ],
    model.measures.map((measure) => {
      const trend = model.trend?.measures.find((row) => row.key === measure.key);
      return [
        measure.key,
        measureTitle(measure, labels),
        words.kind[measure.kind],
        measure.overall.compliance,
        measure.overall.n,
        measure.consistency.index,
        measure.consistency.spread,
        measure.weakestChannel ? channelName(labels, measure.weakestChannel) : null,
        measure.test ? words.testNames[measure.test.name] : null,
        measure.test?.statistic ?? null,
        measure.test?.pValue ?? null,
        yesNo(measure.test?.significant, labels),
        trend?.previous ?? null,
        trend?.change ?? null,
        trend?.pValue ?? null,
      ];
    }),
  ];
}

export function prioritiesSheet(model: ProgramModel, labels: ReportLabels, words: ProgramLabels): Sheet {
  const measures = new Map(model.measures.map((measure) => [measure.key, measure]));
  return [
    [
      { header: words.rank, kind: 'integer' },
      { header: words.measure, kind: 'text' },
      { header: labels.channel, kind: 'text' },
      { header: labels.compliance, kind: 'score' },
      { header: words.gap, kind: 'score' },
      { header: words.share, kind: 'percent' },
      { header: words.impact, kind: 'decimal' },
      { header: labels.recommendation, kind: 'text' },
    ],
    model.priorities.map((priority, index) => {
      const measure = measures.get(priority.measureKey);
      return [
        index + 1,
        measure ? measureTitle(measure, labels) : priority.measureKey,
        channelName(labels, priority.channel),
        measure?.channels.find((row) => row.channel === priority.channel)?.compliance ?? null,
        priority.gap,
        priority.share,
        priority.impact,
        priority.advice ?? null,
      ];
    }),
  ];
}

export function actionsSheet(model: ProgramModel, labels: ReportLabels, words: ProgramLabels): Sheet {
  const target = (channels: string[], touchpoints: number) =>
    [
      channels.length ? channels.map((channel) => channelName(labels, channel)).join(', ') : words.allChannels,
      ...(touchpoints ? [words.touchpoints(touchpoints)] : []),
    ].join(' · ');
  return [
    [
      { header: words.measure, kind: 'text' },
      { header: words.target, kind: 'text' },
      { header: words.owner, kind: 'text' },
      { header: words.dueOn, kind: 'text' },
      { header: words.state, kind: 'text' },
      { header: words.before, kind: 'score' },
      { header: `${words.before} (n)`, kind: 'integer' },
      { header: words.after, kind: 'score' },
      { header: `${words.after} (n)`, kind: 'integer' },
      { header: labels.change, kind: 'score' },
      { header: labels.pValue, kind: 'pvalue' },
      { header: labels.significant, kind: 'text' },
      { header: labels.comment, kind: 'text' },
    ],
    [
      ...model.actions.map((action): Cell[] => [
        action.measureTitle,
        target(action.channels, action.touchpointIds.length),
        action.owner,
        action.dueOn,
        words.states[action.state],
        action.before,
        action.nBefore,
        action.after,
        action.nAfter,
        action.change,
        action.pValue,
        yesNo(action.significant, labels),
        action.note,
      ]),
      ...model.plannedActions.map((action): Cell[] => [
        action.measureTitle,
        target(action.channels, action.touchpointIds.length),
        action.owner,
        action.dueOn,
        words.states[action.state],
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        action.note,
      ]),
    ],
  ];
}

export function timingSheet(model: ProgramModel, labels: ReportLabels): Sheet {
  return [
    [
      { header: labels.channel, kind: 'text' },
      { header: labels.metric, kind: 'text' },
      { header: `${labels.median} (${labels.seconds})`, kind: 'seconds' },
      { header: `P90 (${labels.seconds})`, kind: 'seconds' },
      { header: `${labels.sla} (${labels.seconds})`, kind: 'seconds' },
      { header: labels.slaCompliance, kind: 'percent' },
      { header: labels.n, kind: 'integer' },
    ],
    model.timing.map((row) => [
      channelName(labels, row.channel),
      row.metric === 'response_time' ? labels.responseTime : labels.waitTime,
      row.median,
      row.p90,
      row.slaSeconds ?? null,
      row.slaCompliance ?? null,
      row.n,
    ]),
  ];
}
