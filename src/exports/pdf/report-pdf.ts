/// <reference path="./svg-to-pdfkit.d.ts" />
// The PDF download (docs/domain.md §6): a board-ready campaign report drawn from the KPI model alone, so it
// says exactly what GET /campaigns/:id/kpis says. No shopper data and no internal ids are printed:
// the model's comment visit ids and touchpoint ids are never written.
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { KpiModel, WaveComparison } from '../../kpis/kpi-model';
import { QuestionType, SCORABLE_TYPES } from '../../questionnaires/domain/definition';
import { EMPTY, formatChange, formatDecimal, formatDuration, formatInteger, formatLongDate, formatPercent, formatPValue } from '../format';
import { channelName, dimensionName, Headline, kpiName, labelsFor, ReportLabels, ReportLanguage } from '../i18n';
import { rankTouchpoints } from '../ranking';
import {
  channelsChart,
  distributionChart,
  regionsChart,
  renderChartSvg,
  scoredSections,
  sectionsChart,
  trendChart,
  trendRows,
} from './charts';
import { contentWidth, ensureSpace, heading, paragraph, subheading, table, TableCell } from './layout';
import { qualitativeAnalysis } from './qualitative';
import { chartFont, FONT, PAGE, PALETTE, registerFonts } from './theme';

type Doc = PDFKit.PDFDocument;

export interface PdfOptions {
  /** The day printed as "generated on"; the model's generatedAt by default. */
  generatedAt?: Date;
}

const TOP_ITEMS = 3;
const MAX_RECOMMENDATIONS = 20;

/** Renders the whole report into memory (a report is a few hundred kilobytes at most) and resolves with it. */
export function renderPdf(model: KpiModel, language: ReportLanguage, options: PdfOptions = {}): Promise<Buffer> {
  const labels = labelsFor(language);
  const doc = new PDFDocument({
    size: PAGE.size,
    margins: PAGE.margins,
    bufferPages: true,
    autoFirstPage: true,
    lang: labels.locale,
    displayTitle: true,
    info: {
      Title: model.campaign.name,
      Subject: `${labels.reportTitle} — ${model.campaign.clientName}`,
      Author: 'Incognito',
      Creator: 'Incognito',
      Keywords: `${labels.reportTitle}, ${model.campaign.clientName}`,
    },
  });
  registerFonts(doc);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    const context: Context = { doc, model, labels, language, generatedAt: options.generatedAt ?? new Date(model.generatedAt) };
    cover(context);
    doc.addPage();
    executiveSummary(context);
    charts(context);
    timingAndFcr(context);
    ranking(context);
    questionCompliance(context);
    qualitativeAnalysis(context.doc, model, context.labels, language);
    recommendations(context);
    methodNote(context);
    footers(context);
    doc.end();
  } catch (caught) {
    const error = caught instanceof Error ? caught : new Error(String(caught));
    doc.destroy(error);
    return Promise.reject(error);
  }
  return done;
}

interface Context {
  doc: Doc;
  model: KpiModel;
  labels: ReportLabels;
  language: ReportLanguage;
  generatedAt: Date;
}

// ---------------------------------------------------------------------------------------------------
// Cover

