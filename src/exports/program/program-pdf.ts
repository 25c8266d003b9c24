// The omnichannel report (PDF) of a program wave, drawn from the program model alone, so it says
// exactly what GET /programs/:id/waves/:waveId/kpis says. In the campaign report's style: its layout,
// theme, fonts and chart renderer. No shopper data, no internal ids.
import type { ActionResult, ProgramModel } from '../../programs/program-model';
import { EMPTY, formatChange, formatDecimal, formatDuration, formatInteger, formatLongDate, formatPercent, formatPValue } from '../format';
import { channelName, labelsFor, ReportLabels, ReportLanguage } from '../i18n';
import { channelScoresChart, heatmapChart, renderChartSvg } from '../pdf/charts';
import {
  contentWidth,
  coverBand,
  coverDetails,
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
} from '../pdf/layout';
import { FONT, PAGE, PALETTE } from '../pdf/theme';
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
  const info = {
    lang: labels.locale,
    title: `${words.reportTitle} — ${model.program.name} — ${model.wave.name}`,
    subject: `${words.reportTitle} — ${model.program.clientName}`,
    keywords: `${words.reportTitle}, ${model.program.clientName}`,
  };
  return renderDocument(info, (doc) => {
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
    pageFooters(doc, `${words.reportTitle} · ${model.program.name} · ${model.wave.name}`, labels.page);
  });
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
  coverBand(doc, {
    kicker: words.reportTitle,
    title: model.program.name,
    subtitle: `${model.program.clientName} · ${model.wave.name}`,
    note: words.reportSubtitle,
  });
  const rows: Array<[string, string]> = [
    [labels.client, model.program.clientName],
    [words.program, model.program.name],
    [words.wave, model.wave.name],
    [words.previousWave, model.wave.previousWaveName ?? EMPTY],
    [words.campaigns, formatInteger(model.campaigns.length, language)],
    [words.channelsCovered, model.channels.map((channel) => channelName(labels, channel.channel)).join(', ') || EMPTY],
    [labels.visits, formatInteger(model.n, language)],
    [labels.generatedOn, formatLongDate(model.generatedAt, language)],
  ];
  coverDetails(
    doc,
    {
      rows,
      filters: { label: labels.filtersApplied, parts: describeFilters(model, labels, language) },
      unapprovedWarning: model.filters.includeUnapproved ? labels.includesUnapproved : null,
      confidential: `${labels.confidential} — ${model.program.clientName}`,
    },
    { top: 44, rowGap: 10 },
  );
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
    placeChart(doc, renderChartSvg(channelScoresChart(model, language, labels), { width: contentWidth(doc), height }), height);
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
  placeChart(doc, renderChartSvg(heatmapChart(model, language, labels), { width: contentWidth(doc), height }), height);

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
    numberedItem(doc, index + 1, title, detail, PALETTE.bad, priority.advice ?? null);
  });
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
