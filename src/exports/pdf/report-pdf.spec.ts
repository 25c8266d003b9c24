import type { KpiModel } from '../../kpis/kpi-model';
import { emptyKpiModel, fullKpiModel } from '../testing/kpi-model.fixture';
import { readPdf } from '../testing/pdf-text';
import { labelsFor } from '../i18n';
import { headline, renderPdf } from './report-pdf';
import { relevantExcerpt, themesByShare, themeTrend, voicesByTone } from './qualitative';

// Every test reads its PDF back through a pdf-parse child process.
jest.setTimeout(30000);

const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe('renderPdf', () => {
  let full: { text: string; pages: number; info: Record<string, unknown> };

  beforeAll(async () => {
    const buffer = await renderPdf(fullKpiModel(), 'es');
    expect(buffer.subarray(0, 5).toString()).toBe('%PDF-');
    full = await readPdf(buffer);
  }, 30000);

  it('sets the document title to the campaign name', () => {
    expect(full.info.Title).toBe('Oleada 2 – Atención al cliente');
    expect(full.info.Author).toBe('Incognito');
  });

  it('has a cover with client, campaign, period and visits, accents intact', () => {
    for (const text of [
      'INFORME DE CLIENTE INCÓGNITO',
      'Banco Ñandú',
      'Evaluación multicanal',
      '1 de octubre de 2026 – 31 de octubre de 2026',
      'VISITAS',
    ]) {
      expect(full.text).toContain(text);
    }
  });

  it('summarises overall vs target and previous wave, strengths and priorities', () => {
    for (const text of [
      'Resumen ejecutivo',
      '71,3', // overall 71.25
      'IC 95 %: 52,3 – 90,2',
      'Objetivo no alcanzado',
      '+6,2',
      'significativa',
      'Principales fortalezas',
      'Tiempo de espera',
      'Prioridades de mejora',
      'Formar a la plantilla en las comisiones de la cuenta nómina.',
      '25,0 %', // knockout rate
      '87,5', // consistency index
    ]) {
      expect(full.text).toContain(text);
    }
  });

  it('has the charts (their SVG text included), the tables, the qualitative analysis, recommendations and the method note', () => {
    for (const text of [
      'Puntuación por sección',
      'Puntuación por canal',
      'Índice de consistencia: 87,5 · Dispersión: 17,5 puntos',
      'Puntuación por región',
      'Evolución por sección',
      'Distribución de las puntuaciones',
      '90–100',
      'Tiempos de atención y resolución',
      '4 min 00 s', // in-person median 240 s
      'Ranking de puntos de contacto',
      'Oficina Málaga Centro (Málaga)',
      'Cumplimiento por pregunta',
      '¿Resolvió la consulta en el primer contacto?',
      'Análisis cualitativo',
      'atención (3) · comisión (2)',
      'Recomendaciones',
      'Nota metodológica',
      'Welch',
    ]) {
      expect(full.text).toContain(text);
    }
    // Unscored questions have no compliance row.
    expect(full.text).not.toContain('Comentario libre');
  });

  it('analyses the comments by theme instead of listing them: share, tone, trend, score link, verbatims', () => {
    for (const text of [
      'Análisis cualitativo',
      'Espera',
      '50 % (5)', // share 50 of 10 analysed visits
      '▲ +20,0 pts *', // significant rise of a theme mostly criticised
      '61,5 / 84,0',
      'Amabilidad y trato',
      '40 % (4)',
      '▼ -5,0 pts',
      'Protección de datos',
      'Lo que dicen: verbatims representativos',
      '“Esperé veinte minutos de pie en la cola.”',
      '“Me atendió enseguida.”',
      'Todos los comentarios, con sus temas y su tono, están en el libro Excel del informe.',
    ]) {
      expect(full.text).toContain(text);
    }
    // The raw comments are in the Excel workbook only.
    expect(full.text).not.toContain('=HYPERLINK');
    expect(full.text).not.toContain('¡Excelente!');
    // Most mentioned first.
    expect(full.text.indexOf('Amabilidad y trato')).toBeGreaterThan(full.text.indexOf('50 % (5)'));
  });

  it('numbers every page and names the campaign in the footer', () => {
    for (let page = 1; page <= full.pages; page++) expect(full.text).toContain(`Página ${page} de ${full.pages}`);
    expect(occurrences(full.text, 'Oleada 2 – Atención al cliente')).toBeGreaterThanOrEqual(full.pages);
  });

  it('prints no internal ids: visit, touchpoint, campaign', () => {
    for (const id of ['visit-a', 'visit-b', 'visit-c', 'tp-1', 'tp-2', '11111111-1111-4111-8111-111111111111', '22222222-2222']) {
      expect(full.text).not.toContain(id);
    }
  });

  it('repeats a table’s header on every page it continues on', async () => {
    const model: KpiModel = fullKpiModel();
    model.touchpoints = Array.from({ length: 80 }, (_, index) => ({
      id: `tp-${index}`,
      name: `Oficina ${String(index).padStart(2, '0')}`,
      channel: 'in_person' as const,
      region: 'Andalucía',
      city: null,
      mean: 100 - index,
      n: 3,
    }));
    const { text, pages } = await readPdf(await renderPdf(model, 'es'));
    expect(pages).toBeGreaterThan(full.pages);
    // the ranking spans at least two pages, each starting with the header row
    expect(occurrences(text, 'Pos.\tPunto de contacto') + occurrences(text, 'Pos. Punto de contacto')).toBeGreaterThanOrEqual(2);
    expect(text).toContain('Oficina 00');
    expect(text).toContain('Oficina 79');
  }, 30000);

  it('renders a campaign with no visits, no previous wave and no comments', async () => {
    const { text, info } = await readPdf(await renderPdf(emptyKpiModel(), 'en'));
    expect(info.Title).toBe('Empty wave');
    for (const expected of [
      'MYSTERY SHOPPING REPORT',
      'There are no visits matching this report yet.',
      'No previous wave to compare with',
      'There are no comments',
      'No question leaves room for improvement.',
      'Method note',
      'Page 1 of',
    ]) {
      expect(text).toContain(expected);
    }
  }, 30000);

  it('prints names and comments as typed, outside Western European letters too (the font is embedded)', async () => {
    const model = fullKpiModel();
    model.campaign.clientName = 'Łódź Ελλάδα Москва';
    model.comments.themes[0].verbatims[0].text = 'Øresund – “quoted” € ≥ 5 ő';
    const { text, info } = await readPdf(await renderPdf(model, 'es'));
    expect(text).toContain('Łódź Ελλάδα Москва');
    expect(text).toContain('“Øresund – “quoted” € ≥ 5 ő”');
    expect(info.Subject).toBe('Informe de cliente incógnito — Łódź Ελλάδα Москва');
  }, 30000);
});