function cover({ doc, model, labels, language, generatedAt }: Context): void {
  const left = PAGE.margins.left;
  const width = contentWidth(doc);
  const bandHeight = 330;
  doc.save().rect(0, 0, doc.page.width, bandHeight).fill(PALETTE.primary).restore();
  doc.save().rect(0, bandHeight, doc.page.width, 6).fill(PALETTE.accent).restore();

  doc.font(FONT.bold).fontSize(10).fillColor('#8FD3D4').text(labels.reportTitle.toUpperCase(), left, 120, { width, characterSpacing: 0.8 });
  doc.moveDown(0.6);
  doc.font(FONT.bold).fontSize(28).fillColor(PALETTE.white).text(model.campaign.name, left, doc.y, { width, lineGap: 2 });
  doc.moveDown(0.3);
  doc.font(FONT.regular).fontSize(15).fillColor('#C9D8E8').text(model.campaign.clientName, left, doc.y, { width });
  doc
    .font(FONT.regular)
    .fontSize(10)
    .fillColor('#C9D8E8')
    .text(labels.reportSubtitle, left, bandHeight - 40, { width });

  const details: Array<[string, string]> = [
    [labels.client, model.campaign.clientName],
    [labels.campaign, model.campaign.name],
    [labels.questionnaire, model.campaign.questionnaireTitle],
    [labels.period, `${formatLongDate(model.campaign.startsOn, language)} – ${formatLongDate(model.campaign.endsOn, language)}`],
    [labels.visits, formatInteger(model.n, language)],
    [labels.generatedOn, formatLongDate(generatedAt.toISOString(), language)],
  ];
  let y = bandHeight + 50;
  const labelWidth = 150;
  for (const [label, value] of details) {
    doc
      .font(FONT.bold)
      .fontSize(8)
      .fillColor(PALETTE.muted)
      .text(label.toUpperCase(), left, y + 2, { width: labelWidth, characterSpacing: 0.8 });
    doc
      .font(FONT.regular)
      .fontSize(12)
      .fillColor(PALETTE.text)
      .text(value, left + labelWidth, y, { width: width - labelWidth });
    y = Math.max(doc.y, y + 14) + 12;
    doc
      .save()
      .moveTo(left, y - 6)
      .lineTo(left + width, y - 6)
      .lineWidth(0.4)
      .strokeColor(PALETTE.rule)
      .stroke()
      .restore();
  }

  const filters = describeFilters(model, labels, language);
  if (filters.length) {
    doc
      .font(FONT.bold)
      .fontSize(9)
      .fillColor(PALETTE.accent)
      .text(`${labels.filtersApplied}:`, left, y + 8, { width });
    doc
      .font(FONT.regular)
      .fontSize(9)
      .fillColor(PALETTE.text)
      .text(filters.join(' · '), left, doc.y + 2, { width });
  }
  if (model.filters.includeUnapproved) {
    doc
      .font(FONT.bold)
      .fontSize(9)
      .fillColor(PALETTE.warn)
      .text(labels.includesUnapproved, left, doc.y + 6, { width });
  }
  doc
    .font(FONT.regular)
    .fontSize(8)
    .fillColor(PALETTE.muted)
    .text(`${labels.confidential} — ${model.campaign.clientName}`, left, doc.page.height - PAGE.margins.bottom - 24, {
      width,
      lineBreak: false,
    });
}

function describeFilters(model: KpiModel, labels: ReportLabels, language: ReportLanguage): string[] {
  const filters = model.filters;
  const parts: string[] = [];
  if (filters.channel) parts.push(`${labels.channel}: ${channelName(labels, filters.channel)}`);
  if (filters.region) parts.push(`${labels.region}: ${filters.region}`);
  if (filters.touchpointId) {
    const touchpoint = model.touchpoints.find((item) => item.id === filters.touchpointId);
    parts.push(`${labels.touchpoint}: ${touchpoint?.name ?? EMPTY}`);
  }
  if (filters.scenario) parts.push(`${labels.scenario}: ${filters.scenario}`);
  if (filters.from) parts.push(`${labels.from}: ${formatLongDate(filters.from, language)}`);
  if (filters.to) parts.push(`${labels.to}: ${formatLongDate(filters.to, language)}`);
  return parts;
}

// ---------------------------------------------------------------------------------------------------
// Executive summary

interface Tile {
  label: string;
  value: string;
  note: string;
  noteColor?: string;
}

function tiles(doc: Doc, items: Tile[]): void {
  const gap = 10;
  const left = PAGE.margins.left;
  const width = (contentWidth(doc) - gap * (items.length - 1)) / items.length;
  const height = 92;
  ensureSpace(doc, height + 10);
  const y = doc.y;
  items.forEach((item, index) => {
    const x = left + index * (width + gap);
    doc.save().roundedRect(x, y, width, height, 4).fill(PALETTE.zebra).restore();
    doc.save().rect(x, y, 3, height).fill(PALETTE.accent).restore();
    doc
      .font(FONT.bold)
      .fontSize(7.5)
      .fillColor(PALETTE.muted)
      .text(item.label.toUpperCase(), x + 12, y + 10, { width: width - 20, characterSpacing: 0.5 });
    // Labels may take two lines; the value and its note sit below them at fixed heights so tiles line up.
    doc
      .font(FONT.bold)
      .fontSize(22)
      .fillColor(PALETTE.primary)
      .text(item.value, x + 12, y + 36, { width: width - 20, lineBreak: false });
    doc
      .font(FONT.regular)
      .fontSize(7.5)
      .fillColor(item.noteColor ?? PALETTE.muted)
      .text(item.note, x + 12, y + 64, { width: width - 20, height: 24, ellipsis: true });
  });
  doc.x = left;
  doc.y = y + height + gap;
}

