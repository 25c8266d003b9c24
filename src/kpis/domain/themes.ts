// The themes of the qualitative analysis (docs/kpis.md "Qualitative analysis"): which of the
// questionnaire's themes a comment mentions, and per theme how often, how well or badly spoken of, its
// link to the score and the verbatims that say it best. Terms and texts are cut and stemmed the same
// way as the frequent terms (stemOf), so "esperé", "esperando" and "espera" all mention a theme whose
// term is "esperar", and a term of several words ("datos de otro cliente") matches those stems in a row.
// Matching keeps every word: the stop-word lists are long ("saber", "claro" and "tiempo" are in the
// Spanish one) and a term is chosen on purpose; the typicality of a verbatim leaves stop words out.
// The program model's two-proportion z-test, reused rather than written twice.
import { twoProportionTest } from '../../programs/domain/program-statistics';
import type { ThemeDefinition } from '../../questionnaires/domain/definition';
import { polarityOf, type Polarity } from './sentiment';
import { stemmerOf, tokenize, words } from './text-analysis';

/** A theme with its terms as sequences of stems. */
export interface CompiledTheme {
  key: string;
  label: string;
  terms: string[][];
}

/** One text of a visit: a text answer or the narrative. */
export interface VisitText {
  visitId: string;
  /** The visit's score (0..100), null when nothing counted. */
  score: number | null;
  text: string;
}

export interface ThemeVerbatim {
  visitId: string;
  text: string;
  polarity: Polarity;
}

export interface ThemeSummary {
  key: string;
  label: string;
  /** Texts that mention the theme. */
  mentions: number;
  /** % of the analysed visits with at least one mention. */
  share: number;
  /** Visits whose mentions of the theme are, on balance, positive / negative. */
  positive: number;
  negative: number;
  /** share − previous wave's share, in points; with the two-proportion test's p-value. */
  change?: number;
  pValue?: number;
  significant?: boolean;
  /** Mean score of the visits that speak badly of the theme, and of all the other analysed visits. */
  meanScoreNegative?: number;
  meanScoreOther?: number;
  verbatims: ThemeVerbatim[];
}

/** Per theme, the visits that mention it and how many visits were analysed: what a wave comparison needs. */
export interface ThemeShares {
  visits: number;
  mentioning: Map<string, number>;
}

export const VERBATIMS_PER_THEME = 3;

const SENTENCE_SPLIT = /(?<=[.!?\n])\s+/u;

/** The themes' terms as stem sequences; a term with no word (only punctuation) never matches and is dropped. */
export function compileThemes(themes: readonly ThemeDefinition[], language: string): CompiledTheme[] {
  return themes.map((theme) => ({
    key: theme.key,
    label: theme.label,
    terms: theme.terms.map((term) => allStemsOf(term, language)).filter((stems) => stems.length > 0),
  }));
}

/** The stems of every word of a text, in order: what terms are matched against. */
export function allStemsOf(text: string, language: string): string[] {
  return words(text).map(stemmerOf(language));
}

/** The stems of a text's meaningful words (stop words, short words and numbers left out). */
export function stemsOf(text: string, language: string): string[] {
  return tokenize(text, language).map(stemmerOf(language));
}

/** The keys of the themes a text mentions, in the themes' order. */
export function themesOf(text: string, themes: readonly CompiledTheme[], language: string): string[] {
  const stems = allStemsOf(text, language);
  return themes.filter((theme) => mentionsTheme(stems, theme)).map((theme) => theme.key);
}

function mentionsTheme(stems: readonly string[], theme: CompiledTheme): boolean {
  return theme.terms.some((term) => containsRun(stems, term));
}

function containsRun(stems: readonly string[], term: readonly string[]): boolean {
  for (let start = 0; start + term.length <= stems.length; start += 1) {
    if (term.every((stem, offset) => stems[start + offset] === stem)) return true;
  }
  return false;
}

