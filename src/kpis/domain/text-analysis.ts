// The qualitative side of the report (DOMAIN.md §5): the most frequent terms of the comments, stop
// words of the questionnaire's language removed, and whether a comment comes from a visit or section
// that scored high or low.
import * as stopword from 'stopword';
import type { KpiModel } from '../kpi-model';

/** Questionnaire language (ISO 639-1, e.g. `es`, `es-MX`) → the `stopword` package's list. */
const STOP_WORD_LISTS: ReadonlyMap<string, stopword.LanguageCode> = new Map([
  ['es', 'spa'],
  ['en', 'eng'],
  ['pt', 'por'],
  ['fr', 'fra'],
  ['it', 'ita'],
  ['de', 'deu'],
  ['ca', 'cat'],
  ['nl', 'nld'],
]);
const FALLBACK_STOP_WORD_LIST: stopword.LanguageCode = 'eng';

export type TermCount = KpiModel['comments']['topTerms'][number];
export type Sentiment = KpiModel['comments']['bySection'][number]['items'][number]['sentiment'];

export const MIN_TERM_LENGTH = 3;
export const DEFAULT_TOP_TERMS = 20;
/** A comment is positive when the score around it reaches this (0..100). */
export const POSITIVE_SCORE_THRESHOLD = 70;

// Letters of any script (so á, ñ, ü stay inside words), combining marks and digits make words; digits
// stay so that "24h" survives while a bare "2025" is dropped as a pure number.
const WORD_SEPARATOR = /[^\p{L}\p{M}\p{N}]+/u;
const PURE_NUMBER = /^\p{N}+$/u;
const COMBINING_MARK = /\p{M}/gu;

const stopWordSets = new Map<stopword.LanguageCode, ReadonlySet<string>>();

/**
 * The stop words of a language, lower-cased, each also without its accents: comments are often typed
 * without them ("mas", "tambien"). Languages without a list fall back to English.
 */
export function stopWordsFor(language: string): string[] {
  return [...stopWordSetFor(language)];
}

/** Lower-cased words of at least three letters, without stop words and bare numbers. */
export function tokenize(text: string, language: string): string[] {
  const stopWords = stopWordSetFor(language);
  return text
    .normalize('NFC') // a decomposed "é" would otherwise be cut at its combining accent
    .toLowerCase()
    .split(WORD_SEPARATOR)
    .filter((token) => Array.from(token).length >= MIN_TERM_LENGTH)
    .filter((token) => !PURE_NUMBER.test(token) && !stopWords.has(token));
}

/**
 * The most frequent terms over all the texts (every occurrence counts); ties by term in code-unit
 * order, which unlike locale collation is the same on every server.
 */
export function topTerms(texts: string[], language: string, limit = DEFAULT_TOP_TERMS): TermCount[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const term of tokenize(text, language)) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return [...counts]
    .map(([term, count]) => ({ term, count }))
    .sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : 1)) // terms are unique: never equal
    .slice(0, limit);
}

/**
 * A comment's sentiment is the score around it: pass the score of its section, or of its visit when it
 * belongs to no section. Positive when that score is ≥ threshold. Without a score (everything not
 * applicable) it counts as negative: a comment we cannot show came from a good visit is one to read.
 */
export function sentimentFromScore(score: number | null, threshold = POSITIVE_SCORE_THRESHOLD): Sentiment {
  return score !== null && score >= threshold ? 'positive' : 'negative';
}

function stopWordSetFor(language: string): ReadonlySet<string> {
  const list = stopWordListFor(language);
  let stopWords = stopWordSets.get(list);
  if (stopWords === undefined) {
    const words = stopword[list].map((word) => word.normalize('NFC').toLowerCase());
    stopWords = new Set([...words, ...words.map(withoutAccents)]);
    stopWordSets.set(list, stopWords);
  }
  return stopWords;
}

function stopWordListFor(language: string): stopword.LanguageCode {
  const primaryLanguage = language.toLowerCase().split(/[-_]/)[0];
  return STOP_WORD_LISTS.get(primaryLanguage) ?? FALLBACK_STOP_WORD_LIST;
}

function withoutAccents(word: string): string {
  return word.normalize('NFD').replace(COMBINING_MARK, '').normalize('NFC');
}