function significanceText(comparison: WaveComparison, labels: ReportLabels, language: ReportLanguage): string {
  if (comparison.significant === null) return labels.notEnoughData;
  // No-break spaces keep "p = 0,031" on one line.
  const p = `${labels.pValue}\u00A0${comparison.pValue !== null && comparison.pValue < 0.001 ? '' : '=\u00A0'}${formatPValue(comparison.pValue, language).replace(' ', '\u00A0')}`;
  return `${comparison.significant ? labels.significant : labels.notSignificant} (${p})`;
}

function executiveSummary({ doc, model, labels, language }: Context): void {
  heading(doc, labels.executiveSummary);
  if (model.n === 0) paragraph(doc, labels.noVisits, { italic: true, color: PALETTE.muted });
  const key = headline(model, labels, language);
  if (key) paragraph(doc, key, { size: 11, color: PALETTE.primary });

  const overall = model.overall;
  const ci = overall.ci95
    ? `${labels.ci95}: ${formatDecimal(overall.ci95[0], language)} – ${formatDecimal(overall.ci95[1], language)}`
    : `${labels.ci95}: ${EMPTY}`;
  const trend = model.trend;
  const trendTile: Tile = trend
    ? {
        label: labels.vsPreviousWave,
        value: formatChange(trend.overall.change, language),
        note: `${labels.previousWave}: ${formatDecimal(trend.overall.previous, language)} · ${significanceText(trend.overall, labels, language)}`,
        noteColor: trend.overall.significant ? ((trend.overall.change ?? 0) >= 0 ? PALETTE.good : PALETTE.bad) : PALETTE.muted,
      }
    : { label: labels.vsPreviousWave, value: EMPTY, note: labels.noPreviousWave };
  tiles(doc, [
    { label: labels.overallScore, value: formatDecimal(overall.mean, language), note: `${ci} · n = ${formatInteger(overall.n, language)}` },
    overall.target !== undefined
      ? {
          label: labels.target,
          value: formatDecimal(overall.target, language),
          note: overall.met === undefined || overall.mean === null ? labels.noData : overall.met ? labels.targetMet : labels.targetNotMet,
          noteColor: overall.met === undefined || overall.mean === null ? PALETTE.muted : overall.met ? PALETTE.good : PALETTE.bad,
        }
      : { label: labels.target, value: EMPTY, note: labels.noTarget },
    trendTile,
  ]);
  tiles(doc, [
    { label: labels.fcr, value: formatPercent(model.fcr.rate, language), note: `n = ${formatInteger(model.fcr.n, language)}` },
    { label: labels.knockoutRate, value: formatPercent(model.knockoutRate, language), note: `n = ${formatInteger(model.n, language)}` },
    {
      label: labels.consistencyIndex,
      value: formatDecimal(model.consistency.index, language),
      note:
        model.consistency.index === null
          ? labels.consistencyNeedsTwoChannels
          : `${labels.spread}: ${formatDecimal(model.consistency.spread, language)} ${labels.points}`,
    },
  ]);

  doc.moveDown(0.4);
  subheading(doc, labels.topStrengths);
  const strengths = model.strengths.slice(0, TOP_ITEMS);
  if (!strengths.length) paragraph(doc, labels.noData, { italic: true, color: PALETTE.muted });
  strengths.forEach((strength, index) =>
    numberedItem(doc, index + 1, strength.text, `${labels.compliance}: ${formatPercent(strength.compliance, language)}`, PALETTE.good),
  );

  subheading(doc, labels.topPriorities);
  const priorities = model.recommendations.slice(0, TOP_ITEMS);
  if (!priorities.length) paragraph(doc, labels.noRecommendations, { italic: true, color: PALETTE.muted });
  priorities.forEach((priority, index) =>
    numberedItem(
      doc,
      index + 1,
      priority.text,
      `${labels.compliance}: ${formatPercent(priority.compliance, language)} · ${labels.impact}: ${formatDecimal(priority.impact, language)}`,
      PALETTE.bad,
      priority.recommendation,
    ),
  );

  if (model.targets.length) {
    subheading(doc, labels.targets);
    table(
      doc,
      [
        { header: labels.kpi, width: 4 },
        { header: labels.target, width: 1.5, align: 'right' },
        { header: labels.actual, width: 1.5, align: 'right' },
        { header: labels.met, width: 1.5, align: 'center' },
      ],
      model.targets.map((target) => [
        kpiName(labels, target.kpi),
        formatDecimal(target.target, language),
        formatDecimal(target.actual, language),
        metCell(target.met, labels),
      ]),
    );
  }
}

