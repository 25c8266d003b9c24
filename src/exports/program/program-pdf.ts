/// <reference path="../pdf/svg-to-pdfkit.d.ts" />
// The omnichannel report (PDF) of a program wave, drawn from the program model alone, so it says
// exactly what GET /programs/:id/waves/:waveId/kpis says. In the campaign report's style: its layout,
// theme, fonts and chart renderer. No shopper data, no internal ids.
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { ActionResult, ProgramModel } from '../../programs/program-model';
import { EMPTY, formatChange, formatDecimal, formatDuration, formatInteger, formatLongDate, formatPercent, formatPValue } from '../format';
import { channelName, labelsFor, ReportLabels, ReportLanguage } from '../i18n';
import { channelScoresChart, heatmapChart, renderChartSvg } from '../pdf/charts';
import { contentWidth, ensureSpace, heading, paragraph, subheading, table, TableCell } from '../pdf/layout';
import { chartFont, FONT, PAGE, PALETTE, registerFonts } from '../pdf/theme';
import { measureTitle, ProgramLabels, programLabelsFor } from './i18n';

type Doc = PDFKit.PDFDocument;

const MAX_PRIORITIES = 12;

interface Context {
  doc: Doc;
  model: ProgramModel;
  labels: ReportLabels;
  words: ProgramLabels;
  language: ReportLanguage;
}

