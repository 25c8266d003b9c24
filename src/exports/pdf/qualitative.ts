// The report's qualitative pages (docs/kpis.md "Qualitative analysis"): one table of the questionnaire's
// themes — how many visits mention each, the tone of what is said as a bar, the trend against the
// previous wave as an arrow, the score of visits that criticise it — then the verbatims that say it best,
// the most frequent terms and the verbatims of failed questions. The comments one by one are in the
// Excel workbook, not here. Texts arrive masked from the KPI model; visit ids are never printed.
import type { KpiModel } from '../../kpis/kpi-model';
import { formatChange, formatDecimal, formatPercent } from '../format';
import type { ReportLabels, ReportLanguage } from '../i18n';
import { polarityOf } from '../../kpis/domain/sentiment';
import { stemsOf } from '../../kpis/domain/themes';
import { bottomLimit, contentWidth, ensureSpace, heading, paragraph, subheading, table } from './layout';
import { FONT, PALETTE } from './theme';

type Doc = PDFKit.PDFDocument;
type Theme = KpiModel['comments']['themes'][number];
type Polarity = Theme['verbatims'][number]['polarity'];

/** Failed questions quoted, the most costly first, one verbatim each cut to a few lines: the rest is in the Excel workbook. */
const QUOTED_FAILED_QUESTIONS = 5;
const FAILED_VERBATIM_CHARS = 260;
/** Themes whose verbatims are quoted: the most mentioned ones. */
const QUOTED_THEMES = 6;
const FONT_SIZE = 8.5;
const PADDING = 5;
const BAR_HEIGHT = 9;

const polarityColor = (polarity: Polarity) =>
  polarity === 'positive' ? PALETTE.good : polarity === 'negative' ? PALETTE.bad : PALETTE.secondary;

/** Most mentioned first; ties in the questionnaire's order (the model's). */
export function themesByShare(themes: readonly Theme[]): Theme[] {
  return themes
    .map((theme, index) => ({ theme, index }))
    .sort((a, b) => b.theme.share - a.theme.share || a.index - b.index)
    .map(({ theme }) => theme);
}

/**
 * The trend arrow of a theme and its colour: up or down with the change in points, starred when
 * significant. A significant rise of a theme mostly criticised (or fall of one mostly praised) is bad
 * news, the other way round good news; a change that is not significant stays grey.
 */
export function themeTrend(theme: Theme, labels: ReportLabels, language: ReportLanguage): { text: string; color: string } | null {
  if (theme.change === undefined) return null;
  const arrow = theme.change > 0.05 ? '▲' : theme.change < -0.05 ? '▼' : '▬';
  const text = `${arrow} ${formatChange(theme.change, language)} ${labels.pointsAbbr}${theme.significant ? ' *' : ''}`;
  if (!theme.significant || arrow === '▬') return { text, color: PALETTE.muted };
  const mostlyCriticised = theme.negative > theme.positive;
  const bad = (arrow === '▲') === mostlyCriticised;
  return { text, color: bad ? PALETTE.bad : PALETTE.good };
}