/** The one sentence a board member reads first; null without a score. */
export function headline(model: KpiModel, labels: ReportLabels, language: ReportLanguage): string | null {
  const { mean, target, met } = model.overall;
  if (mean === null) return null;
  const parts: Headline = { overall: formatDecimal(mean, language), n: formatInteger(model.overall.n, language) };
  if (target !== undefined) {
    parts.target = formatDecimal(target, language);
    parts.met = met === true;
  }
  const change = model.trend?.overall.change;
  if (model.trend && change !== null && change !== undefined) {
    const magnitude = formatDecimal(Math.abs(change), language);
    parts.change = magnitude;
    // Direction as printed: a change that rounds to 0,0 reads "level with", never "0,0 points more".
    parts.direction = /^0[.,]0$/.test(magnitude) ? 'flat' : change > 0 ? 'up' : 'down';
    parts.significant = model.trend.overall.significant;
  }
  return labels.headline(parts);
}

function metCell(met: boolean | null | undefined, labels: ReportLabels): TableCell {
  if (met === null || met === undefined) return { text: EMPTY, color: PALETTE.muted };
  return met ? { text: labels.yes, color: PALETTE.good, bold: true } : { text: labels.no, color: PALETTE.bad, bold: true };
}

function numberedItem(doc: Doc, number: number, title: string, detail: string, color: string, note?: string | null): void {
  const left = PAGE.margins.left;
  const width = contentWidth(doc) - 26;
  doc.font(FONT.bold).fontSize(10);
  const needed = doc.heightOfString(title, { width }) + 14 + (note ? doc.heightOfString(note, { width }) + 4 : 0);
  ensureSpace(doc, needed + 6);
  const y = doc.y;
  doc
    .save()
    .circle(left + 8, y + 6, 8)
    .fill(color)
    .restore();
  doc
    .font(FONT.bold)
    .fontSize(8.5)
    .fillColor(PALETTE.white)
    .text(String(number), left, y + 2.2, { width: 16, align: 'center' });
  doc
    .font(FONT.bold)
    .fontSize(10)
    .fillColor(PALETTE.text)
    .text(title, left + 26, y, { width });
  doc
    .font(FONT.regular)
    .fontSize(8.5)
    .fillColor(PALETTE.muted)
    .text(detail, left + 26, doc.y + 1, { width });
  if (note)
    doc
      .font(FONT.italic)
      .fontSize(8.5)
      .fillColor(PALETTE.text)
      .text(note, left + 26, doc.y + 2, { width });
  doc.x = left;
  doc.y += 7;
}

// ---------------------------------------------------------------------------------------------------
// Charts

function chart(doc: Doc, labels: ReportLabels, title: string, svg: string | null, height: number, caption?: string): void {
  ensureSpace(doc, height + 44);
  subheading(doc, title, height);
  if (caption) {
    doc
      .font(FONT.regular)
      .fontSize(8.5)
      .fillColor(PALETTE.muted)
      .text(caption, PAGE.margins.left, doc.y, { width: contentWidth(doc) });
    doc.moveDown(0.3);
  }
  if (svg === null) {
    paragraph(doc, labels.noData, { italic: true, color: PALETTE.muted });
    return;
  }
  const y = doc.y;
  SVGtoPDF(doc, svg, PAGE.margins.left, y, {
    width: contentWidth(doc),
    height,
    assumePt: true,
    preserveAspectRatio: 'xMinYMin meet',
    fontCallback: chartFont,
  });
  doc.x = PAGE.margins.left;
  doc.y = y + height + 6;
}

const barsHeight = (count: number) => Math.min(560, Math.max(120, 30 * count + 40));

