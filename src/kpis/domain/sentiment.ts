/// <reference path="./nlpjs.d.ts" />
// What a comment says, positive or negative, from its words (docs/kpis.md "Qualitative analysis"), next
// to the `sentiment` the score around it gives. The lexicon is @nlpjs's: for Spanish the ML-Senticon
// polarities of @nlpjs/lang-es, looked up on its own stemmer's stems (as its SentimentAnalyzer does);
// @nlpjs/lang-en-min carries no English lexicon, so English relies on the domain words below alone.
//
// The library's own `process()` is not used as is: its negation flips every word after a "no" to the
// end of the text ("no tuve que esperar y fue muy amable" came out negative) and it does not know the
// words of customer service ("cola", "tardaron", "resolvió" are not in Senticon; "claro" and "fácil"
// are negative there). So the text is cut into clauses (punctuation, "pero", "aunque"…), a negation
// ("no", "nunca", "sin", "ni", "nada"…) reverses only the next few words of its clause, a domain lexicon
// overrides Senticon, and a clause after "pero" weighs more than one after "aunque".
import { Container } from '@nlpjs/core';
import { LangEs } from '@nlpjs/lang-es';
import { LangEn } from '@nlpjs/lang-en-min';
import { stopWordsFor } from './text-analysis';

export type Polarity = 'positive' | 'negative' | 'neutral';

/** |score| below this is neutral: a stray mildly-coloured word does not make a comment positive. */
export const POLARITY_THRESHOLD = 0.3;
/** Senticon's polarities count half: they are general-language and often wrong on this domain's nouns. */
export const SENTICON_WEIGHT = 0.5;
/** How many words after a negation it reverses. */
export const NEGATION_WINDOW = 3;

interface Stemmer {
  tokenizeAndStem(text: string, keepStops?: boolean): string[];
}
interface LibraryLexicon {
  senticon?: Record<string, number>;
  negations: { words: string[] };
}

interface LanguageLexicon {
  stemmer: Stemmer;
  /** stem → polarity from Senticon, weighed by SENTICON_WEIGHT. */
  senticon: Map<string, number>;
  /** stem → polarity of the domain's words, which win over Senticon's. */
  domain: Map<string, number>;
  /** Stop words (stopwords-iso) carry no polarity of their own: Senticon gives "fue" (→ "ser") and "un" one. */
  stopWords: Set<string>;
  /** exact word (lower case, accents kept: "saludo" is not "saludó") → polarity, for words whose stem would catch others ("tardaron" vs "tarde"). */
  forms: Map<string, number>;
  negations: Set<string>;
  /** word (lower case) → its value, filled as words are met: comments repeat their words. */
  values: Map<string, number>;
  /** word as written → what it does (see wordInfo). */
  words: Map<string, WordInfo>;
}

interface WordInfo {
  negation: boolean;
  contracted: boolean;
  value: number;
}

/** The caches stop growing here (a long-running server meets many words once). */
const WORD_CACHE_SIZE = 100_000;