export function qualitativeAnalysis(doc: Doc, model: KpiModel, labels: ReportLabels, language: ReportLanguage): void {
  // Its own page: the page a quality manager turns to for what customers keep saying.
  if (doc.y > doc.page.margins.top + 1) doc.addPage();
  heading(doc, labels.qualitative, 200);
  const { themes, topTerms, failedQuestionVerbatims, bySection, analysedVisits } = model.comments;
  const anyText = bySection.some((section) => section.items.length) || themes.some((theme) => theme.mentions > 0);
  if (!anyText && !topTerms.length) {
    paragraph(doc, labels.noComments, { italic: true, color: PALETTE.muted });
    return;
  }
  if (themes.length) {
    paragraph(doc, labels.qualitativeIntro(analysedVisits, Math.max(model.n, analysedVisits)), { size: 9, color: PALETTE.muted });
    themesTable(doc, themesByShare(themes), analysedVisits, labels, language);
    paragraph(doc, labels.scoreLinkNote, { size: 7.5, color: PALETTE.muted });
    themeVerbatims(
      doc,
      themesByShare(themes)
        .filter((theme) => theme.verbatims.length)
        .slice(0, QUOTED_THEMES),
      labels,
    );
  } else {
    paragraph(doc, labels.noThemes, { italic: true, color: PALETTE.muted });
    quotes(doc, labels.themeVerbatims, voicesByTone(model.comments.bySection));
  }
  if (topTerms.length) {
    subheading(doc, labels.topTerms, 50);
    paragraph(doc, topTerms.map((term) => `${term.term} (${term.count})`).join(' · '));
  }
  // The failed questions that cost the most points first (the recommendations' order), one voice each.
  const impactOrder = new Map(model.recommendations.map((item, index) => [item.questionKey, index]));
  const withVerbatims = failedQuestionVerbatims
    .filter((question) => question.items.length)
    .map((question, index) => ({ question, index }))
    .sort(
      (a, b) =>
        (impactOrder.get(a.question.questionKey) ?? Infinity) - (impactOrder.get(b.question.questionKey) ?? Infinity) || a.index - b.index,
    )
    .slice(0, QUOTED_FAILED_QUESTIONS)
    .map(({ question }) => question);
  if (withVerbatims.length) {
    subheading(doc, labels.failedQuestionVerbatims);
    const questionTexts = new Map(model.questions.map((question) => [question.key, question.text]));
    table(
      doc,
      [
        { header: labels.question, width: 3.3 },
        { header: labels.comment, width: 6 },
      ],
      withVerbatims.map((question) => {
        const questionText = questionTexts.get(question.questionKey) ?? question.questionKey;
        return [
          { text: questionText, bold: true },
          `“${relevantExcerpt(
            question.items.map((item) => item.text),
            questionText,
            model.campaign.language,
          )}”`,
        ];
      }),
      { maxCellChars: FAILED_VERBATIM_CHARS },
    );
  }
  paragraph(doc, labels.allCommentsInExcel, { size: 8.5, italic: true, color: PALETTE.muted });
}

const SENTENCE_END = /(?<=[.!?;])\s+/u;
const MAX_EXCERPT_SENTENCES = 2;

/**
 * What a failed question's verbatims say about it: a verbatim is often the visit's whole narrative, so
 * the PDF quotes its sentences that share the most words (stems) with the question (a critical one
 * counting half a word more), at most two, in their order; the verbatim whose best sentences share most wins (ties: the first). When no sentence
 * shares a word, the first verbatim's beginning (the table cuts it).
 */
export function relevantExcerpt(verbatims: readonly string[], questionText: string, language: string): string {
  const questionStems = new Set(stemsOf(questionText, language));
  let best: { text: string; overlap: number } | null = null;
  for (const verbatim of verbatims) {
    const sentences = verbatim
      .split(SENTENCE_END)
      .map((text, index) => ({
        text,
        index,
        overlap: new Set(stemsOf(text, language).filter((stem) => questionStems.has(stem))).size,
      }))
      // The question failed: a critical sentence says more about it than a kind one.
      .map((sentence) => ({
        ...sentence,
        overlap: sentence.overlap > 0 && polarityOf(sentence.text, language) === 'negative' ? sentence.overlap + 0.5 : sentence.overlap,
      }));
    const chosen = sentences
      .filter((sentence) => sentence.overlap > 0)
      .sort((a, b) => b.overlap - a.overlap || a.index - b.index)
      .slice(0, MAX_EXCERPT_SENTENCES)
      .sort((a, b) => a.index - b.index);
    const overlap = chosen.reduce((sum, sentence) => sum + sentence.overlap, 0);
    if (chosen.length && (best === null || overlap > best.overlap))
      best = { text: chosen.map((sentence) => sentence.text).join(' … '), overlap };
  }
  return best?.text ?? verbatims[0] ?? '';
}

