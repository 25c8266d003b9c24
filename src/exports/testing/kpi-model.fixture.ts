// Hand-made KPI models for the exports' unit specs and the benchmark: one full Spanish campaign with
// accents, a previous wave and hostile user text, and one with nothing in it.
import type { KpiModel } from '../../kpis/kpi-model';
import type { VisitRow } from '../excel/visit-rows';

export function fullKpiModel(): KpiModel {
  return {
    campaign: {
      id: '11111111-1111-4111-8111-111111111111',
      name: 'Oleada 2 – Atención al cliente',
      clientName: 'Banco Ñandú',
      startsOn: '2026-10-01',
      endsOn: '2026-10-31',
      language: 'es',
      questionnaireTitle: 'Evaluación multicanal',
      status: 'closed',
    },
    filters: {},
    generatedAt: '2026-11-24T10:00:00.000Z',
    n: 4,
    overall: { mean: 71.25, n: 4, ci95: [52.345, 90.155], sd: 11.8, target: 80, met: false },
    sections: [
      { key: 'saludo', title: 'Saludo y recepción', weight: 1, mean: 87.5, n: 4 },
      { key: 'solucion', title: 'Solución del problema', weight: 2, mean: 62.5, n: 4 },
      { key: 'cierre', title: 'Cierre y despedida', weight: 1, mean: null, n: 0 },
    ],
    dimensions: [
      { key: 'empathy', mean: 90, n: 4 },
      { key: 'knowledge', mean: 55.55, n: 4 },
      { key: 'resolution', mean: 50, n: 2 },
    ],
    channels: [
      { channel: 'in_person', mean: 80, n: 2 },
      { channel: 'phone', mean: 62.5, n: 2 },
    ],
    consistency: { spread: 17.5, index: 87.5 },
    regions: [
      { region: 'Andalucía', mean: 80, n: 2 },
      { region: 'Castilla y León', mean: 62.5, n: 2 },
    ],
    touchpoints: [
      { id: 'tp-1', name: 'Oficina Málaga Centro', channel: 'in_person', region: 'Andalucía', city: 'Málaga', mean: 80, n: 2 },
      { id: 'tp-2', name: 'Línea 900 Atención', channel: 'phone', region: 'Castilla y León', city: 'León', mean: 62.5, n: 2 },
    ],
    questions: [
      {
        key: 'q_saludo',
        text: '¿Le saludó el empleado al llegar?',
        sectionKey: 'saludo',
        type: 'yes_no',
        compliance: 75,
        n: 4,
        answers: { true: 3, false: 1 },
      },
      { key: 'q_espera', text: 'Tiempo de espera', sectionKey: 'saludo', type: 'duration', compliance: 100, n: 4 },
      {
        key: 'q_solucion',
        text: '¿Resolvió la consulta en el primer contacto?',
        sectionKey: 'solucion',
        type: 'yes_no',
        compliance: 50,
        n: 4,
        answers: { true: 2, false: 2 },
      },
      {
        key: 'q_producto',
        text: 'Conocimiento del producto',
        sectionKey: 'solucion',
        type: 'single_choice',
        compliance: 25,
        n: 4,
        answers: { alto: 1, medio: 2, bajo: 1 },
      },
      { key: 'q_comentario', text: 'Comentario libre', sectionKey: 'cierre', type: 'text', compliance: null, n: 0 },
    ],
    timing: [
      { channel: 'in_person', metric: 'wait_time', median: 240, p90: 420, mean: 270, slaSeconds: 300, slaCompliance: 50, n: 2 },
      { channel: 'phone', metric: 'wait_time', median: 95, p90: 180.5, mean: 110, slaSeconds: 120, slaCompliance: 100, n: 2 },
    ],
    fcr: { rate: 50, n: 4 },
    knockoutRate: 25,
    targets: [
      { kpi: 'overall', target: 80, actual: 71.25, met: false },
      { kpi: 'fcr', target: 40, actual: 50, met: true },
      { kpi: 'empathy', target: 85, actual: 90, met: true },
    ],
    distribution: [
      { from: 0, to: 10, count: 1 },
      { from: 10, to: 20, count: 0 },
      { from: 20, to: 30, count: 0 },
      { from: 30, to: 40, count: 0 },
      { from: 40, to: 50, count: 0 },
      { from: 50, to: 60, count: 0 },
      { from: 60, to: 70, count: 0 },
      { from: 70, to: 80, count: 1 },
      { from: 80, to: 90, count: 1 },
      { from: 90, to: 100, count: 1 },
    ],
    trend: {
      previousCampaignId: '22222222-2222-4222-8222-222222222222',
      previousCampaignName: 'Oleada 1 – Atención al cliente',
      overall: { previous: 65.05, current: 71.25, change: 6.2, pValue: 0.0312, significant: true },
      sections: [
        { key: 'saludo', previous: 80, current: 87.5, change: 7.5, pValue: 0.2, significant: false },
        { key: 'solucion', previous: 55, current: 62.5, change: 7.5, pValue: 0.01, significant: true },
        { key: 'cierre', previous: null, current: null, change: null, pValue: null, significant: null, note: 'not enough data' },
      ],
      dimensions: [{ key: 'empathy', previous: 85, current: 90, change: 5, pValue: 0.4, significant: false }],
      fcr: { previous: 45, current: 50, change: 5, pValue: null, significant: null, note: 'not enough data' },
    },
    comments: {
      bySection: [
        {
          sectionKey: 'saludo',
          items: [
            {
              visitId: 'visit-a',
              questionKey: null,
              text: 'Muy amable, me atendió enseguida. ¡Excelente!',
              sentiment: 'positive',
              polarity: 'positive',
              themes: ['courtesy', 'waiting'],
            },
            {
              visitId: 'visit-b',
              questionKey: 'q_comentario',
              text: '=HYPERLINK("http://evil","clic")',
              sentiment: 'negative',
              polarity: 'neutral',
              themes: [],
            },
          ],
        },
        {
          sectionKey: 'solucion',
          items: [
            {
              visitId: 'visit-c',
              questionKey: null,
              text: '-No supo explicar la comisión de mantenimiento.',
              sentiment: 'negative',
              polarity: 'negative',
              themes: ['knowledge', 'clarity'],
            },
          ],
        },
      ],
      themes: [
        {
          key: 'waiting',
          label: 'Espera',
          mentions: 5,
          share: 50,
          positive: 1,
          negative: 4,
          change: 20,
          pValue: 0.01,
          significant: true,
          meanScoreNegative: 61.5,
          meanScoreOther: 84,
          verbatims: [
            { visitId: 'visit-d', text: 'Esperé veinte minutos de pie en la cola.', polarity: 'negative' },
            { visitId: 'visit-a', text: 'Me atendió enseguida.', polarity: 'positive' },
          ],
        },
        {
          key: 'courtesy',
          label: 'Amabilidad y trato',
          mentions: 4,
          share: 40,
          positive: 4,
          negative: 0,
          change: -5,
          pValue: 0.6,
          significant: false,
          verbatims: [{ visitId: 'visit-a', text: 'Muy amable, me atendió enseguida.', polarity: 'positive' }],
        },
        { key: 'data_protection', label: 'Protección de datos', mentions: 0, share: 0, positive: 0, negative: 0, verbatims: [] },
      ],
      analysedVisits: 10,
      topTerms: [
        { term: 'atención', count: 3 },
        { term: 'comisión', count: 2 },
      ],
      failedQuestionVerbatims: [{ questionKey: 'q_producto', items: [{ visitId: 'visit-c', text: '@SUM(1+1) No conocía la tarifa' }] }],
    },
    recommendations: [
      {
        questionKey: 'q_producto',
        text: 'Conocimiento del producto',
        impact: 22.5,
        compliance: 25,
        recommendation: 'Formar a la plantilla en las comisiones de la cuenta nómina.',
      },
      { questionKey: 'q_solucion', text: '¿Resolvió la consulta en el primer contacto?', impact: 15, compliance: 50, recommendation: null },
      {
        questionKey: 'q_saludo',
        text: '¿Le saludó el empleado al llegar?',
        impact: 2.5,
        compliance: 75,
        recommendation: 'Saludar en los primeros 10 segundos.',
      },
    ],
    strengths: [
      { questionKey: 'q_espera', text: 'Tiempo de espera', compliance: 100 },
      { questionKey: 'q_saludo', text: '¿Le saludó el empleado al llegar?', compliance: 75 },
    ],
  };
}