/** The sentences of a text that mention the theme: the words a verbatim quotes and whose polarity counts. */
export function mentioningSentences(text: string, theme: CompiledTheme, language: string): string {
  return sentencesOf(text, language)
    .filter((sentence) => mentionsTheme(sentence.stems, theme))
    .map((sentence) => sentence.text)
    .join(' … ');
}

interface Sentence {
  text: string;
  /** Every word's stem, for matching terms. */
  stems: string[];
}

function sentencesOf(text: string, language: string): Sentence[] {
  return text
    .split(SENTENCE_SPLIT)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '')
    .map((sentence) => ({ text: sentence, stems: allStemsOf(sentence, language) }));
}

interface Mention {
  visitId: string;
  score: number | null;
  excerpt: string;
  polarity: Polarity;
  stems: Set<string>;
}

/**
 * The themes over the analysed texts. Counts: `mentions` counts texts, `share` / `positive` / `negative`
 * count visits (a visit that mentions a theme twice counts once; its polarity on the theme is the sign of
 * the sum of its mentions' polarities). Verbatims: the most typical mentions, i.e. those whose words
 * other mentions of the theme share most (mean, over the excerpt's distinct stems other than the theme's
 * own terms, of how many other mentions contain that stem), ties by shorter text then visit id, so the
 * same data always gives the same quotes; two of the dominant tone and one of the other (typicalVerbatims). `previous` (the previous wave's shares) adds the change and its test.
 */
export function summarizeThemes(
  texts: readonly VisitText[],
  themes: readonly CompiledTheme[],
  language: string,
  previous?: ThemeShares,
): ThemeSummary[] {
  const visitScores = new Map<string, number | null>();
  for (const { visitId, score } of texts) visitScores.set(visitId, score);
  const visits = visitScores.size;

  // Each text is cut into sentences and stemmed once; an excerpt's polarity and words are worked out
  // once however many themes it serves (comments repeat their sentences).
  const split = texts.map((text) => sentencesOf(text.text, language));
  const excerpts = new Map<string, { polarity: Polarity; stems: Set<string> }>();
  const excerptOf = (text: string) => {
    let known = excerpts.get(text);
    if (known === undefined) {
      known = { polarity: polarityOf(text, language), stems: new Set(stemsOf(text, language)) };
      excerpts.set(text, known);
    }
    return known;
  };

  return themes.map((theme) => {
    const mentions: Mention[] = [];
    for (const [index, { visitId, score }] of texts.entries()) {
      const mentioning = split[index].filter((sentence) => mentionsTheme(sentence.stems, theme));
      if (mentioning.length === 0) continue;
      const excerpt = mentioning.map((sentence) => sentence.text).join(' … ');
      mentions.push({ visitId, score, excerpt, ...excerptOf(excerpt) });
    }
    const balanceByVisit = new Map<string, number>();
    for (const mention of mentions) {
      const sign = mention.polarity === 'positive' ? 1 : mention.polarity === 'negative' ? -1 : 0;
      balanceByVisit.set(mention.visitId, (balanceByVisit.get(mention.visitId) ?? 0) + sign);
    }
    const negativeVisits = new Set([...balanceByVisit].filter(([, balance]) => balance < 0).map(([visitId]) => visitId));
    const positive = [...balanceByVisit.values()].filter((balance) => balance > 0).length;

    const summary: ThemeSummary = {
      key: theme.key,
      label: theme.label,
      mentions: mentions.length,
      share: visits > 0 ? (100 * balanceByVisit.size) / visits : 0,
      positive,
      negative: negativeVisits.size,
      verbatims: typicalVerbatims(mentions, new Set(theme.terms.flat()), positive > negativeVisits.size ? 'positive' : 'negative'),
    };
    const negativeScores = meanOf([...visitScores].filter(([id]) => negativeVisits.has(id)).map(([, score]) => score));
    const otherScores = meanOf([...visitScores].filter(([id]) => !negativeVisits.has(id)).map(([, score]) => score));
    if (negativeScores !== null) summary.meanScoreNegative = negativeScores;
    if (otherScores !== null && negativeScores !== null) summary.meanScoreOther = otherScores;

    if (previous !== undefined && previous.visits > 0 && visits > 0) {
      const before = { passed: previous.mentioning.get(theme.key) ?? 0, n: previous.visits };
      const after = { passed: balanceByVisit.size, n: visits };
      const test = twoProportionTest(before, after);
      summary.change = summary.share - (100 * before.passed) / before.n;
      if (test !== null) {
        summary.pValue = test.pValue;
        summary.significant = test.significant;
      }
    }
    return summary;
  });
}

