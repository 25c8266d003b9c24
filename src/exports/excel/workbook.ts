// The Excel download (docs/domain.md §6): the KPI model's tables, one sheet each, plus the raw visits, written
// with exceljs's streaming WorkbookWriter straight to the output stream. Every row is committed as soon
// as it is written, so the Visits sheet of a 100k-visit campaign never sits in memory whole.
import * as ExcelJS from 'exceljs';
import { once } from 'events';
import type { Writable } from 'stream';
import type { KpiModel } from '../../kpis/kpi-model';
import { SCORABLE_TYPES, QuestionType } from '../../questionnaires/domain/definition';
import { channelName, commentGroupTitle, dimensionName, kpiName, labelsFor, ReportLabels, ReportLanguage } from '../i18n';
import { rankTouchpoints } from '../ranking';
import { answerCell, numberCell, plainText } from './cells';
import type { VisitRow } from './visit-rows';

/** Who reads the workbook: staff see visit report ids and statuses; client users see row numbers only. */
export type WorkbookAudience = 'staff' | 'client';

export interface WorkbookOptions {
  audience?: WorkbookAudience;
  /** Visits per Visits sheet before it continues on the next; Excel's own limit unless a test asks for less. */
  visitsPerSheet?: number;
}

/** An Excel sheet holds 1,048,576 rows: the header and this many visits. */
export const MAX_VISITS_PER_SHEET = 1_048_575;

type CellKind = 'text' | 'score' | 'percent' | 'integer' | 'decimal' | 'pvalue' | 'seconds' | 'date';

interface ColumnSpec {
  header: string;
  kind: CellKind;
  /** Fixed width in characters; otherwise fitted to the header and the values. */
  width?: number;
}

/** A number whose format differs from its column's (the Summary sheet's one value column holds counts, scores and p-values). */
interface FormattedNumber {
  value: number | null;
  kind: CellKind;
}

type CellValue = string | number | Date | null | FormattedNumber;

const formatted = (value: number | null | undefined, kind: CellKind): FormattedNumber => ({ value: value ?? null, kind });

function isFormatted(value: CellValue): value is FormattedNumber {
  return value !== null && typeof value === 'object' && !(value instanceof Date);
}

/** Scores and percentages are 0–100 numbers shown with one decimal; never text. */
const NUMBER_FORMATS: Record<CellKind, string | undefined> = {
  text: undefined,
  score: '0.0',
  percent: '0.0',
  integer: '0',
  decimal: '0.0',
  pvalue: '0.000',
  seconds: '0',
  date: 'yyyy-mm-dd hh:mm',
};

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF14365D' } };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFFFFFF' } };
const MIN_WIDTH = 6;
const MAX_WIDTH = 60;
/** Rows between checks of the output's backpressure while streaming visits. */
const DRAIN_CHECK_EVERY = 250;

/**
 * Writes the whole workbook to `out` and resolves when `out` has finished. `visitRows` is consumed
 * once, lazily, while the Visits sheet is written. Client users (the default audience) never get a
 * visit report id; no sheet has any shopper field, since neither the model nor the rows carry one.
 */
export async function writeWorkbook(
  model: KpiModel,
  visitRows: AsyncIterable<VisitRow>,
  out: Writable,
  language: ReportLanguage,
  options: WorkbookOptions = {},
): Promise<void> {
  const audience = options.audience ?? 'client';
  const labels = labelsFor(language);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Incognito';
  workbook.lastModifiedBy = 'Incognito';
  workbook.title = plainText(model.campaign.name) ?? '';
  const names = labels.sheetNames;
  try {
    writeTable(workbook, names.summary, ...summaryTable(model, labels));
    writeTable(workbook, names.sections, ...sectionsTable(model, labels));
    writeTable(workbook, names.dimensions, ...dimensionsTable(model, labels));
    writeTable(workbook, names.channels, ...channelsTable(model, labels));
    writeTable(workbook, names.regions, ...regionsTable(model, labels));
    writeTable(workbook, names.touchpoints, ...touchpointsTable(model, labels));
    writeTable(workbook, names.questions, ...questionsTable(model, labels));
    writeTable(workbook, names.timing, ...timingTable(model, labels));
    const visitsPerSheet = options.visitsPerSheet ?? MAX_VISITS_PER_SHEET;
    const visitNumbers = await writeVisitsSheet(workbook, names.visits, model, visitRows, out, labels, audience, visitsPerSheet);
    writeTable(workbook, names.themes, ...themesTable(model, labels));
    writeTable(workbook, names.comments, ...commentsTable(model, labels, audience, visitNumbers));
    // exceljs resolves commit() on the output's 'finish', which never comes if the reader has gone.
    const aborted = closedEarly(out);
    aborted.catch(() => undefined);
    await Promise.race([workbook.commit(), aborted]);
  } catch (error) {
    stopZip(workbook, out);
    throw error;
  }
}