/** A campaign nobody has visited yet: n = 0, no previous wave, no comments. */
export function emptyKpiModel(): KpiModel {
  return {
    campaign: {
      id: '33333333-3333-4333-8333-333333333333',
      name: 'Empty wave',
      clientName: 'Acme',
      startsOn: '2026-12-01',
      endsOn: '2026-12-31',
      language: 'en',
      questionnaireTitle: 'Phone check',
      status: 'active',
    },
    filters: {},
    generatedAt: '2026-11-24T10:00:00.000Z',
    n: 0,
    overall: { mean: null, n: 0, ci95: null, sd: null },
    sections: [{ key: 'greeting', title: 'Greeting', weight: 1, mean: null, n: 0 }],
    dimensions: [],
    channels: [],
    consistency: { spread: null, index: null },
    regions: [],
    touchpoints: [],
    questions: [{ key: 'q1', text: 'Did they greet you?', sectionKey: 'greeting', type: 'yes_no', compliance: null, n: 0 }],
    timing: [],
    fcr: { rate: null, n: 0 },
    knockoutRate: null,
    targets: [{ kpi: 'overall', target: 85, actual: null, met: null }],
    distribution: [],
    comments: { bySection: [], themes: [], analysedVisits: 0, topTerms: [], failedQuestionVerbatims: [] },
    recommendations: [],
    strengths: [],
  };
}