function charts({ doc, model, labels, language }: Context): void {
  const width = contentWidth(doc);
  heading(doc, labels.charts, 200);

  const scored = scoredSections(model);
  const sectionsHeight = barsHeight(scored.length);
  const hasSections = scored.length > 0;
  chart(
    doc,
    labels,
    labels.scoresBySection,
    hasSections ? renderChartSvg(sectionsChart(model, language, labels), { width, height: sectionsHeight }) : null,
    sectionsHeight,
  );

  if (model.dimensions.length) {
    subheading(doc, labels.dimensions);
    table(
      doc,
      [
        { header: labels.dimension, width: 4 },
        { header: labels.n, width: 1, align: 'right' },
        { header: labels.score, width: 1.5, align: 'right' },
      ],
      model.dimensions.map((dimension) => [
        dimensionName(labels, dimension.key),
        formatInteger(dimension.n, language),
        scoreCell(dimension.mean, language),
      ]),
    );
  }

  const channelsHeight = 220;
  const consistency =
    model.consistency.index === null
      ? labels.consistencyNeedsTwoChannels
      : `${labels.consistencyIndex}: ${formatDecimal(model.consistency.index, language)} · ${labels.spread}: ${formatDecimal(model.consistency.spread, language)} ${labels.points}`;
  chart(
    doc,
    labels,
    labels.scoresByChannel,
    model.channels.length ? renderChartSvg(channelsChart(model, language, labels), { width, height: channelsHeight }) : null,
    channelsHeight,
    consistency,
  );

  const regionsHeight = barsHeight(model.regions.length);
  chart(
    doc,
    labels,
    labels.scoresByRegion,
    model.regions.length ? renderChartSvg(regionsChart(model, language, labels), { width, height: regionsHeight }) : null,
    regionsHeight,
  );

  const trendOption = trendChart(model, language, labels);
  const trendHeight = barsHeight(2 * trendRows(model, labels).length);
  chart(
    doc,
    labels,
    labels.trendBySection,
    trendOption ? renderChartSvg(trendOption, { width, height: trendHeight }) : null,
    trendOption ? trendHeight : 0,
    model.trend ? `${labels.previousWave}: ${model.trend.previousCampaignName}` : labels.noPreviousWave,
  );
  if (model.trend) {
    const titles = new Map(model.sections.map((section) => [section.key, section.title]));
    const rows = [
      { name: labels.overallScore, comparison: model.trend.overall },
      ...model.trend.sections.map((section) => ({ name: titles.get(section.key) ?? section.key, comparison: section })),
      { name: labels.fcr, comparison: model.trend.fcr },
    ];
    table(
      doc,
      [
        { header: labels.kpi, width: 3.6 },
        { header: labels.previousWave, width: 1.5, align: 'right' },
        { header: labels.currentWave, width: 1.5, align: 'right' },
        { header: labels.change, width: 1.3, align: 'right' },
        { header: labels.significance, width: 3 },
      ],
      rows.map(({ name, comparison }) => [
        name,
        formatDecimal(comparison.previous, language),
        formatDecimal(comparison.current, language),
        { text: formatChange(comparison.change, language), bold: comparison.significant === true },
        significanceText(comparison, labels, language),
      ]),
    );
  }

  const distributionHeight = 220;
  const hasDistribution = model.distribution.some((bin) => bin.count > 0);
  chart(
    doc,
    labels,
    labels.scoreDistribution,
    hasDistribution ? renderChartSvg(distributionChart(model, language, labels), { width, height: distributionHeight }) : null,
    distributionHeight,
  );
}

function scoreCell(value: number | null, language: ReportLanguage): TableCell {
  return { text: formatDecimal(value, language), bold: true, color: PALETTE.primary };
}

function complianceCell(value: number | null, language: ReportLanguage): TableCell {
  if (value === null) return { text: EMPTY, color: PALETTE.muted };
  const color = value >= 80 ? PALETTE.good : value >= 60 ? PALETTE.warn : PALETTE.bad;
  return { text: formatPercent(value, language), color, bold: true };
}

// ---------------------------------------------------------------------------------------------------
// Tables

function timingAndFcr({ doc, model, labels, language }: Context): void {
  heading(doc, labels.timingAndFcr);
  if (model.timing.length) {
    table(
      doc,
      [
        { header: labels.channel, width: 2 },
        { header: labels.metric, width: 2 },
        { header: labels.median, width: 1.5, align: 'right' },
        { header: labels.p90, width: 1.5, align: 'right' },
        { header: labels.sla, width: 1.5, align: 'right' },
        { header: labels.slaCompliance, width: 2, align: 'right' },
        { header: labels.n, width: 0.8, align: 'right' },
      ],
      model.timing.map((timing) => [
        channelName(labels, timing.channel),
        timing.metric === 'wait_time' ? labels.waitTime : labels.responseTime,
        formatDuration(timing.median),
        formatDuration(timing.p90),
        timing.slaSeconds !== undefined ? formatDuration(timing.slaSeconds) : EMPTY,
        complianceCell(timing.slaCompliance ?? null, language),
        formatInteger(timing.n, language),
      ]),
    );
  } else {
    paragraph(doc, labels.noData, { italic: true, color: PALETTE.muted });
  }
  table(
    doc,
    [
      { header: labels.kpi, width: 5 },
      { header: labels.fcrRate, width: 2, align: 'right' },
      { header: labels.n, width: 1, align: 'right' },
    ],
    [[labels.fcr, complianceCell(model.fcr.rate, language), formatInteger(model.fcr.n, language)]],
  );
}