/**
 * After a failure, detach exceljs's zip stream from the output so nothing more is written into it
 * (the caller may still answer with an error, or destroy the connection). `zip` is exceljs's internal
 * archiver instance; it is not in its typings.
 */
function stopZip(workbook: ExcelJS.stream.xlsx.WorkbookWriter, out: Writable): void {
  const zip = (workbook as unknown as { zip?: { unpipe(destination?: Writable): void; abort(): void } }).zip;
  try {
    zip?.unpipe(out);
    zip?.abort();
  } catch {
    // already finished or aborted: nothing left to stop
  }
}

// ---------------------------------------------------------------------------------------------------
// Writing sheets

function addSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: ColumnSpec[], widths: number[], frozenColumns = 0) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: frozenColumns, ySplit: 1 }] });
  sheet.columns = widths.map((width, index) => ({ key: `c${index}`, width }));
  if (columns.length) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const header = sheet.addRow(columns.map((column) => plainText(column.header)));
  header.height = 20;
  header.eachCell((cell) => {
    cell.font = HEADER_FONT;
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle' };
  });
  header.commit();
  return sheet;
}

function commitRow(sheet: ExcelJS.Worksheet, columns: ColumnSpec[], values: CellValue[]): void {
  const row = sheet.addRow(values.map(toCellValue));
  columns.forEach((column, index) => {
    const value = values[index];
    const format = NUMBER_FORMATS[value !== undefined && isFormatted(value) ? value.kind : column.kind];
    if (format) row.getCell(index + 1).numFmt = format;
  });
  row.commit();
}

/** The only way values reach a cell: numbers as finite numbers, dates as dates, everything else as a plain string. */
function toCellValue(value: CellValue): ExcelJS.CellValue {
  if (value === null) return null;
  if (isFormatted(value)) return numberCell(value.value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'number') return numberCell(value);
  // Any string, in any column (e.g. "N/A" where a number usually is), goes in as plain text.
  return plainText(value);
}

/** A small sheet: every row is known, so columns are fitted to their contents. */
function writeTable(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: ColumnSpec[], rows: CellValue[][]): void {
  const widths = columns.map(
    (column, index) =>
      column.width ??
      fitWidth(
        column,
        rows.map((row) => row[index] ?? null),
      ),
  );
  const sheet = addSheet(workbook, name, columns, widths);
  for (const row of rows) commitRow(sheet, columns, row);
  sheet.commit();
}

function displayLength(value: CellValue, kind: CellKind): number {
  if (value === null) return 0;
  if (isFormatted(value)) return displayLength(value.value, value.kind);
  if (value instanceof Date) return 16;
  if (typeof value === 'number') return kind === 'text' ? String(value).length : Math.max(String(Math.round(value)).length + 2, 5);
  return Math.max(...value.split('\n').map((line) => line.length));
}

function fitWidth(column: ColumnSpec, values: CellValue[]): number {
  const longest = Math.max(column.header.length + 4, ...values.map((value) => displayLength(value, column.kind) + 2));
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest));
}

/** The reader went away (closed tab, network) before the workbook was complete. */
export class OutputClosedError extends Error {
  constructor() {
    super('The output stream closed before the workbook was written');
    this.name = 'OutputClosedError';
  }
}

function assertOpen(out: Writable): void {
  if (out.destroyed) throw new OutputClosedError();
}

/** Waits while the output is full, so a slow reader slows the SQL batches instead of filling memory. */
async function waitForDrain(out: Writable): Promise<void> {
  assertOpen(out);
  if (!out.writableNeedDrain) return;
  const closed = once(out, 'close').then(() => {
    throw new OutputClosedError();
  });
  await Promise.race([once(out, 'drain'), closed]);
}