export function renderProgramPdf(model: ProgramModel, language: ReportLanguage): Promise<Buffer> {
  const labels = labelsFor(language);
  const words = programLabelsFor(language);
  const doc = new PDFDocument({
    size: PAGE.size,
    margins: PAGE.margins,
    bufferPages: true,
    autoFirstPage: true,
    lang: labels.locale,
    displayTitle: true,
    info: {
      Title: `${words.reportTitle} — ${model.program.name} — ${model.wave.name}`,
      Subject: `${words.reportTitle} — ${model.program.clientName}`,
      Author: 'Incognito',
      Creator: 'Incognito',
      Keywords: `${words.reportTitle}, ${model.program.clientName}`,
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
    const context: Context = { doc, model, labels, words, language };
    cover(context);
    doc.addPage();
    summary(context);
    doc.addPage();
    heatmap(context);
    priorities(context);
    actions(context);
    channelPages(context);
    method(context);
    footers(context);
    doc.end();
  } catch (error) {
    doc.destroy(error instanceof Error ? error : undefined);
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  return done;
}

const score = (value: number | null | undefined, language: ReportLanguage) => formatDecimal(value, language);
const percent = (value: number | null | undefined, language: ReportLanguage) => formatPercent(value, language);

function significanceCell(significant: boolean | null, pValue: number | null, labels: ReportLabels, language: ReportLanguage): TableCell {
  if (significant === null || pValue === null) return { text: labels.notEnoughData, color: PALETTE.muted };
  const p = `p ${pValue < 0.001 ? '' : '= '}${formatPValue(pValue, language)}`;
  return {
    text: `${significant ? labels.significant : labels.notSignificant} (${p})`,
    color: significant ? PALETTE.primary : PALETTE.muted,
    bold: significant,
  };
}

// ——— Cover ———

function cover({ doc, model, labels, words, language }: Context): void {
  const left = PAGE.margins.left;
  const width = contentWidth(doc);
  const bandHeight = 330;
  doc.save().rect(0, 0, doc.page.width, bandHeight).fill(PALETTE.primary).restore();
  doc.save().rect(0, bandHeight, doc.page.width, 6).fill(PALETTE.accent).restore();
  doc.font(FONT.bold).fontSize(10).fillColor('#8FD3D4').text(words.reportTitle.toUpperCase(), left, 120, { width, characterSpacing: 0.8 });
  doc.moveDown(0.6);
  doc.font(FONT.bold).fontSize(28).fillColor(PALETTE.white).text(model.program.name, left, doc.y, { width, lineGap: 2 });
  doc.moveDown(0.3);
  doc.font(FONT.regular).fontSize(15).fillColor('#C9D8E8').text(`${model.program.clientName} · ${model.wave.name}`, left, doc.y, { width });
  doc
    .font(FONT.regular)
    .fontSize(10)
    .fillColor('#C9D8E8')
    .text(words.reportSubtitle, left, bandHeight - 40, { width });

  const details: Array<[string, string]> = [
    [labels.client, model.program.clientName],
    [words.program, model.program.name],
    [words.wave, model.wave.name],
    [words.previousWave, model.wave.previousWaveName ?? EMPTY],
    [words.campaigns, formatInteger(model.campaigns.length, language)],
    [words.channelsCovered, model.channels.map((channel) => channelName(labels, channel.channel)).join(', ') || EMPTY],
    [labels.visits, formatInteger(model.n, language)],
    [labels.generatedOn, formatLongDate(model.generatedAt, language)],
  ];
  let y = bandHeight + 44;
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
    y = Math.max(doc.y, y + 14) + 10;
    doc
      .save()
      .moveTo(left, y - 5)
      .lineTo(left + width, y - 5)
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
      .text(`${labels.filtersApplied}:`, left, y + 6, { width });
    doc
      .font(FONT.regular)
      .fontSize(9)
      .fillColor(PALETTE.text)
      .text(filters.join(' · '), left, doc.y + 2, { width });
  }
  if (model.filters.includeUnapproved)
    doc
      .font(FONT.bold)
      .fontSize(9)
      .fillColor(PALETTE.warn)
      .text(labels.includesUnapproved, left, doc.y + 6, { width });
  doc
    .font(FONT.regular)
    .fontSize(8)
    .fillColor(PALETTE.muted)
    .text(`${labels.confidential} — ${model.program.clientName}`, left, doc.page.height - PAGE.margins.bottom - 24, {
      width,
      lineBreak: false,
    });
}

function describeFilters(model: ProgramModel, labels: ReportLabels, language: ReportLanguage): string[] {
  const parts: string[] = [];
  const { channel, region, from, to } = model.filters;
  if (channel) parts.push(`${labels.channel}: ${channelName(labels, channel)}`);
  if (region) parts.push(`${labels.region}: ${region}`);
  if (from) parts.push(`${labels.from}: ${formatLongDate(from, language)}`);
  if (to) parts.push(`${labels.to}: ${formatLongDate(to, language)}`);
  return parts;
}

// ——— Summary: the consistency headline ———

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

/** The sentence a board member reads first: how consistent, how far apart, best and weakest channel, and whether it is real. */
export function consistencyHeadline(model: ProgramModel, labels: ReportLabels, words: ProgramLabels, language: ReportLanguage): string {
  if (model.consistency.index === null || model.ranking.length < 2) return words.needsTwoChannels;
  const best = model.ranking[0];
  const weakest = model.ranking[model.ranking.length - 1];
  return words.headline({
    index: score(model.consistency.index, language),
    spread: score(model.consistency.spread, language),
    best: channelName(labels, best.channel),
    bestMean: score(best.mean, language),
    weakest: channelName(labels, weakest.channel),
    weakestMean: score(weakest.mean, language),
    differ: model.channelTest ? model.channelTest.significant : null,
  });
}

function chart(doc: Doc, svg: string, height: number): void {
  ensureSpace(doc, height + 8);
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

function summary({ doc, model, labels, words, language }: Context): void {
  heading(doc, labels.executiveSummary);
  if (model.n === 0) paragraph(doc, labels.noVisits, { italic: true, color: PALETTE.muted });
  paragraph(doc, consistencyHeadline(model, labels, words, language), { size: 11, color: PALETTE.primary });
  const trend = model.trend;
  const test = model.channelTest;
  tiles(doc, [
    {
      label: words.consistencyIndex,
      value: score(model.consistency.index, language),
      note:
        model.consistency.index === null
          ? words.needsTwoChannels
          : `${words.spread}: ${score(model.consistency.spread, language)} ${labels.points}`,
    },
    {
      label: labels.overallScore,
      value: score(model.overall.mean, language),
      note: `n = ${formatInteger(model.overall.n, language)}${model.overall.ci95 ? ` · ${labels.ci95}: ${score(model.overall.ci95[0], language)} – ${score(model.overall.ci95[1], language)}` : ''}`,
    },
    {
      label: words.consistencyChange,
      value: trend ? formatChange(trend.consistency.change, language) : EMPTY,
      note: trend ? `${words.previousWave}: ${score(trend.consistency.previous, language)}` : labels.noPreviousWave,
    },
  ]);
  if (test) {
    paragraph(
      doc,
      `${words.testNames.welch_anova}: F = ${formatDecimal(test.statistic, language, 2)}, p ${test.pValue < 0.001 ? '' : '= '}${formatPValue(test.pValue, language)} — ${test.significant ? words.channelsDiffer : words.channelsDoNotDiffer}.`,
      { size: 8.5, color: PALETTE.muted },
    );
  }
  subheading(doc, words.channelScores, 240);
  doc
    .font(FONT.regular)
    .fontSize(8.5)
    .fillColor(PALETTE.muted)
    .text(words.channelScoresCaption, PAGE.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3);
  const height = 165;
  if (model.channels.length)
    chart(doc, renderChartSvg(channelScoresChart(model, language, labels), { width: contentWidth(doc), height }), height);
  table(
    doc,
    [
      { header: words.rank, width: 1.1, align: 'right' },
      { header: labels.channel, width: 2.1 },
      { header: labels.mean, width: 1.2, align: 'right' },
      { header: labels.ci95, width: 2, align: 'right' },
      { header: labels.n, width: 0.9, align: 'right' },
      { header: words.share, width: 1.3, align: 'right' },
      { header: labels.change, width: 1.1, align: 'right' },
    ],
    model.channels.map((channel) => {
      const rank = model.ranking.find((row) => row.channel === channel.channel)?.rank;
      const change = trend?.channels.find((row) => row.channel === channel.channel);
      return [
        rank !== undefined ? String(rank) : EMPTY,
        channelName(labels, channel.channel),
        { text: score(channel.mean, language), bold: true },
        channel.ci95 ? `${score(channel.ci95[0], language)} – ${score(channel.ci95[1], language)}` : EMPTY,
        formatInteger(channel.n, language),
        percent(channel.share, language),
        change
          ? {
              text: formatChange(change.change, language),
              color: change.significant ? ((change.change ?? 0) >= 0 ? PALETTE.good : PALETTE.bad) : PALETTE.text,
            }
          : EMPTY,
      ];
    }),
  );
  if (model.campaigns.length) {
    subheading(doc, words.campaignsTitle);
    table(
      doc,
      [
        { header: labels.campaign, width: 3.2 },
        { header: words.questionnaire, width: 3.9 },
        { header: labels.channels, width: 2.3 },
        { header: labels.mean, width: 1, align: 'right' },
        { header: labels.n, width: 0.8, align: 'right' },
      ],
      model.campaigns.map((campaign) => [
        campaign.name,
        campaign.questionnaireTitle,
        campaign.channels.map((channel) => channelName(labels, channel)).join(', '),
        score(campaign.mean, language),
        formatInteger(campaign.n, language),
      ]),
      { fontSize: 7.5 },
    );
  }
}

// ——— The heatmap and the measures ———

function heatmap({ doc, model, labels, words, language }: Context): void {
  heading(doc, words.heatmapTitle, 300);
  doc
    .font(FONT.regular)
    .fontSize(8.5)
    .fillColor(PALETTE.muted)
    .text(words.heatmapCaption, PAGE.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.4);
  if (!model.measures.length || !model.channels.length) {
    paragraph(doc, labels.noData, { italic: true, color: PALETTE.muted });
    return;
  }
  const height = Math.min(560, 100 + 24 * model.measures.length + 40);
  chart(doc, renderChartSvg(heatmapChart(model, language, labels), { width: contentWidth(doc), height }), height);

  // The measures table starts where several of its rows fit, not as a lone row under the heatmap.
  subheading(doc, words.measuresTitle, 160);
  table(
    doc,
    [
      { header: words.measure, width: 3.2 },
      { header: labels.compliance, width: 1.6, align: 'right' },
      { header: words.consistencyIndex, width: 1.6, align: 'right' },
      { header: words.spread, width: 1.3, align: 'right' },
      { header: words.weakestChannel, width: 1.7 },
      { header: words.test, width: 2.3 },
    ],
    model.measures.map((measure) => [
      measureTitle(measure, labels),
      measure.kind === 'dimension' ? score(measure.overall.compliance, language) : percent(measure.overall.compliance, language),
      score(measure.consistency.index, language),
      score(measure.consistency.spread, language),
      measure.weakestChannel ? { text: channelName(labels, measure.weakestChannel), color: PALETTE.bad } : EMPTY,
      measure.test
        ? significanceCell(measure.test.significant, measure.test.pValue, labels, language)
        : { text: labels.notEnoughData, color: PALETTE.muted },
    ]),
    { fontSize: 8 },
  );
}

// ——— Priorities ———

function priorities({ doc, model, labels, words, language }: Context): void {
  heading(doc, words.prioritiesTitle);
  paragraph(doc, words.prioritiesCaption, { size: 8.5, color: PALETTE.muted });
  const items = model.priorities.slice(0, MAX_PRIORITIES);
  if (!items.length) {
    paragraph(doc, words.noPriorities, { italic: true, color: PALETTE.muted });
    return;
  }
  const titles = new Map(model.measures.map((measure) => [measure.key, measure]));
  items.forEach((priority, index) => {
    const measure = titles.get(priority.measureKey);
    const value = measure?.channels.find((row) => row.channel === priority.channel)?.compliance;
    const title = `${measure ? measureTitle(measure, labels) : priority.measureKey} — ${channelName(labels, priority.channel)}`;
    const detail = `${labels.compliance}: ${score(value, language)} · ${words.gap}: ${score(priority.gap, language)} ${labels.points} · ${words.share}: ${percent(priority.share, language)} · ${words.impact}: ${formatDecimal(priority.impact, language, 2)}`;
    numberedItem(doc, index + 1, title, detail, priority.advice ?? null);
  });
}

function numberedItem(doc: Doc, number: number, title: string, detail: string, note: string | null): void {
  const left = PAGE.margins.left;
  const width = contentWidth(doc) - 26;
  doc.font(FONT.bold).fontSize(10);
  const needed = doc.heightOfString(title, { width }) + 14 + (note ? doc.heightOfString(note, { width }) + 4 : 0);
  ensureSpace(doc, needed + 6);
  const y = doc.y;
  doc
    .save()
    .circle(left + 8, y + 6, 8)
    .fill(PALETTE.bad)
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

// ——— Action plan ———

function targetText(action: Pick<ActionResult, 'channels' | 'touchpointIds'>, labels: ReportLabels, words: ProgramLabels): string {
  const parts: string[] = [];
  parts.push(action.channels.length ? action.channels.map((channel) => channelName(labels, channel)).join(', ') : words.allChannels);
  if (action.touchpointIds.length) parts.push(words.touchpoints(action.touchpointIds.length));
  return parts.join(' · ');
}

function actions({ doc, model, labels, words, language }: Context): void {
  heading(doc, words.actionsTitle);
  paragraph(doc, words.actionsCaption, { size: 8.5, color: PALETTE.muted });
  if (!model.actions.length) paragraph(doc, words.noActions, { italic: true, color: PALETTE.muted });
  else {
    table(
      doc,
      [
        { header: words.measure, width: 2.8 },
        { header: words.target, width: 1.5 },
        { header: words.owner, width: 1.4 },
        { header: words.state, width: 1 },
        { header: words.before, width: 1, align: 'right' },
        { header: words.after, width: 1, align: 'right' },
        { header: labels.change, width: 1.1, align: 'right' },
        { header: labels.significance, width: 1.6 },
      ],
      model.actions.map((action) => [
        action.measureTitle,
        targetText(action, labels, words),
        action.owner,
        words.states[action.state],
        `${score(action.before, language)}\nn = ${formatInteger(action.nBefore, language)}`,
        `${score(action.after, language)}\nn = ${formatInteger(action.nAfter, language)}`,
        {
          text: formatChange(action.change, language),
          bold: true,
          color: action.significant ? ((action.change ?? 0) >= 0 ? PALETTE.good : PALETTE.bad) : PALETTE.text,
        },
        significanceCell(action.significant, action.pValue, labels, language),
      ]),
      { fontSize: 8 },
    );
  }
  if (model.plannedActions.length) {
    subheading(doc, words.plannedTitle);
    table(
      doc,
      [
        { header: words.measure, width: 3 },
        { header: words.target, width: 2.2 },
        { header: words.owner, width: 2 },
        { header: words.dueOn, width: 1.3 },
        { header: words.state, width: 1.2 },
      ],
      model.plannedActions.map((action) => [
        action.measureTitle,
        targetText(action, labels, words),
        action.owner,
        formatLongDate(action.dueOn, language),
        words.states[action.state],
      ]),
      { fontSize: 8 },
    );
  }
}

// ——— One page per channel ———

function channelPages({ doc, model, labels, words, language }: Context): void {
  model.channels.forEach((channel, index) => {
    // The first channel opens a page; the others follow on when a whole channel still fits.
    if (index === 0) doc.addPage();
    const name = channelName(labels, channel.channel);
    heading(doc, words.channelPage(name), 300);
    const rank = model.ranking.find((row) => row.channel === channel.channel);
    const fcr = model.fcr.find((row) => row.channel === channel.channel);
    const change = model.trend?.channels.find((row) => row.channel === channel.channel);
    tiles(doc, [
      {
        label: labels.mean,
        value: score(channel.mean, language),
        note: `n = ${formatInteger(channel.n, language)}${channel.ci95 ? ` · ${labels.ci95}: ${score(channel.ci95[0], language)} – ${score(channel.ci95[1], language)}` : ''}`,
      },
      {
        label: words.rank,
        value: rank ? `${rank.rank} / ${model.ranking.length}` : EMPTY,
        note: `${words.share}: ${percent(channel.share, language)}`,
      },
      change
        ? {
            label: labels.vsPreviousWave,
            value: formatChange(change.change, language),
            note: change.significant === null ? labels.notEnoughData : change.significant ? labels.significant : labels.notSignificant,
            noteColor: change.significant ? ((change.change ?? 0) >= 0 ? PALETTE.good : PALETTE.bad) : PALETTE.muted,
          }
        : { label: labels.vsPreviousWave, value: EMPTY, note: labels.noPreviousWave },
    ]);

    const timing = model.timing.find((row) => row.channel === channel.channel);
    subheading(doc, labels.timingAndFcr);
    table(
      doc,
      [
        { header: labels.metric, width: 2.4 },
        { header: labels.median, width: 1.4, align: 'right' },
        { header: 'P90', width: 1.4, align: 'right' },
        { header: labels.sla, width: 1.4, align: 'right' },
        { header: labels.slaCompliance, width: 1.6, align: 'right' },
        { header: labels.n, width: 0.8, align: 'right' },
      ],
      [
        [
          timing?.metric === 'response_time' ? labels.responseTime : labels.waitTime,
          formatDuration(timing?.median),
          formatDuration(timing?.p90),
          timing?.slaSeconds !== undefined ? formatDuration(timing.slaSeconds) : EMPTY,
          percent(timing?.slaCompliance, language),
          formatInteger(timing?.n ?? 0, language),
        ],
        [labels.fcrRate, percent(fcr?.rate, language), EMPTY, EMPTY, EMPTY, formatInteger(fcr?.n ?? 0, language)],
      ],
    );

    subheading(doc, words.measuresTitle);
    const rows = model.measures
      .map((measure) => {
        const value = measure.channels.find((row) => row.channel === channel.channel);
        const measured = measure.channels.filter((row) => row.compliance !== null);
        const best = measured.length
          ? measured.reduce((top, row) => ((row.compliance as number) > (top.compliance as number) ? row : top))
          : null;
        return { measure, value, best };
      })
      .filter((row) => row.value !== undefined);
    table(
      doc,
      [
        { header: words.measure, width: 3.6 },
        { header: words.value, width: 1.1, align: 'right' },
        { header: labels.n, width: 0.8, align: 'right' },
        { header: words.best, width: 2 },
        { header: words.gapToBest, width: 1.3, align: 'right' },
      ],
      rows.map(({ measure, value, best }) => {
        const gap =
          best && value?.compliance !== null && value?.compliance !== undefined ? (best.compliance as number) - value.compliance : null;
        return [
          measureTitle(measure, labels),
          { text: score(value?.compliance, language), bold: true },
          formatInteger(value?.n ?? 0, language),
          best && best.channel !== channel.channel ? `${channelName(labels, best.channel)} (${score(best.compliance, language)})` : EMPTY,
          gap !== null && gap > 0 ? { text: `-${score(gap, language)}`, color: PALETTE.bad } : EMPTY,
        ];
      }),
      { fontSize: 8 },
    );
  });
}

function method({ doc, words }: Context): void {
  heading(doc, words.methodTitle, 80);
  for (const text of words.method) paragraph(doc, text, { size: 8.5 });
}

function footers({ doc, model, labels, words }: Context): void {
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
    doc.text(`${words.reportTitle} · ${model.program.name} · ${model.wave.name}`, left, y, {
      width: width * 0.7,
      lineBreak: false,
      ellipsis: true,
      height: 10,
    });
    doc.text(labels.page(index - range.start + 1, range.count), left + width * 0.7, y, {
      width: width * 0.3,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottomMargin;
  }
}
