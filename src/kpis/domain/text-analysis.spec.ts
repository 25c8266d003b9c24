import stopwordsIso from 'stopwords-iso/stopwords-iso.json';
import { sentimentFromScore, stemOf, stopWordsFor, tokenize, topTerms } from './text-analysis';

describe('stopWordsFor', () => {
  it("uses stopwords-iso's Spanish list for es, with and without accents", () => {
    const stopWords = stopWordsFor('es');

    expect(stopWords).toEqual(expect.arrayContaining(stopwordsIso.es));
    expect(stopWords).toEqual(expect.arrayContaining(['más', 'mas', 'también', 'tambien', 'qué', 'que', 'fue', 'unos']));
    expect(new Set(stopWords).size).toBe(stopWords.length);
  });

  it('reads the primary language of a regional tag', () => {
    expect(stopWordsFor('es-MX')).toEqual(stopWordsFor('es'));
    expect(stopWordsFor('EN_gb')).toEqual(stopWordsFor('en'));
  });

  it('falls back to English for a language without a list', () => {
    expect(stopWordsFor('en')).toEqual(expect.arrayContaining(stopwordsIso.en));
    expect(stopWordsFor('xx')).toEqual(stopWordsFor('en'));
    expect(stopWordsFor('constructor')).toEqual(stopWordsFor('en'));
  });

  it('hands out a copy the caller may change', () => {
    stopWordsFor('es').push('tienda');
    expect(stopWordsFor('es')).not.toContain('tienda');
  });
});

describe('tokenize', () => {
  it('keeps accented letters, ñ and ü inside Spanish words and drops stop words', () => {
    // la, del, fue, muy, buena, también: all in stopwords-iso's Spanish list.
    expect(tokenize('La atención del señor fue muy buena, también la pingüinera.', 'es')).toEqual(['atención', 'señor', 'pingüinera']);
  });

  it('drops stop words typed without their accents', () => {
    expect(tokenize('Mas rapido, tambien amable', 'es')).toEqual(['rapido', 'amable']);
  });

  it('lower-cases, including capital accented letters', () => {
    expect(tokenize('ATENCIÓN Rápida', 'es')).toEqual(['atención', 'rápida']);
  });

  it('treats a decomposed accent like a composed one', () => {
    expect(tokenize('atencio\u0301n', 'es')).toEqual(['atención']);
  });

  it('drops words shorter than three letters and bare numbers, but keeps words with digits', () => {
    // we, at, the, till, open, in: English stop words; ok: two letters; 15, 2025: bare numbers.
    expect(tokenize('We waited 15 min at the till, ok? Open 24h in 2025.', 'en')).toEqual(['waited', 'min', '24h']);
  });

  it('splits on any punctuation, apostrophes and dashes included', () => {
    expect(tokenize("staff's well-trained—friendly!!!", 'en')).toEqual(['staff', 'trained', 'friendly']);
  });

  it('finds nothing in an empty or blank text', () => {
    expect(tokenize('', 'es')).toEqual([]);
    expect(tokenize('  ... ', 'es')).toEqual([]);
  });
});

describe('topTerms', () => {
  const comments = ['La atención fue rápida y amable.', 'Atención lenta, pero amable.', 'Mucha espera; la atención mejoró luego.'];

  it('counts every occurrence over all the comments, most frequent first, ties by term', () => {
    // fue, pero, mucha, luego, la, y: stop words. atención 3, amable 2, then once each: espera, lenta,
    // mejoró, rápida.
    expect(topTerms(comments, 'es')).toEqual([
      { term: 'atención', count: 3 },
      { term: 'amable', count: 2 },
      { term: 'espera', count: 1 },
      { term: 'lenta', count: 1 },
      { term: 'mejoró', count: 1 },
      { term: 'rápida', count: 1 },
    ]);
  });

  it('counts the inflections of a word as one term, shown in its most frequent written form', () => {
    // saludo ×2, saludó, saludos, saludar: stem "salud", 5 in all, shown as "saludo". esperé, espera,
    // esperamos: stem "esper", 3, each form once: the tie goes to the accented "esperé".
    expect(
      topTerms(
        ['Me saludó al llegar, buen saludo.', 'Saludos cordiales; esperé poco.', 'Saludar y espera corta', 'Saludo.', 'Esperamos'],
        'es',
      ),
    ).toEqual([
      { term: 'saludo', count: 5 },
      { term: 'esperé', count: 3 },
      { term: 'cordiales', count: 1 },
      { term: 'corta', count: 1 },
      { term: 'llegar', count: 1 },
    ]);
  });

  it('folds a word typed without its accent into the accented one', () => {
    // atencion, atención: one stem, one each; the accented form is shown.
    expect(topTerms(['atencion rapida', 'atención lenta'], 'es')).toEqual([
      { term: 'atención', count: 2 },
      { term: 'lenta', count: 1 },
      { term: 'rapida', count: 1 },
    ]);
  });

  it('counts a word repeated within one comment each time', () => {
    expect(topTerms(['slow slow slow service'], 'en')).toEqual([
      { term: 'slow', count: 3 },
      { term: 'service', count: 1 },
    ]);
  });

  it('keeps the top 20 by default, or as many as asked', () => {
    const manyTerms = Array.from({ length: 25 }, (_, index) => `term${String(index).padStart(2, '0')}`).join(' ');

    expect(topTerms([manyTerms], 'en')).toHaveLength(20);
    expect(topTerms(comments, 'es', 2)).toEqual([
      { term: 'atención', count: 3 },
      { term: 'amable', count: 2 },
    ]);
  });

  it('has no terms without comments', () => {
    expect(topTerms([], 'es')).toEqual([]);
  });
});

describe('stemOf', () => {
  it("folds a word's inflections, case and accents into one key", () => {
    expect(stemOf('Saludó', 'es')).toBe('salud');
    expect(stemOf('saludos', 'es')).toBe('salud');
    expect(stemOf('atencion', 'es')).toBe('atencion');
    expect(stemOf('Atención', 'es-MX')).toBe('atencion');
    expect(stemOf('waiting', 'en')).toBe('wait');
    expect(stemOf('Services', 'en-GB')).toBe('servic');
  });

  it('falls back to English for an unknown language and leaves a language without a stemmer unstemmed', () => {
    expect(stemOf('waited', 'xx')).toBe('wait');
    expect(stemOf('Łódź', 'pl')).toBe('łodz'); // Polish: stop words, no Snowball stemmer; ł has no accent to drop
  });
});

describe('sentimentFromScore', () => {
  it('is positive from 70 up, negative below', () => {
    expect(sentimentFromScore(70)).toBe('positive');
    expect(sentimentFromScore(100)).toBe('positive');
    expect(sentimentFromScore(69.99)).toBe('negative');
    expect(sentimentFromScore(0)).toBe('negative');
  });

  it('takes another threshold', () => {
    expect(sentimentFromScore(75, 80)).toBe('negative');
    expect(sentimentFromScore(80, 80)).toBe('positive');
  });

  it('counts a comment without a score as negative', () => {
    expect(sentimentFromScore(null)).toBe('negative');
  });
});