/** The themes table: drawn by hand, since its tone column is a bar rather than text. */
function themesTable(doc: Doc, themes: Theme[], analysedVisits: number, labels: ReportLabels, language: ReportLanguage): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const weights = [2.6, 1.6, 2.6, 1.9, 1.7];
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const widths = weights.map((weight) => (weight / total) * width);
  const xs = widths.map((_, index) => left + widths.slice(0, index).reduce((sum, w) => sum + w, 0));
  const headers = [labels.theme, labels.mentions, labels.tone, labels.trend, labels.scoreLink];

  const drawHeader = () => {
    doc.font(FONT.bold).fontSize(7.5);
    const height =
      Math.max(...headers.map((text, index) => doc.heightOfString(text, { width: widths[index] - 2 * PADDING }))) + 2 * PADDING;
    const y = doc.y;
    doc.save().rect(left, y, width, height).fill(PALETTE.primary).restore();
    headers.forEach((text, index) =>
      doc
        .font(FONT.bold)
        .fontSize(7.5)
        .fillColor(PALETTE.white)
        .text(text, xs[index] + PADDING, y + PADDING, { width: widths[index] - 2 * PADDING, align: index === 0 ? 'left' : 'center' }),
    );
    doc.y = y + height;
  };

  ensureSpace(doc, 90);
  drawHeader();
  themes.forEach((theme, rowIndex) => {
    doc.font(FONT.bold).fontSize(FONT_SIZE);
    const height = Math.max(22, doc.heightOfString(theme.label, { width: widths[0] - 2 * PADDING }) + 2 * PADDING);
    if (doc.y + height > bottomLimit(doc)) {
      doc.addPage();
      drawHeader();
    }
    const y = doc.y;
    if (rowIndex % 2 === 1) doc.save().rect(left, y, width, height).fill(PALETTE.zebra).restore();
    const middle = y + height / 2 - FONT_SIZE / 2 - 1;

    doc
      .font(FONT.bold)
      .fontSize(FONT_SIZE)
      .fillColor(PALETTE.text)
      .text(theme.label, xs[0] + PADDING, y + PADDING, { width: widths[0] - 2 * PADDING });
    const visits = Math.round((theme.share * analysedVisits) / 100);
    doc
      .font(FONT.regular)
      .fontSize(FONT_SIZE)
      .fillColor(theme.mentions ? PALETTE.text : PALETTE.muted)
      .text(labels.mentionedBy(formatPercent(theme.share, language, 0), visits), xs[1] + PADDING, middle, {
        width: widths[1] - 2 * PADDING,
        align: 'center',
      });

    toneBar(doc, xs[2] + PADDING, y + (height - BAR_HEIGHT) / 2, widths[2] - 2 * PADDING, theme, visits);

    const trend = themeTrend(theme, labels, language);
    doc
      .font(trend && trend.color !== PALETTE.muted ? FONT.bold : FONT.regular)
      .fontSize(FONT_SIZE)
      .fillColor(trend?.color ?? PALETTE.muted)
      .text(trend?.text ?? '—', xs[3] + PADDING, middle, { width: widths[3] - 2 * PADDING, align: 'center' });

    const scores =
      theme.meanScoreNegative !== undefined && theme.meanScoreOther !== undefined
        ? `${formatDecimal(theme.meanScoreNegative, language)} / ${formatDecimal(theme.meanScoreOther, language)}`
        : '—';
    const gap =
      theme.meanScoreNegative !== undefined && theme.meanScoreOther !== undefined ? theme.meanScoreOther - theme.meanScoreNegative : 0;
    doc
      .font(gap >= 10 ? FONT.bold : FONT.regular)
      .fontSize(FONT_SIZE)
      .fillColor(gap >= 10 ? PALETTE.bad : scores === '—' ? PALETTE.muted : PALETTE.text)
      .text(scores, xs[4] + PADDING, middle, { width: widths[4] - 2 * PADDING, align: 'center' });

    doc
      .save()
      .moveTo(left, y + height)
      .lineTo(left + width, y + height)
      .lineWidth(0.4)
      .strokeColor(PALETTE.rule)
      .stroke()
      .restore();
    doc.y = y + height;
  });
  doc.x = left;
  doc.moveDown(0.6);
}

