/// <reference path="./snowball-stemmers.d.ts" />
// The qualitative side of the report (docs/domain.md §5): the most frequent terms of the comments and
// whether a comment comes from a visit or section that scored high or low. Words are cut with the
// questionnaire language's stop words (stopwords-iso, several hundred a language) removed, and folded by
// their Snowball stem, so "saludo", "saludó" and "saludos" are one term. `tokenize` and `stemOf` are the
// pieces any other text feature (themes, search) should reuse.
import { newStemmer } from 'snowball-stemmers';
import stopwordsIso from 'stopwords-iso/stopwords-iso.json';
import type { KpiModel } from '../kpi-model';

/** Questionnaire language (ISO 639-1) → its Snowball stemmer; a language without one is not stemmed. */
const STEMMERS: Readonly<Record<string, string>> = {
  es: 'spanish',
  en: 'english',
  pt: 'portuguese',
  fr: 'french',
  it: 'italian',
  de: 'german',
  ca: 'catalan',
  nl: 'dutch',
  eu: 'basque',
  ro: 'romanian',
  ru: 'russian',
  sv: 'swedish',
  da: 'danish',
  no: 'norwegian',
  fi: 'finnish',
  hu: 'hungarian',
  tr: 'turkish',
  cs: 'czech',
  ga: 'irish',
  ar: 'arabic',
  hy: 'armenian',
};
const STOP_WORD_LISTS: Readonly<Record<string, readonly string[]>> = stopwordsIso;
/** A language with no stop-word list is read as English. */
const FALLBACK_LANGUAGE = 'en';

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
const NON_ASCII = /\P{ASCII}/gu;

const stopWordSets = new Map<string, ReadonlySet<string>>();
const stemmers = new Map<string, (word: string) => string>();
/** Stems already computed, per language: the themes stem every comment, and comments repeat their words. Emptied when full. */
const stemCaches = new Map<string, Map<string, string>>();
const STEM_CACHE_SIZE = 50_000;

/**
 * The stop words of a language, lower-cased, each also without its accents: comments are often typed
 * without them ("mas", "tambien"). Languages without a list fall back to English.
 */
export function stopWordsFor(language: string): string[] {
  return [...stopWordSetFor(language)];
}

/** Every lower-cased word of the text, in order, stop words and short words included. */
export function words(text: string): string[] {
  return text
    .normalize('NFC') // a decomposed "é" would otherwise be cut at its combining accent
    .toLowerCase()
    .split(WORD_SEPARATOR)
    .filter((token) => token !== '');
}

/** Lower-cased words of at least three letters, without stop words and bare numbers. */
export function tokenize(text: string, language: string): string[] {
  const stopWords = stopWordSetFor(language);
  return words(text)
    .filter((token) => Array.from(token).length >= MIN_TERM_LENGTH)
    .filter((token) => !PURE_NUMBER.test(token) && !stopWords.has(token));
}

/**
 * The key that folds a word's inflections and spellings together: its Snowball stem in the language,
 * lower-cased and without accents ("Saludó", "saludos", "saludo" → "salud"; "atención", "atencion" →
 * "atencion"). Stems are keys, not words: show a written form to people.
 */
export function stemOf(word: string, language: string): string {
  return stemmerOf(language)(word);
}

/** stemOf for many words of one language: the language is resolved once. */
export function stemmerOf(language: string): (word: string) => string {
  const list = listLanguage(language);
  const stem = stemmerFor(language);
  return (word) => {
    let cache = stemCaches.get(list);
    if (cache === undefined || cache.size >= STEM_CACHE_SIZE) {
      cache = new Map();
      stemCaches.set(list, cache);
    }
    let known = cache.get(word);
    if (known === undefined) {
      known = withoutAccents(stem(word.normalize('NFC').toLowerCase()));
      cache.set(word, known);
    }
    return known;
  };
}

/**
 * The most frequent terms over all the texts (every occurrence counts), inflections counted together by
 * stem and shown in their most frequent written form (ties: the form with accents, which people leave
 * out when typing fast rather than add by mistake, then code-unit order). Terms tie by their shown form
 * in code-unit order, which unlike locale collation is the same on every server.
 */
export function topTerms(texts: string[], language: string, limit = DEFAULT_TOP_TERMS): TermCount[] {
  const formsByStem = new Map<string, Map<string, number>>();
  for (const text of texts) {
    for (const word of tokenize(text, language)) {
      const stem = stemOf(word, language);
      const forms = formsByStem.get(stem) ?? new Map<string, number>();
      forms.set(word, (forms.get(word) ?? 0) + 1);
      formsByStem.set(stem, forms);
    }
  }
  return [...formsByStem.values()]
    .map((forms) => ({ term: mostFrequentForm(forms), count: [...forms.values()].reduce((sum, count) => sum + count, 0) }))
    .sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
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

function mostFrequentForm(forms: Map<string, number>): string {
  const accents = (form: string) => form.match(NON_ASCII)?.length ?? 0;
  return [...forms].sort(([a, countA], [b, countB]) => countB - countA || accents(b) - accents(a) || (a < b ? -1 : a > b ? 1 : 0))[0][0];
}

function primaryLanguage(language: string): string {
  return language.toLowerCase().split(/[-_]/)[0];
}

/** The language whose stop words (and stemmer) apply: the primary tag when stopwords-iso has it, else English. */
function listLanguage(language: string): string {
  const primary = primaryLanguage(language);
  return Object.hasOwn(STOP_WORD_LISTS, primary) ? primary : FALLBACK_LANGUAGE;
}

function stopWordSetFor(language: string): ReadonlySet<string> {
  const list = listLanguage(language);
  let stopWords = stopWordSets.get(list);
  if (stopWords === undefined) {
    const words = STOP_WORD_LISTS[list].map((word) => word.normalize('NFC').toLowerCase());
    stopWords = new Set([...words, ...words.map(withoutAccents)]);
    stopWordSets.set(list, stopWords);
  }
  return stopWords;
}

function stemmerFor(language: string): (word: string) => string {
  const list = listLanguage(language);
  let stem = stemmers.get(list);
  if (stem === undefined) {
    const algorithm = Object.hasOwn(STEMMERS, list) ? STEMMERS[list] : undefined;
    if (algorithm) {
      const stemmer = newStemmer(algorithm);
      stem = (word) => stemmer.stem(word);
    } else {
      stem = (word) => word;
    }
    stemmers.set(list, stem);
  }
  return stem;
}

function withoutAccents(word: string): string {
  return word.normalize('NFD').replace(COMBINING_MARK, '').normalize('NFC');
}
