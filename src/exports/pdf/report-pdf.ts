/// <reference path="./svg-to-pdfkit.d.ts" />
// The PDF download (docs/domain.md §6): a board-ready campaign report drawn from the KPI model alone, so it
// says exactly what GET /campaigns/:id/kpis says. No shopper data and no internal ids are printed:
// the model's comment visit ids and touchpoint ids are never written.
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
import {
  contentWidth,
  coverBand,
  type Tile,
  coverDetails,
  ensureSpace,
  heading,
  numberedItem,
  pageFooters,
  paragraph,
  placeChart,
  renderDocument,
  subheading,
  table,
  TableCell,
  tiles,
} from './layout';
import { qualitativeAnalysis } from './qualitative';
import { FONT, PAGE, PALETTE } from './theme';

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
  const info = {
    lang: labels.locale,
    title: model.campaign.name,
    subject: `${labels.reportTitle} — ${model.campaign.clientName}`,
    keywords: `${labels.reportTitle}, ${model.campaign.clientName}`,
  };
  return renderDocument(info, (doc) => {
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
    pageFooters(doc, model.campaign.name, labels.page);
  });
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
  coverBand(doc, {
    kicker: labels.reportTitle,
    title: model.campaign.name,
    subtitle: model.campaign.clientName,
    note: labels.reportSubtitle,
  });
  const rows: Array<[string, string]> = [
    [labels.client, model.campaign.clientName],
    [labels.campaign, model.campaign.name],
    [labels.questionnaire, model.campaign.questionnaireTitle],
    [labels.period, `${formatLongDate(model.campaign.startsOn, language)} – ${formatLongDate(model.campaign.endsOn, language)}`],
    [labels.visits, formatInteger(model.n, language)],
    [labels.generatedOn, formatLongDate(generatedAt.toISOString(), language)],
  ];
  coverDetails(
    doc,
    {
      rows,
      filters: { label: labels.filtersApplied, parts: describeFilters(model, labels, language) },
      unapprovedWarning: model.filters.includeUnapproved ? labels.includesUnapproved : null,
      confidential: `${labels.confidential} — ${model.campaign.clientName}`,
    },
    { top: 50, rowGap: 12 },
  );
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
  placeChart(doc, svg, height);
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