// Words of customer service the lexicon lacks or gets wrong for this domain, by stem (any inflection).
// prettier-ignore
const DOMAIN_STEMS: Record<'es' | 'en', Record<string, number>> = {
  es: {
    amable: 1, atento: 0.8, cordial: 1, simpático: 1, educado: 0.8, profesional: 0.8, cercano: 0.6, agradable: 0.8,
    resolver: 1, resuelto: 1, solucionar: 1, solución: 0.6, ayudar: 0.6, rápido: 1, rápidamente: 1, ágil: 1,
    enseguida: 0.8, inmediato: 0.6, claro: 0.8, claramente: 0.8, claridad: 0.8, fácil: 0.6, sencillo: 0.6,
    perfecto: 1, perfectamente: 1, excelente: 1, eficaz: 1, eficiente: 1, impecable: 1, limpio: 0.6,
    correcto: 0.5, correctamente: 0.5, bien: 0.8, genial: 1, útil: 0.8, detallado: 0.6, detalle: 0.4,
    puntual: 0.8, cómodo: 0.5, ordenado: 0.5, satisfecho: 1, recomendable: 1, paciencia: 0.6, paciente: 0.6,
    explicar: 0.5, informar: 0.4, saber: 0.4, atender: 0.2, resolutivo: 1, resolutiva: 1, despedir: 0.5, calor: -0.5, cortar: -0.6,
    transferir: -0.4, agente: 0, gestor: 0, gestora: 0, asesor: 0, correo: 0, hora: 0, realizar: 0, solicitar: 0,
    información: 0, plazo: 0, ofrecer: 0.4, saludar: 0.5, sonrisa: 0.8,
    sonreír: 0.8, interés: 0.5, seguimiento: 0.3, confirmar: 0.3, respetar: 0.5, discreción: 0.6, discreto: 0.6,
    esperar: -0.6, espera: -0.6, cola: -0.6, demora: -1, demorar: -1, lento: -1, lentitud: -1, retraso: -1,
    grosero: -1, borde: -0.8, maleducado: -1, desagradable: -1, seco: -0.6, brusco: -1, prisa: -0.6,
    desgana: -1, desinterés: -1, indiferencia: -1, confuso: -1, contradictorio: -1, incorrecto: -1,
    error: -1, erróneo: -1, equivocado: -1, sucio: -1, desordenado: -1, roto: -1, estropeado: -1,
    averiado: -1, ruido: -0.5, problema: -0.5, queja: -0.6, reclamación: -0.4, colgar: -0.8, perder: -0.5,
    ignorar: -1, molestar: -0.8, pésimo: -1, fatal: -1, horrible: -1, mal: -1, malo: -1, demasiado: -0.5,
    difícil: -0.8, incómodo: -0.8, expuesto: -1, olvidar: -0.6, insistir: -0.5, tampoco: -0.3, nadie: -0.4,
    caído: -0.6, repetir: -0.4, frío: -0.5, distante: -0.6, mejorable: -0.6, deficiente: -1, lamentable: -1,
    faltar: -0.4, falta: -0.5, vista: -0.3, clara: 0.8, tranquilo: 0.5, gracias: 0.2,
  },
  en: {
    friendly: 1, polite: 1, courteous: 1, kind: 1, helpful: 1, professional: 0.8, pleasant: 0.8, warm: 0.6,
    resolve: 1, solve: 1, fix: 0.8, help: 0.6, quick: 1, quickly: 1, fast: 1, prompt: 0.8, clear: 0.8,
    clearly: 0.8, easy: 0.6, simple: 0.5, perfect: 1, excellent: 1, great: 1, good: 0.8, well: 0.5,
    efficient: 1, effective: 1, spotless: 1, clean: 0.6, tidy: 0.5, correct: 0.5, correctly: 0.5,
    useful: 0.8, patient: 0.6, explain: 0.5, know: 0.4, knowledgeable: 0.8, offer: 0.4, greet: 0.5,
    smile: 0.8, thank: 0.2, satisfied: 1, recommend: 0.8, discreet: 0.6, confirm: 0.3, attentive: 0.8,
    wait: -0.6, queue: -0.6, delay: -1, slow: -1, late: -0.6, rude: -1, unfriendly: -1, unpleasant: -1,
    curt: -0.8, abrupt: -0.8, hurry: -0.6, rushed: -0.8, confusing: -1, confused: -1, wrong: -1,
    incorrect: -1, error: -1, mistake: -1, dirty: -1, messy: -1, broken: -1, noisy: -0.5, problem: -0.5,
    complaint: -0.6, hang: -0.6, lose: -0.5, ignore: -1, bad: -1, poor: -1, terrible: -1, awful: -1,
    horrible: -1, difficult: -0.8, hard: -0.5, exposed: -1, forget: -0.6, never: -0.3, nobody: -0.4,
    cold: -0.5, unhelpful: -1, disappointing: -1, useless: -1, too: -0.2, lack: -0.5,
  },
};

// Exact words (no stem): their stem would also catch neutral words ("tardaron" → "tard" ← "tarde", afternoon).
// prettier-ignore
const DOMAIN_FORMS: Record<'es' | 'en', Record<string, number>> = {
  es: {
    supo: 0.4, gustó: 0.8, destaco: 0.6, tardaron: -1, tardó: -1, tardan: -1, tardaba: -1, tardamos: -1, tardanza: -1, tardísimo: -1,
    saludo: 0, saludos: 0, corta: 1, corto: 0.8, breve: 1, minutos: -0.2, largo: -0.4, larga: -0.6, larguisima: -1, eterna: -1, eterno: -1,
  },
  en: { minutes: -0.2, long: -0.4, ages: -0.8 },
};

// Negations the libraries list ("no", "nunca", "jamás", "ni") and those a comment uses in this domain.
const EXTRA_NEGATIONS: Record<'es' | 'en', string[]> = {
  es: ['no', 'nunca', 'jamas', 'ni', 'sin', 'nada', 'ningun', 'ninguna', 'ninguno', 'tampoco', 'nadie', 'apenas'],
  en: ['not', 'no', 'never', 'without', 'nothing', 'nobody', 'none', 'neither', 'nor', 'hardly'],
};

// A connector starts a new clause and says how much that clause weighs: what follows "pero" is what the
// writer means; what follows "aunque" is conceded.
const CONNECTOR_WEIGHTS: Record<string, number> = {
  pero: 1.5,
  'sin embargo': 1.5,
  sino: 1.5,
  aunque: 0.6,
  but: 1.5,
  however: 1.5,
  although: 0.6,
  though: 0.6,
};
const CLAUSE_SPLIT = /([.;:!?¡¿\n]+|,|\bsin embargo\b|\bpero\b|\baunque\b|\bsino\b|\bbut\b|\bhowever\b|\balthough\b|\bthough\b)/iu;

const COMBINING_MARK = /\p{M}/gu;
const plain = (word: string) => word.normalize('NFD').replace(COMBINING_MARK, '').toLowerCase();

let container: Container | null = null;
const lexicons = new Map<string, LanguageLexicon>();