describe('headline', () => {
  it('says the score, the target and the change against the previous wave in one sentence', () => {
    expect(headline(fullKpiModel(), labelsFor('es'), 'es')).toBe(
      'La puntuación global es de 71,3 sobre 100 (4 visitas), por debajo del objetivo de 80,0, 6,2 puntos más que en la oleada anterior (diferencia estadísticamente significativa).',
    );
    const model = fullKpiModel();
    model.overall = { ...model.overall, mean: 85, met: true };
    model.trend!.overall = { previous: 85.02, current: 85, change: -0.02, pValue: 0.9, significant: false };
    expect(headline(model, labelsFor('en'), 'en')).toBe(
      'The overall score is 85.0 out of 100 (4 visits), meeting the target of 80.0, level with the previous wave (not a significant change).',
    );
    model.trend!.overall = { previous: 88, current: 85, change: -3, pValue: null, significant: null };
    delete model.overall.target;
    expect(headline(model, labelsFor('en'), 'en')).toBe(
      'The overall score is 85.0 out of 100 (4 visits), 3.0 points below the previous wave.',
    );
    expect(headline(emptyKpiModel(), labelsFor('en'), 'en')).toBeNull();
  });
});

describe('themeTrend', () => {
  const labels = labelsFor('en');
  const theme = fullKpiModel().comments.themes[0]; // mostly criticised (1 positive, 4 negative)

  it('colours a significant rise of a criticised theme as bad news, and its fall as good news', () => {
    expect(themeTrend({ ...theme, change: 20, significant: true }, labels, 'en')).toEqual({ text: '▲ +20.0 pts *', color: '#C0392B' });
    expect(themeTrend({ ...theme, change: -20, significant: true }, labels, 'en')).toEqual({ text: '▼ -20.0 pts *', color: '#2E7D32' });
    expect(themeTrend({ ...theme, positive: 5, negative: 0, change: 20, significant: true }, labels, 'en')?.color).toBe('#2E7D32');
  });

  it('keeps a change that is not significant grey, and has no arrow without a previous wave', () => {
    expect(themeTrend({ ...theme, change: 3, significant: false }, labels, 'en')).toEqual({ text: '▲ +3.0 pts', color: '#6B7785' });
    const { change: _change, pValue: _p, significant: _s, ...withoutTrend } = theme;
    expect(themeTrend(withoutTrend, labels, 'en')).toBeNull();
  });

  it('orders themes by share, ties in the questionnaire order', () => {
    const [a, b, c] = fullKpiModel().comments.themes;
    expect(themesByShare([c, { ...b, share: 50 }, a]).map((t) => t.key)).toEqual(['courtesy', 'waiting', 'data_protection']);
  });
});