/** Per theme, how many of the visits mention it: the previous wave's side of the comparison. */
export function themeShares(texts: readonly VisitText[], themes: readonly CompiledTheme[], language: string): ThemeShares {
  const visitsByTheme = new Map<string, Set<string>>(themes.map((theme) => [theme.key, new Set<string>()]));
  for (const { visitId, text } of texts) {
    for (const key of themesOf(text, themes, language)) visitsByTheme.get(key)?.add(visitId);
  }
  return {
    visits: new Set(texts.map((text) => text.visitId)).size,
    mentioning: new Map([...visitsByTheme].map(([key, ids]) => [key, ids.size])),
  };
}

/**
 * Two or three verbatims: two of the theme's dominant tone (negative unless more visits speak well of
 * it than badly: problems matter more), then one of the other tone when there is one, so the page
 * shows what most say and that not everyone says it; then the rest in the same order of preference.
 * Within a tone, the most typical first. One per visit, and never the same words twice (a quote whose
 * meaningful stems are those of one already chosen, e.g. the same sentence with another number).
 */
function typicalVerbatims(mentions: readonly Mention[], termStems: ReadonlySet<string>, dominant: Polarity): ThemeVerbatim[] {
  // The theme's own terms are in every mention by definition: typical is what else a mention shares.
  const otherStems = (mention: Mention) => [...mention.stems].filter((stem) => !termStems.has(stem));
  const stemFrequency = new Map<string, number>();
  for (const mention of mentions) for (const stem of otherStems(mention)) stemFrequency.set(stem, (stemFrequency.get(stem) ?? 0) + 1);
  const typicality = (mention: Mention) => {
    const stems = otherStems(mention);
    return stems.length === 0 ? 0 : stems.reduce((sum, stem) => sum + (stemFrequency.get(stem) ?? 1) - 1, 0) / stems.length;
  };
  const ranked = mentions
    .map((mention) => ({ mention, typicality: typicality(mention) }))
    .sort(
      (a, b) =>
        b.typicality - a.typicality ||
        a.mention.excerpt.length - b.mention.excerpt.length ||
        (a.mention.visitId < b.mention.visitId ? -1 : a.mention.visitId > b.mention.visitId ? 1 : 0) ||
        (a.mention.excerpt < b.mention.excerpt ? -1 : a.mention.excerpt > b.mention.excerpt ? 1 : 0),
    )
    .map(({ mention }) => mention);
  const opposite: Polarity = dominant === 'negative' ? 'positive' : 'negative';
  const ofTone = (polarity: Polarity) => ranked.filter((mention) => mention.polarity === polarity);
  const chosen: Mention[] = [];
  const take = (candidates: Mention[], limit: number) => {
    for (const mention of candidates) {
      if (chosen.length >= limit) return;
      const words = [...mention.stems].sort().join(' ');
      const repeated = chosen.some((other) => other.visitId === mention.visitId || [...other.stems].sort().join(' ') === words);
      if (!repeated) chosen.push(mention);
    }
  };
  take(ofTone(dominant), 2);
  take(ofTone(opposite), chosen.length + 1);
  take([...ofTone(dominant), ...ofTone('neutral'), ...ofTone(opposite)], VERBATIMS_PER_THEME);
  return chosen.map((mention) => ({ visitId: mention.visitId, text: mention.excerpt, polarity: mention.polarity }));
}

function meanOf(scores: Array<number | null>): number | null {
  const known = scores.filter((score): score is number => score !== null);
  return known.length > 0 ? known.reduce((sum, score) => sum + score, 0) / known.length : null;
}
