import { compileThemes, mentioningSentences, summarizeThemes, themeShares, themesOf, type VisitText } from './themes';

const THEMES = compileThemes(
  [
    { key: 'waiting', label: 'Espera', terms: ['esperar', 'cola', 'tiempo de espera'] },
    { key: 'courtesy', label: 'Amabilidad', terms: ['amable', 'trato', 'educado'] },
    { key: 'data', label: 'Datos', terms: ['datos de otro cliente', 'DNI'] },
  ],
  'es',
);

describe('themesOf', () => {
  it('matches terms on stems, so any inflection mentions the theme', () => {
    expect(themesOf('Esperé quince minutos en las colas.', THEMES, 'es')).toEqual(['waiting']);
    expect(themesOf('Estuvimos esperando y el trato fue correcto.', THEMES, 'es')).toEqual(['waiting', 'courtesy']);
    expect(themesOf('Pregunté por la tarifa de fibra.', THEMES, 'es')).toEqual([]);
  });

  it('matches a term of several words only when its words come together', () => {
    expect(themesOf('Dejó a la vista los datos de otro cliente.', THEMES, 'es')).toEqual(['data']);
    expect(themesOf('Otro cliente preguntaba por sus datos.', THEMES, 'es')).toEqual([]);
  });

  it('quotes only the sentences that mention the theme', () => {
    const text = 'Llegué a las diez. Tuve que esperar en la cola. La gestora fue amable.';
    expect(mentioningSentences(text, THEMES[0], 'es')).toBe('Tuve que esperar en la cola.');
  });
});

describe('summarizeThemes', () => {
  // Five visits, hand-labelled:
  //   v1 (40) waiting −           v2 (90) courtesy +, waiting + ("no tuve que esperar")
  //   v3 (50) waiting −, courtesy − (one sentence: "larguísimo", "seco")
  //   v4 (80) no theme            v5 (30) waiting −
  const texts: VisitText[] = [
    { visitId: 'v1', score: 40, text: 'Tuve que esperar veinte minutos en la cola.' },
    { visitId: 'v2', score: 90, text: 'La gestora fue muy amable. No tuve que esperar nada.' },
    { visitId: 'v3', score: 50, text: 'El tiempo de espera fue larguísimo y el trato fue seco.' },
    { visitId: 'v4', score: 80, text: 'Me explicó las condiciones con claridad.' },
    { visitId: 'v5', score: 30, text: 'Esperé quince minutos de pie en la cola.' },
  ];

  it('counts mentions, visits, polarity and the link to the score', () => {
    const [waiting, courtesy, data] = summarizeThemes(texts, THEMES, 'es');
    expect(waiting).toMatchObject({ key: 'waiting', mentions: 4, share: 80, positive: 1, negative: 3 });
    // Visits speaking badly of the wait (v1, v3, v5) against the others (v2, v4).
    expect(waiting.meanScoreNegative).toBeCloseTo((40 + 50 + 30) / 3);
    expect(waiting.meanScoreOther).toBeCloseTo((90 + 80) / 2);
    expect(courtesy).toMatchObject({ mentions: 2, share: 40, positive: 1, negative: 1 });
    expect(courtesy.meanScoreNegative).toBe(50);
    expect(courtesy.meanScoreOther).toBeCloseTo((40 + 90 + 80 + 30) / 4);
    expect(data).toMatchObject({ mentions: 0, share: 0, positive: 0, negative: 0, verbatims: [] });
    expect(data.meanScoreNegative).toBeUndefined();
  });

  it('quotes the most typical mentions, not the longest', () => {
    // Stems besides the theme's own (esper, col): v1 {veint, minut}, v2 {}, v3 {larguisim, trat, sec},
    // v5 {quinc, minut, pie}. Only "minut" is shared (v1, v5): v1 scores 1/2, v5 1/3, v2 and v3 0, and
    // of those the shorter quote (v2) comes first. v3, the longest, is left out.
    const [waiting] = summarizeThemes(texts, THEMES, 'es');
    expect(waiting.verbatims).toEqual([
      { visitId: 'v1', text: 'Tuve que esperar veinte minutos en la cola.', polarity: 'negative' },
      { visitId: 'v5', text: 'Esperé quince minutos de pie en la cola.', polarity: 'negative' },
      { visitId: 'v2', text: 'No tuve que esperar nada.', polarity: 'positive' },
    ]);
    // The same texts in another order give the same quotes.
    expect(summarizeThemes([...texts].reverse(), THEMES, 'es')[0].verbatims).toEqual(waiting.verbatims);
  });

  it('quotes two voices of the dominant tone and one of the other, never the same words twice', () => {
    const same: VisitText[] = [
      { visitId: 'a', score: 90, text: 'Apenas esperé 2 minutos.' },
      { visitId: 'b', score: 90, text: 'Apenas esperé 3 minutos.' },
      { visitId: 'c', score: 90, text: 'Apenas esperé 2 minutos.' },
      { visitId: 'd', score: 90, text: 'No tuve que esperar nada, me atendieron enseguida.' },
      { visitId: 'e', score: 20, text: 'Esperé media hora en la cola.' },
    ];
    const [waiting] = summarizeThemes(same, THEMES, 'es');
    // "apenas" negates the wait: four visits speak well of it, one badly.
    expect(waiting).toMatchObject({ positive: 4, negative: 1 });
    // a/b/c are one sentence (the same stems); d is the other positive voice; e the critical one.
    expect(waiting.verbatims.map((verbatim) => [verbatim.visitId, verbatim.polarity])).toEqual([
      ['a', 'positive'],
      ['d', 'positive'],
      ['e', 'negative'],
    ]);
  });

  it('compares the share of visits with the previous wave (two-proportion z-test)', () => {
    // Previous wave: 1 of 20 visits mentioned the wait; now 4 of 5.
    const previous = { visits: 20, mentioning: new Map([['waiting', 1]]) };
    const [waiting, courtesy] = summarizeThemes(texts, THEMES, 'es', previous);
    expect(waiting.change).toBeCloseTo(80 - 5);
    // pooled p = 5/25 = 0.2, se = sqrt(0.2·0.8·(1/20 + 1/5)) = 0.2, z = (0.8 − 0.05)/0.2 = 3.75.
    expect(waiting.pValue).toBeCloseTo(0.000177, 5);
    expect(waiting.significant).toBe(true);
    expect(courtesy.change).toBeCloseTo(40);
  });

  it('counts the visits that mention each theme for the next wave to compare with', () => {
    const shares = themeShares(texts, THEMES, 'es');
    expect(shares.visits).toBe(5);
    expect(shares.mentioning).toEqual(
      new Map([
        ['waiting', 4],
        ['courtesy', 2],
        ['data', 0],
      ]),
    );
  });
});