function ranking({ doc, model, labels, language }: Context): void {
  heading(doc, labels.ranking);
  if (!model.touchpoints.length) {
    paragraph(doc, labels.noData, { italic: true, color: PALETTE.muted });
    return;
  }
  table(
    doc,
    [
      { header: labels.rank, width: 0.7, align: 'right' },
      { header: labels.touchpoint, width: 4 },
      { header: labels.channel, width: 1.8 },
      { header: labels.region, width: 2 },
      { header: labels.n, width: 0.7, align: 'right' },
      { header: labels.score, width: 1.5, align: 'right' },
    ],
    rankTouchpoints(model.touchpoints).map(({ touchpoint, rank }) => [
      rank === null ? EMPTY : String(rank),
      touchpoint.city ? `${touchpoint.name} (${touchpoint.city})` : touchpoint.name,
      channelName(labels, touchpoint.channel),
      touchpoint.region,
      formatInteger(touchpoint.n, language),
      scoreCell(touchpoint.mean, language),
    ]),
  );
}

function questionCompliance({ doc, model, labels, language }: Context): void {
  heading(doc, labels.questionCompliance);
  const sectionTitles = new Map(model.sections.map((section) => [section.key, section.title]));
  // Unscored questions (free text, numbers…) have no compliance; they feed the comments instead.
  const scored = model.questions.filter((question) => SCORABLE_TYPES.includes(question.type as QuestionType));
  if (!scored.length) {
    paragraph(doc, labels.noData, { italic: true, color: PALETTE.muted });
    return;
  }
  table(
    doc,
    [
      { header: labels.question, width: 5.5 },
      { header: labels.section, width: 2.2 },
      { header: labels.n, width: 0.7, align: 'right' },
      { header: labels.compliance, width: 1.8, align: 'right' },
    ],
    scored.map((question) => [
      question.text,
      sectionTitles.get(question.sectionKey) ?? question.sectionKey,
      formatInteger(question.n, language),
      complianceCell(question.compliance, language),
    ]),
  );
}

function recommendations({ doc, model, labels, language }: Context): void {
  heading(doc, labels.recommendations);
  const items = model.recommendations.slice(0, MAX_RECOMMENDATIONS);
  if (!items.length) {
    paragraph(doc, labels.noRecommendations, { italic: true, color: PALETTE.muted });
    return;
  }
  table(
    doc,
    [
      { header: labels.rank, width: 0.7, align: 'right' },
      { header: labels.question, width: 3.4 },
      { header: labels.compliance, width: 1.7, align: 'right' },
      { header: labels.impact, width: 1.1, align: 'right' },
      { header: labels.recommendation, width: 4 },
    ],
    items.map((item, index) => [
      String(index + 1),
      { text: item.text, bold: index < TOP_ITEMS },
      complianceCell(item.compliance, language),
      formatDecimal(item.impact, language),
      item.recommendation ?? EMPTY,
    ]),
  );
}

function methodNote({ doc, model, labels, language }: Context): void {
  heading(doc, labels.methodNote, 120);
  const ci = model.overall.ci95
    ? `${formatDecimal(model.overall.ci95[0], language)} – ${formatDecimal(model.overall.ci95[1], language)}`
    : null;
  for (const text of labels.methodParagraphs({ n: model.n, ci })) paragraph(doc, text, { size: 9 });
}

// ---------------------------------------------------------------------------------------------------
// Footers: written last, on every buffered page, inside the bottom margin.

function footers({ doc, model, labels }: Context): void {
  const range = doc.bufferedPageRange();
  const left = PAGE.margins.left;
  const width = contentWidth(doc);
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing below the margin must not open a new page
    const y = doc.page.height - bottomMargin + 24;
    doc
      .save()
      .moveTo(left, y - 8)
      .lineTo(left + width, y - 8)
      .lineWidth(0.5)
      .strokeColor(PALETTE.rule)
      .stroke()
      .restore();
    doc.font(FONT.regular).fontSize(8).fillColor(PALETTE.muted);
    doc.text(model.campaign.name, left, y, { width: width * 0.7, lineBreak: false, ellipsis: true, height: 10 });
    doc.text(labels.page(index - range.start + 1, range.count), left + width * 0.7, y, {
      width: width * 0.3,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottomMargin;
  }
}