/** Rejects if `out` closes before it finished; never settles otherwise (for Promise.race). */
function closedEarly(out: Writable): Promise<never> {
  return new Promise<never>((_, reject) => {
    out.once('close', () => {
      if (!out.writableFinished) reject(new OutputClosedError());
    });
  });
}

/**
 * The raw data: one row per visit, one column per question (the answer, and for scored questions the
 * points earned), section scores, and the visit's context. Returns the row number of each visit that a
 * comment refers to, so the Comments sheet can point client users at a row instead of an id. Past
 * `visitsPerSheet` visits the rows go on in "Visits (2)", "Visits (3)"…, each with the same header;
 * the row numbers go on counting across them.
 */
async function writeVisitsSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  model: KpiModel,
  visitRows: AsyncIterable<VisitRow>,
  out: Writable,
  labels: ReportLabels,
  audience: WorkbookAudience,
  visitsPerSheet: number,
): Promise<Map<string, number>> {
  const columns: ColumnSpec[] = [];
  const staff = audience === 'staff';
  columns.push(staff ? { header: labels.visitId, kind: 'text', width: 38 } : { header: labels.rowNumber, kind: 'integer', width: 8 });
  if (staff) columns.push({ header: labels.status, kind: 'text', width: 12 });
  columns.push(
    { header: labels.date, kind: 'date', width: 18 },
    { header: labels.touchpoint, kind: 'text', width: 30 },
    { header: labels.channel, kind: 'text', width: 18 },
    { header: labels.region, kind: 'text', width: 20 },
    { header: labels.city, kind: 'text', width: 16 },
    { header: labels.scenario, kind: 'text', width: 20 },
    { header: labels.score, kind: 'score', width: 12 },
    { header: labels.knockout, kind: 'text', width: 11 },
    { header: labels.waitSeconds, kind: 'seconds', width: 13 },
    { header: labels.responseSeconds, kind: 'seconds', width: 15 },
    { header: labels.fcr, kind: 'text', width: 14 },
  );
  for (const section of model.sections) {
    columns.push({ header: `${section.title} (${labels.sectionScoreSuffix})`, kind: 'score', width: headerWidth(section.title, 14) });
  }
  const scored = (type: string) => SCORABLE_TYPES.includes(type as QuestionType);
  for (const question of model.questions) {
    columns.push({ header: `${question.key} (${labels.answerSuffix})`, kind: 'text', width: headerWidth(question.key, 16) });
    if (scored(question.type)) {
      columns.push({ header: `${question.key} (${labels.pointsSuffix})`, kind: 'decimal', width: headerWidth(question.key, 10) });
    }
  }

  // The visit's number or id stays in view while scrolling through the question columns.
  const widths = columns.map((column) => column.width ?? 12);
  let sheet = addSheet(workbook, name, columns, widths, 1);
  let part = 1;
  const words = { yes: labels.yes, no: labels.no, na: labels.notApplicable };
  const referenced = new Set(commentVisitIds(model));
  const numbers = new Map<string, number>();
  let rowNumber = 0;
  for await (const visit of visitRows) {
    assertOpen(out);
    if (rowNumber === part * visitsPerSheet) {
      sheet.commit();
      part += 1;
      sheet = addSheet(workbook, `${name} (${part})`, columns, widths, 1);
    }
    rowNumber += 1;
    if (referenced.has(visit.id)) numbers.set(visit.id, rowNumber);
    const values: CellValue[] = [staff ? visit.id : rowNumber];
    if (staff) values.push(labels.statusNames[visit.status] ?? visit.status);
    values.push(
      visit.visitedAt,
      visit.touchpointName,
      channelName(labels, visit.channel),
      visit.region,
      visit.city,
      visit.scenario,
      visit.score,
      visit.knockout ? labels.yes : labels.no,
      visit.waitSeconds,
      visit.responseSeconds,
      visit.fcr === null ? null : visit.fcr ? labels.yes : labels.no,
    );
    for (const section of model.sections) values.push(visit.sections[section.key] ?? null);
    for (const question of model.questions) {
      const answer = visit.answers[question.key];
      values.push(answerCell(answer, words));
      if (scored(question.type)) values.push(answer?.counted ? answer.earned : null);
    }
    commitRow(sheet, columns, values);
    if (rowNumber % DRAIN_CHECK_EVERY === 0) await waitForDrain(out);
  }
  sheet.commit();
  return numbers;
}

function headerWidth(text: string, minimum: number): number {
  return Math.min(MAX_WIDTH, Math.max(minimum, text.length + 14));
}