/** Visit rows matching fullKpiModel's questions. */
export function fullVisitRows(): VisitRow[] {
  const base = {
    status: 'approved',
    city: 'Málaga',
    scenario: 'consulta_comisiones',
    waitSeconds: 240,
    responseSeconds: null,
    fcr: true,
    sections: { saludo: 100, solucion: 75, cierre: null },
  };
  return [
    {
      ...base,
      id: 'aaaaaaaa-0000-4000-8000-000000000001',
      visitedAt: new Date('2026-10-05T09:30:00Z'),
      touchpointName: 'Oficina Málaga Centro',
      channel: 'in_person',
      region: 'Andalucía',
      score: 83.3333,
      knockout: false,
      answers: {
        q_saludo: { value: true, na: false, counted: true, earned: 10, possible: 10, passed: true },
        q_espera: { value: 240, na: false, counted: true, earned: 5, possible: 5, passed: true },
        q_solucion: { value: true, na: false, counted: true, earned: 20, possible: 20, passed: true },
        q_producto: { value: 'medio', na: false, counted: true, earned: 5, possible: 10, passed: false },
        q_comentario: { value: '=1+2', na: false, counted: false, earned: null, possible: null, passed: null },
      },
    },
    {
      ...base,
      id: 'aaaaaaaa-0000-4000-8000-000000000002',
      visitedAt: new Date('2026-10-06T16:00:00Z'),
      touchpointName: 'Línea 900 Atención',
      channel: 'phone',
      region: 'Castilla y León',
      city: 'León',
      score: 0,
      knockout: true,
      fcr: false,
      sections: { saludo: 50, solucion: 0, cierre: null },
      answers: {
        q_saludo: { value: false, na: false, counted: true, earned: 0, possible: 10, passed: false },
        q_espera: { value: null, na: true, counted: false, earned: null, possible: null, passed: null },
        q_producto: { value: ['bajo'], na: false, counted: true, earned: 0, possible: 10, passed: false },
        q_comentario: { value: '+34 600 000 000 @mention\tcon tab', na: false, counted: false, earned: null, possible: null, passed: null },
      },
    },
  ];
}