/** The tone of the visits that mention a theme: positive, neutral and negative as one bar split in proportion. */
function toneBar(doc: Doc, x: number, y: number, width: number, theme: Theme, visits: number): void {
  if (visits === 0) {
    doc.save().rect(x, y, width, BAR_HEIGHT).lineWidth(0.5).strokeColor(PALETTE.grid).stroke().restore();
    return;
  }
  const neutral = Math.max(0, visits - theme.positive - theme.negative);
  const parts: Array<[number, string]> = [
    [theme.positive, PALETTE.good],
    [neutral, PALETTE.secondary],
    [theme.negative, PALETTE.bad],
  ];
  let cursor = x;
  for (const [count, color] of parts) {
    if (count === 0) continue;
    const partWidth = (count / visits) * width;
    doc.save().rect(cursor, y, partWidth, BAR_HEIGHT).fill(color).restore();
    if (partWidth >= 14) {
      doc
        .font(FONT.bold)
        .fontSize(6.5)
        .fillColor(PALETTE.white)
        .text(String(count), cursor, y + 1.5, { width: partWidth, align: 'center', lineBreak: false });
    }
    cursor += partWidth;
  }
}

const NEGATIVE_VOICES = 4;
const POSITIVE_VOICES = 3;

/**
 * Without themes, the voices of the comments by their tone: the newest negative ones (what to fix),
 * then the newest positive ones, each text once and cut to a few lines.
 */
export function voicesByTone(bySection: KpiModel['comments']['bySection']): Array<{ text: string; polarity: Polarity }> {
  const seen = new Set<string>();
  const items = bySection.flatMap((section) => section.items).filter((item) => !seen.has(item.text) && seen.add(item.text));
  const clipped = (text: string) =>
    Array.from(text).length > FAILED_VERBATIM_CHARS
      ? `${Array.from(text)
          .slice(0, FAILED_VERBATIM_CHARS - 1)
          .join('')
          .trimEnd()}…`
      : text;
  return [
    ...items.filter((item) => item.polarity === 'negative').slice(0, NEGATIVE_VOICES),
    ...items.filter((item) => item.polarity === 'positive').slice(0, POSITIVE_VOICES),
  ].map((item) => ({ text: clipped(item.text), polarity: item.polarity }));
}

function quotes(doc: Doc, title: string, items: Array<{ text: string; polarity: Polarity }>): void {
  if (!items.length) return;
  subheading(doc, title, 60);
  const left = doc.page.margins.left;
  for (const item of items) quote(doc, item.text, item.polarity);
  doc.x = left;
  doc.moveDown(0.4);
}

/** One quote in italics, marked on its left with the colour of its tone. */
function quote(doc: Doc, body: string, polarity: Polarity): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const text = `“${body}”`;
  doc.font(FONT.italic).fontSize(8.5);
  const height = doc.heightOfString(text, { width: width - 16 });
  ensureSpace(doc, height + 4);
  const y = doc.y;
  doc
    .save()
    .rect(left + 2, y + 2, 3, Math.max(8, height - 3))
    .fill(polarityColor(polarity))
    .restore();
  doc
    .font(FONT.italic)
    .fontSize(8.5)
    .fillColor(PALETTE.text)
    .text(text, left + 12, y, { width: width - 16 });
  doc.y += 3;
}

/** Per quoted theme, its two or three most typical verbatims, each marked with the colour of its tone. */
function themeVerbatims(doc: Doc, themes: Theme[], labels: ReportLabels): void {
  if (!themes.length) return;
  subheading(doc, labels.themeVerbatims, 80);
  const left = doc.page.margins.left;
  for (const theme of themes) {
    doc.font(FONT.bold).fontSize(9);
    ensureSpace(doc, 40);
    doc.fillColor(PALETTE.primary).text(theme.label, left, doc.y, { width: contentWidth(doc) });
    doc.moveDown(0.2);
    for (const verbatim of theme.verbatims) quote(doc, verbatim.text, verbatim.polarity);
    doc.moveDown(0.4);
  }
  doc.x = left;
}