function commentVisitIds(model: KpiModel): string[] {
  return [
    ...model.comments.bySection.flatMap((section) => section.items.map((item) => item.visitId)),
    ...model.comments.failedQuestionVerbatims.flatMap((question) => question.items.map((item) => item.visitId)),
  ];
}

// ---------------------------------------------------------------------------------------------------
// The tables: pure functions of the model, so each sheet says exactly what the JSON says.

type Table = [ColumnSpec[], CellValue[][]];

const yesNo = (labels: ReportLabels, value: boolean | null | undefined) =>
  value === null || value === undefined ? null : value ? labels.yes : labels.no;

export function summaryTable(model: KpiModel, labels: ReportLabels): Table {
  const columns: ColumnSpec[] = [
    { header: labels.field, kind: 'text' },
    { header: labels.value, kind: 'decimal' },
  ];
  const rows: CellValue[][] = [
    [labels.client, model.campaign.clientName],
    [labels.campaign, model.campaign.name],
    [labels.questionnaire, model.campaign.questionnaireTitle],
    [`${labels.period}: ${labels.from.toLowerCase()}`, model.campaign.startsOn],
    [`${labels.period}: ${labels.to.toLowerCase()}`, model.campaign.endsOn],
    [labels.visits, formatted(model.n, 'integer')],
    [labels.overallScore, model.overall.mean],
    [labels.ciLow, model.overall.ci95?.[0] ?? null],
    [labels.ciHigh, model.overall.ci95?.[1] ?? null],
  ];
  if (model.overall.target !== undefined) {
    rows.push([`${labels.overallScore}: ${labels.target.toLowerCase()}`, model.overall.target]);
    rows.push([`${labels.overallScore}: ${labels.met.toLowerCase()}`, yesNo(labels, model.overall.met)]);
  }
  rows.push(
    [`${labels.fcr} (%)`, model.fcr.rate],
    [`${labels.knockoutRate} (%)`, model.knockoutRate],
    [labels.consistencyIndex, model.consistency.index],
    [`${labels.spread} (${labels.points})`, model.consistency.spread],
  );
  for (const target of model.targets) {
    rows.push([`${labels.target}: ${kpiName(labels, target.kpi)}`, target.target]);
    rows.push([`${labels.actual}: ${kpiName(labels, target.kpi)}`, target.actual]);
    rows.push([`${labels.met}: ${kpiName(labels, target.kpi)}`, yesNo(labels, target.met)]);
  }
  if (model.trend) {
    const overall = model.trend.overall;
    rows.push(
      [labels.previousWave, model.trend.previousCampaignName],
      [`${labels.previousWave}: ${labels.overallScore.toLowerCase()}`, overall.previous],
      [`${labels.change} (${labels.points})`, overall.change],
      [`${labels.change}: ${labels.pValue}`, formatted(overall.pValue, 'pvalue')],
      [`${labels.change}: ${labels.significant}`, yesNo(labels, overall.significant)],
    );
  }
  for (const term of model.comments.topTerms) rows.push([`${labels.term}: ${term.term}`, formatted(term.count, 'integer')]);
  return [columns, rows];
}

export function sectionsTable(model: KpiModel, labels: ReportLabels): Table {
  const withTrend = model.trend !== undefined;
  const columns: ColumnSpec[] = [
    { header: labels.questionKey, kind: 'text' },
    { header: labels.section, kind: 'text' },
    { header: labels.weight, kind: 'decimal' },
    { header: labels.score, kind: 'score' },
    { header: labels.n, kind: 'integer' },
  ];
  if (withTrend) {
    columns.push(
      { header: labels.previousWave, kind: 'score' },
      { header: labels.change, kind: 'score' },
      { header: labels.pValue, kind: 'pvalue' },
      { header: labels.significant, kind: 'text' },
    );
  }
  const rows = model.sections.map((section) => {
    const row: CellValue[] = [section.key, section.title, section.weight, section.mean, section.n];
    if (withTrend) {
      const trend = model.trend?.sections.find((item) => item.key === section.key);
      row.push(trend?.previous ?? null, trend?.change ?? null, trend?.pValue ?? null, yesNo(labels, trend?.significant));
    }
    return row;
  });
  return [columns, rows];
}