describe('relevantExcerpt', () => {
  const narratives = [
    'Acudí a la oficina a primera hora. Me atendió Rosa con un saludo cordial. La información fue correcta y completa.',
    'Entré en la oficina. Nadie me saludó al entrar. El trato fue frío. No me ofrecieron seguimiento.',
  ];

  it('quotes the sentences of the verbatims that share most words with the failed question', () => {
    expect(relevantExcerpt(narratives, '¿Le saludó el empleado al entrar?', 'es')).toBe('Nadie me saludó al entrar.');
    expect(relevantExcerpt(narratives, '¿Le ofrecieron seguimiento?', 'es')).toBe('No me ofrecieron seguimiento.');
    // Both narratives speak of the treatment; the critical sentence wins.
    expect(relevantExcerpt(['El trato fue cercano.', 'El trato fue frío.'], 'Cordialidad del trato', 'es')).toBe('El trato fue frío.');
  });

  it('falls back on the first verbatim when no sentence shares a word', () => {
    expect(relevantExcerpt(narratives, 'Tiempo de espera', 'es')).toBe(narratives[0]);
    expect(relevantExcerpt([], 'Tiempo de espera', 'es')).toBe('');
  });
});

describe('voicesByTone', () => {
  it('quotes the negative comments first, then the positive ones, each text once (a questionnaire without themes)', () => {
    const { bySection } = fullKpiModel().comments;
    bySection[0].items.push({ ...bySection[0].items[0], visitId: 'visit-z' });
    expect(voicesByTone(bySection)).toEqual([
      { text: '-No supo explicar la comisión de mantenimiento.', polarity: 'negative' },
      { text: 'Muy amable, me atendió enseguida. ¡Excelente!', polarity: 'positive' },
    ]);
  });

  it('prints them in the PDF when the questionnaire has no themes', async () => {
    const model = fullKpiModel();
    model.comments.themes = [];
    const { text } = await readPdf(await renderPdf(model, 'es'));
    expect(text).toContain('El cuestionario no define temas');
    expect(text).toContain('“Muy amable, me atendió enseguida. ¡Excelente!”');
    expect(text).not.toContain('=HYPERLINK'); // neutral: not quoted, but in the Excel workbook
  }, 30000);
});