/** The language whose lexicon applies: Spanish for es-*, English for anything else. */
function lexiconLanguage(language: string): 'es' | 'en' {
  return language.toLowerCase().startsWith('es') ? 'es' : 'en';
}

function lexiconFor(language: string): LanguageLexicon {
  const key = lexiconLanguage(language);
  const cached = lexicons.get(key);
  if (cached) return cached;
  if (container === null) {
    container = new Container();
    container.use(LangEs);
    container.use(LangEn);
  }
  const stemmer = container.get(`stemmer-${key}`) as Stemmer;
  const library = container.get(`sentiment-${key}`) as LibraryLexicon;
  const senticon = new Map<string, number>(Object.entries(library.senticon ?? {}).map(([stem, value]) => [stem, SENTICON_WEIGHT * value]));
  const domain = new Map<string, number>();
  for (const [word, polarity] of Object.entries(DOMAIN_STEMS[key])) {
    for (const stem of stemmer.tokenizeAndStem(word)) domain.set(stem, polarity);
  }
  const lexicon: LanguageLexicon = {
    stemmer,
    senticon,
    domain,
    stopWords: new Set(stopWordsFor(key)),
    forms: new Map(Object.entries(DOMAIN_FORMS[key])),
    negations: new Set([...library.negations.words, ...EXTRA_NEGATIONS[key]].map(plain)),
    values: new Map(),
    words: new Map(),
  };
  lexicons.set(key, lexicon);
  return lexicon;
}

/** A clause's polarity: the lexicon's values, those within NEGATION_WINDOW words after a negation reversed. */
function clauseScore(clause: string, lexicon: LanguageLexicon): number {
  const words = clause.split(/[^\p{L}\p{M}\p{N}']+/u).filter(Boolean);
  let score = 0;
  let negatedFor = 0;
  for (const word of words) {
    const { negation, contracted, value } = wordInfo(word, lexicon);
    if (negation) {
      negatedFor = NEGATION_WINDOW;
      continue;
    }
    // The English tokenizer expands "n't" into "not": "wasn't" negates like "was not".
    if (contracted) negatedFor = NEGATION_WINDOW;
    if (value !== 0 && negatedFor > 0) {
      // A negation reverses the first coloured word it reaches, not the rest: in "no resolvieron la
      // avería" only "resolvieron" turns; "avería" stays bad.
      score -= value;
      negatedFor = 0;
    } else {
      score += value;
      if (negatedFor > 0 && !contracted) negatedFor -= 1;
    }
  }
  return score;
}

/** What a word does, as written: negates, is a negated contraction ("wasn't"), or carries a value. Cached. */
function wordInfo(written: string, lexicon: LanguageLexicon): WordInfo {
  let info = lexicon.words.get(written);
  if (info === undefined) {
    const form = plain(written);
    info = {
      negation: lexicon.negations.has(form),
      contracted: form.endsWith("n't"),
      value: wordValue(written.normalize('NFC').toLowerCase(), lexicon),
    };
    if (lexicon.words.size < WORD_CACHE_SIZE) lexicon.words.set(written, info);
  }
  return info;
}

function wordValue(word: string, lexicon: LanguageLexicon): number {
  let value = lexicon.values.get(word);
  if (value === undefined) {
    const form = plain(word);
    const stems = lexicon.stemmer.tokenizeAndStem(form).filter((stem) => stem !== 'not');
    const inDomain = stems.filter((stem) => lexicon.domain.has(stem));
    value =
      lexicon.forms.get(word) ??
      (inDomain.length > 0
        ? inDomain.reduce((sum, stem) => sum + (lexicon.domain.get(stem) ?? 0), 0)
        : lexicon.stopWords.has(form)
          ? 0
          : stems.reduce((sum, stem) => sum + (lexicon.senticon.get(stem) ?? 0), 0));
    if (lexicon.values.size < WORD_CACHE_SIZE) lexicon.values.set(word, value);
  }
  return value;
}

/** The text's score: each clause's, weighted by the connector that opens it. > 0 positive, < 0 negative. */
export function sentimentScore(text: string, language: string): number {
  const lexicon = lexiconFor(language);
  let total = 0;
  let weight = 1;
  for (const part of text.split(CLAUSE_SPLIT)) {
    if (part === undefined || part.trim() === '') continue;
    const connector = CONNECTOR_WEIGHTS[part.trim().toLowerCase()];
    if (connector !== undefined) {
      weight = connector;
      continue;
    }
    if (CLAUSE_SPLIT.test(part) && part.trim().length <= 3) {
      // punctuation: a fresh clause, at full weight, or more when it answers a concession ("aunque fue
      // amable, no resolvió": what follows is what the writer means)
      weight = weight < 1 ? 1.5 : 1;
      continue;
    }
    total += weight * clauseScore(part, lexicon);
  }
  return total;
}

/** positive / negative / neutral from the words (not from the visit's score, which is `sentiment`). */
export function polarityOf(text: string, language: string): Polarity {
  const score = sentimentScore(text, language);
  if (score >= POLARITY_THRESHOLD) return 'positive';
  if (score <= -POLARITY_THRESHOLD) return 'negative';
  return 'neutral';
}