export function dimensionsTable(model: KpiModel, labels: ReportLabels): Table {
  const withTrend = model.trend !== undefined;
  const columns: ColumnSpec[] = [
    { header: labels.questionKey, kind: 'text' },
    { header: labels.dimension, kind: 'text' },
    { header: labels.score, kind: 'score' },
    { header: labels.n, kind: 'integer' },
    { header: labels.target, kind: 'score' },
  ];
  if (withTrend) columns.push({ header: labels.previousWave, kind: 'score' }, { header: labels.change, kind: 'score' });
  const rows = model.dimensions.map((dimension) => {
    const target = model.targets.find((item) => item.kpi === dimension.key);
    const row: CellValue[] = [dimension.key, dimensionName(labels, dimension.key), dimension.mean, dimension.n, target?.target ?? null];
    if (withTrend) {
      const trend = model.trend?.dimensions.find((item) => item.key === dimension.key);
      row.push(trend?.previous ?? null, trend?.change ?? null);
    }
    return row;
  });
  return [columns, rows];
}

export function channelsTable(model: KpiModel, labels: ReportLabels): Table {
  const columns: ColumnSpec[] = [
    { header: labels.channel, kind: 'text' },
    { header: labels.score, kind: 'score' },
    { header: labels.n, kind: 'integer' },
  ];
  return [columns, model.channels.map((channel) => [channelName(labels, channel.channel), channel.mean, channel.n])];
}

export function regionsTable(model: KpiModel, labels: ReportLabels): Table {
  const columns: ColumnSpec[] = [
    { header: labels.region, kind: 'text' },
    { header: labels.score, kind: 'score' },
    { header: labels.n, kind: 'integer' },
  ];
  return [columns, model.regions.map((region) => [region.region, region.mean, region.n])];
}

export function touchpointsTable(model: KpiModel, labels: ReportLabels): Table {
  const columns: ColumnSpec[] = [
    { header: labels.rank, kind: 'integer' },
    { header: labels.touchpoint, kind: 'text' },
    { header: labels.channel, kind: 'text' },
    { header: labels.region, kind: 'text' },
    { header: labels.city, kind: 'text' },
    { header: labels.score, kind: 'score' },
    { header: labels.n, kind: 'integer' },
  ];
  const rows = rankTouchpoints(model.touchpoints).map(({ touchpoint, rank }) => [
    rank,
    touchpoint.name,
    channelName(labels, touchpoint.channel),
    touchpoint.region,
    touchpoint.city,
    touchpoint.mean,
    touchpoint.n,
  ]);
  return [columns, rows];
}

export function questionsTable(model: KpiModel, labels: ReportLabels): Table {
  const columns: ColumnSpec[] = [
    { header: labels.section, kind: 'text' },
    { header: labels.questionKey, kind: 'text' },
    { header: labels.question, kind: 'text' },
    { header: labels.questionType, kind: 'text' },
    { header: `${labels.compliance} (%)`, kind: 'percent' },
    { header: labels.n, kind: 'integer' },
    { header: labels.answerDistribution, kind: 'text' },
    { header: labels.impact, kind: 'decimal' },
    { header: labels.recommendation, kind: 'text' },
  ];
  const sectionTitles = new Map(model.sections.map((section) => [section.key, section.title]));
  const rows = model.questions.map((question) => {
    const recommendation = model.recommendations.find((item) => item.questionKey === question.key);
    return [
      sectionTitles.get(question.sectionKey) ?? question.sectionKey,
      question.key,
      question.text,
      question.type,
      question.compliance,
      question.n,
      answersText(question.answers, labels),
      recommendation?.impact ?? null,
      recommendation?.recommendation ?? null,
    ];
  });
  return [columns, rows];
}

/** "Sí: 3; No: 1" — the answer distribution of a choice or yes/no question. */
export function answersText(answers: Record<string, number> | undefined, labels: ReportLabels): string | null {
  if (!answers || !Object.keys(answers).length) return null;
  const word = (value: string) => (value === 'true' ? labels.yes : value === 'false' ? labels.no : value);
  return Object.entries(answers)
    .map(([value, count]) => `${word(value)}: ${count}`)
    .join('; ');
}

export function timingTable(model: KpiModel, labels: ReportLabels): Table {
  const columns: ColumnSpec[] = [
    { header: labels.channel, kind: 'text' },
    { header: labels.metric, kind: 'text' },
    { header: `${labels.median} (${labels.seconds})`, kind: 'seconds' },
    { header: `${labels.p90} (${labels.seconds})`, kind: 'seconds' },
    { header: `${labels.mean} (${labels.seconds})`, kind: 'seconds' },
    { header: `${labels.sla} (${labels.seconds})`, kind: 'seconds' },
    { header: `${labels.slaCompliance} (%)`, kind: 'percent' },
    { header: labels.n, kind: 'integer' },
  ];
  const rows = model.timing.map((timing) => [
    channelName(labels, timing.channel),
    timing.metric === 'wait_time' ? labels.waitTime : labels.responseTime,
    timing.median,
    timing.p90,
    timing.mean,
    timing.slaSeconds ?? null,
    timing.slaCompliance ?? null,
    timing.n,
  ]);
  return [columns, rows];
}

/** The qualitative analysis's themes, in the questionnaire's order, with every figure of the model. */
export function themesTable(model: KpiModel, labels: ReportLabels): Table {
  const columns: ColumnSpec[] = [
    { header: labels.theme, kind: 'text' },
    { header: labels.mentions, kind: 'percent' },
    { header: labels.mentionCount, kind: 'integer' },
    { header: labels.positive, kind: 'integer' },
    { header: labels.negative, kind: 'integer' },
    { header: `${labels.change} (${labels.points})`, kind: 'decimal' },
    { header: labels.pValue, kind: 'pvalue' },
    { header: labels.significant.charAt(0).toUpperCase() + labels.significant.slice(1), kind: 'text' },
    { header: labels.scoreWhenCriticised, kind: 'score' },
    { header: labels.scoreOthers, kind: 'score' },
  ];
  const rows: CellValue[][] = model.comments.themes.map((theme) => [
    theme.label,
    theme.share,
    theme.mentions,
    theme.positive,
    theme.negative,
    theme.change ?? null,
    theme.pValue ?? null,
    yesNo(labels, theme.significant),
    theme.meanScoreNegative ?? null,
    theme.meanScoreOther ?? null,
  ]);
  return [columns, rows];
}

export function commentsTable(
  model: KpiModel,
  labels: ReportLabels,
  audience: WorkbookAudience,
  visitNumbers: ReadonlyMap<string, number>,
): Table {
  const staff = audience === 'staff';
  const columns: ColumnSpec[] = [
    { header: labels.kind, kind: 'text' },
    { header: labels.section, kind: 'text' },
    { header: labels.questionKey, kind: 'text' },
    { header: labels.sentiment, kind: 'text' },
    { header: labels.polarity, kind: 'text' },
    { header: labels.themes, kind: 'text', width: 30 },
    { header: labels.comment, kind: 'text', width: MAX_WIDTH },
    staff ? { header: labels.visitId, kind: 'text', width: 38 } : { header: `${labels.visit} (${labels.rowNumber})`, kind: 'integer' },
  ];
  const themeLabels = new Map(model.comments.themes.map((theme) => [theme.key, theme.label]));
  const polarityLabel = (polarity: 'positive' | 'negative' | 'neutral') =>
    polarity === 'positive' ? labels.positive : polarity === 'negative' ? labels.negative : labels.neutral;
  const sectionTitles = new Map(model.sections.map((section) => [section.key, section.title]));
  const questionSections = new Map(model.questions.map((question) => [question.key, question.sectionKey]));
  const visitRef = (visitId: string): CellValue => (staff ? visitId : (visitNumbers.get(visitId) ?? null));
  const rows: CellValue[][] = [];
  for (const section of model.comments.bySection) {
    for (const item of section.items) {
      rows.push([
        labels.kindComment,
        commentGroupTitle(labels, sectionTitles, section.sectionKey),
        item.questionKey,
        item.sentiment === 'positive' ? labels.positive : labels.negative,
        polarityLabel(item.polarity),
        item.themes.map((key) => themeLabels.get(key) ?? key).join(', ') || null,
        item.text,
        visitRef(item.visitId),
      ]);
    }
  }
  for (const question of model.comments.failedQuestionVerbatims) {
    const sectionKey = questionSections.get(question.questionKey);
    for (const item of question.items) {
      rows.push([
        labels.kindVerbatim,
        sectionKey ? (sectionTitles.get(sectionKey) ?? sectionKey) : null,
        question.questionKey,
        labels.negative,
        null,
        null,
        item.text,
        visitRef(item.visitId),
      ]);
    }
  }
  return [columns, rows];
}
