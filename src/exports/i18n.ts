// The words of the downloadable reports (docs/domain.md §6) in the languages questionnaires are written in.
// A report follows its questionnaire's language unless the caller asks for another (?lang=).

export const REPORT_LANGUAGES = ['es', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/** The requested language when given, else the questionnaire's, else Spanish (the platform's first market). */
export function resolveReportLanguage(requested: string | undefined, questionnaireLanguage: string | undefined): ReportLanguage {
  for (const candidate of [requested, questionnaireLanguage]) {
    const base = candidate?.toLowerCase().split(/[-_]/)[0];
    if (base && (REPORT_LANGUAGES as readonly string[]).includes(base)) return base as ReportLanguage;
  }
  return 'es';
}

/** The executive summary's opening sentence, from already formatted figures. */
export interface Headline {
  overall: string;
  n: string;
  target?: string;
  met?: boolean;
  /** The absolute change against the previous wave, formatted; absent without a previous wave. */
  change?: string;
  direction?: 'up' | 'down' | 'flat';
  significant?: boolean | null;
}

export interface ReportLabels {
  locale: string;
  reportTitle: string;
  reportSubtitle: string;
  client: string;
  campaign: string;
  questionnaire: string;
  period: string;
  visits: string;
  generatedOn: string;
  filtersApplied: string;
  includesUnapproved: string;
  page: (current: number, total: number) => string;
  confidential: string;
  fileNameFallback: string;
  narrative: string;

  executiveSummary: string;
  headline: (parts: Headline) => string;
  overallScore: string;
  ci95: string;
  target: string;
  targetMet: string;
  targetNotMet: string;
  noTarget: string;
  vsPreviousWave: string;
  previousWave: string;
  currentWave: string;
  change: string;
  significant: string;
  significance: string;
  notSignificant: string;
  notEnoughData: string;
  noPreviousWave: string;
  pValue: string;
  points: string;
  topStrengths: string;
  topPriorities: string;
  noData: string;
  noVisits: string;
  knockoutRate: string;
  fcr: string;
  consistencyIndex: string;
  consistencyNeedsTwoChannels: string;
  spread: string;
  targets: string;
  kpi: string;
  actual: string;
  met: string;
  yes: string;
  no: string;

  charts: string;
  scoresBySection: string;
  scoresByChannel: string;
  scoresByRegion: string;
  trendBySection: string;
  scoreDistribution: string;
  visitsAxis: string;
  scoreAxis: string;

  section: string;
  sections: string;
  weight: string;
  dimension: string;
  dimensions: string;
  channel: string;
  channels: string;
  region: string;
  regions: string;
  city: string;
  touchpoint: string;
  touchpoints: string;
  scenario: string;
  score: string;
  mean: string;
  n: string;
  rank: string;

  timingAndFcr: string;
  metric: string;
  median: string;
  p90: string;
  sla: string;
  slaCompliance: string;
  waitTime: string;
  responseTime: string;
  fcrRate: string;

  ranking: string;
  questionCompliance: string;
  question: string;
  questionKey: string;
  compliance: string;
  answerDistribution: string;

  comments: string;
  positive: string;
  negative: string;
  topTerms: string;
  term: string;
  count: string;
  failedQuestionVerbatims: string;
  noComments: string;
  sentiment: string;
  comment: string;

  // Qualitative analysis (docs/kpis.md "Qualitative analysis")
  qualitative: string;
  qualitativeIntro: (visits: number, ofVisits: number) => string;
  theme: string;
  themes: string;
  mentions: string;
  tone: string;
  trend: string;
  scoreLink: string;
  scoreLinkNote: string;
  mentionCount: string;
  scoreWhenCriticised: string;
  scoreOthers: string;
  neutral: string;
  polarity: string;
  noThemes: string;
  themeVerbatims: string;
  allCommentsInExcel: string;
  pointsAbbr: string;
  mentionedBy: (share: string, count: number) => string;

  recommendations: string;
  impact: string;
  recommendation: string;
  noRecommendations: string;

  methodNote: string;
  methodParagraphs: (model: { n: number; ci: string | null }) => string[];

  // Excel
  summary: string;
  timing: string;
  questions: string;
  field: string;
  value: string;
  visit: string;
  visitId: string;
  rowNumber: string;
  date: string;
  status: string;
  knockout: string;
  waitSeconds: string;
  responseSeconds: string;
  answerSuffix: string;
  pointsSuffix: string;
  seconds: string;
  from: string;
  to: string;
  questionType: string;
  sectionScoreSuffix: string;
  notApplicable: string;
  kind: string;
  kindComment: string;
  kindVerbatim: string;
  ciLow: string;
  ciHigh: string;
  sheetNames: {
    summary: string;
    sections: string;
    dimensions: string;
    channels: string;
    regions: string;
    touchpoints: string;
    questions: string;
    timing: string;
    visits: string;
    themes: string;
    comments: string;
  };

  channelNames: Record<string, string>;
  dimensionNames: Record<string, string>;
  kpiNames: Record<string, string>;
  statusNames: Record<string, string>;
}

const es: ReportLabels = {
  locale: 'es-ES',
  reportTitle: 'Informe de cliente incógnito',
  reportSubtitle: 'Evaluación de la calidad del servicio',
  client: 'Cliente',
  campaign: 'Campaña',
  questionnaire: 'Cuestionario',
  period: 'Periodo',
  visits: 'Visitas',
  generatedOn: 'Generado el',
  filtersApplied: 'Filtros aplicados',
  includesUnapproved: 'Incluye visitas aún no aprobadas (vista previa interna)',
  page: (current, total) => `Página ${current} de ${total}`,
  confidential: 'Confidencial',
  fileNameFallback: 'informe',
  narrative: 'Relato de la visita',

  executiveSummary: 'Resumen ejecutivo',
  headline: ({ overall, n, target, met, change, direction, significant }) => {
    let text = `La puntuación global es de ${overall} sobre 100 (${n} ${n === '1' ? 'visita' : 'visitas'})`;
    if (target !== undefined) text += met ? `, alcanza el objetivo de ${target}` : `, por debajo del objetivo de ${target}`;
    if (change !== undefined) {
      text +=
        direction === 'flat'
          ? ', igual que en la oleada anterior'
          : `, ${change} ${change === '1,0' ? 'punto' : 'puntos'} ${direction === 'up' ? 'más' : 'menos'} que en la oleada anterior`;
      if (significant === true) text += ' (diferencia estadísticamente significativa)';
      else if (significant === false) text += ' (diferencia no significativa)';
    }
    return `${text}.`;
  },
  overallScore: 'Puntuación global',
  ci95: 'IC 95 %',
  target: 'Objetivo',
  targetMet: 'Objetivo cumplido',
  targetNotMet: 'Objetivo no alcanzado',
  noTarget: 'Sin objetivo definido',
  vsPreviousWave: 'Frente a la oleada anterior',
  previousWave: 'Oleada anterior',
  currentWave: 'Oleada actual',
  change: 'Variación',
  significant: 'significativa',
  significance: 'Significación',
  notSignificant: 'no significativa',
  notEnoughData: 'datos insuficientes',
  noPreviousWave: 'Sin oleada anterior con la que comparar',
  pValue: 'p',
  points: 'puntos',
  topStrengths: 'Principales fortalezas',
  topPriorities: 'Prioridades de mejora',
  noData: 'Sin datos',
  noVisits: 'Todavía no hay visitas que cumplan los criterios de este informe.',
  knockoutRate: 'Tasa de knockout',
  fcr: 'Resolución en el primer contacto',
  consistencyIndex: 'Índice de consistencia',
  consistencyNeedsTwoChannels: 'La consistencia entre canales se mide con dos canales o más',
  spread: 'Dispersión',
  targets: 'Objetivos',
  kpi: 'Indicador',
  actual: 'Resultado',
  met: 'Cumplido',
  yes: 'Sí',
  no: 'No',

  charts: 'Resultados en gráficos',
  scoresBySection: 'Puntuación por sección',
  scoresByChannel: 'Puntuación por canal',
  scoresByRegion: 'Puntuación por región',
  trendBySection: 'Evolución por sección',
  scoreDistribution: 'Distribución de las puntuaciones',
  visitsAxis: 'Visitas',
  scoreAxis: 'Puntuación',

  section: 'Sección',
  sections: 'Secciones',
  weight: 'Peso',
  dimension: 'Dimensión',
  dimensions: 'Dimensiones',
  channel: 'Canal',
  channels: 'Canales',
  region: 'Región',
  regions: 'Regiones',
  city: 'Ciudad',
  touchpoint: 'Punto de contacto',
  touchpoints: 'Puntos de contacto',
  scenario: 'Escenario',
  score: 'Puntuación',
  mean: 'Media',
  n: 'n',
  rank: 'Pos.',

  timingAndFcr: 'Tiempos de atención y resolución',
  metric: 'Indicador',
  median: 'Mediana',
  p90: 'Percentil 90',
  sla: 'Objetivo (SLA)',
  slaCompliance: 'Cumplimiento SLA',
  waitTime: 'Tiempo de espera',
  responseTime: 'Tiempo de respuesta',
  fcrRate: 'Tasa de resolución',

  ranking: 'Ranking de puntos de contacto',
  questionCompliance: 'Cumplimiento por pregunta',
  question: 'Pregunta',
  questionKey: 'Clave',
  compliance: 'Cumplimiento',
  answerDistribution: 'Respuestas',

  comments: 'Comentarios y verbatims',
  positive: 'Positivo',
  negative: 'Negativo',
  topTerms: 'Términos más frecuentes',
  term: 'Término',
  count: 'Frecuencia',
  failedQuestionVerbatims: 'Verbatims de las preguntas no cumplidas',
  noComments: 'No hay comentarios en las visitas de este informe.',
  sentiment: 'Valoración',
  comment: 'Comentario',

  qualitative: 'Análisis cualitativo',
  qualitativeIntro: (visits, ofVisits) =>
    `De qué hablan los comentarios y las narrativas de ${visits === ofVisits ? `las ${visits} visitas` : `las ${visits} visitas más recientes de ${ofVisits}`}: cada tema con la parte de visitas que lo menciona, el tono de lo que se dice (por sus palabras) y su evolución frente a la oleada anterior.`,
  theme: 'Tema',
  themes: 'Temas',
  mentions: 'Visitas que lo mencionan',
  tone: 'Tono (positivo · neutro · negativo)',
  trend: 'Frente a la oleada anterior',
  scoreLink: 'Puntuación si se critica / resto',
  mentionCount: 'Menciones',
  scoreWhenCriticised: 'Puntuación media de las visitas que lo critican',
  scoreOthers: 'Puntuación media del resto',
  scoreLinkNote:
    'La puntuación compara la media de las visitas que hablan mal del tema con la del resto. Tendencia: diferencia en puntos de la parte de visitas que lo mencionan; * = significativa (prueba de dos proporciones, p < 0,05).',
  neutral: 'Neutro',
  polarity: 'Tono del texto',
  noThemes: 'El cuestionario no define temas: solo se muestran los términos más frecuentes.',
  themeVerbatims: 'Lo que dicen: verbatims representativos',
  allCommentsInExcel: 'Todos los comentarios, con sus temas y su tono, están en el libro Excel del informe.',
  pointsAbbr: 'pts',
  mentionedBy: (share, count) => `${share} (${count})`,

  recommendations: 'Recomendaciones',
  impact: 'Impacto',
  recommendation: 'Recomendación',
  noRecommendations: 'No hay preguntas con margen de mejora.',

  methodNote: 'Nota metodológica',
  methodParagraphs: ({ n, ci }) => [
    `Base: ${n} ${n === 1 ? 'visita' : 'visitas'} de cliente incógnito${ci ? `; la puntuación global tiene un intervalo de confianza del 95 % de ${ci} (distribución t de Student)` : '; con menos de dos visitas no puede estimarse un intervalo de confianza'}. Solo cuentan las visitas aprobadas por el equipo de revisión.`,
    'Cada pregunta puntuable aporta puntos según su tipo: sí/no obtiene todos sus puntos cuando la respuesta es la esperada; las escalas, de forma proporcional a la posición de la respuesta; las preguntas de opción suman los puntos de las opciones elegidas, con el máximo de la pregunta como tope; los tiempos obtienen la fracción del primer umbral que cumplen. Solo cuentan las preguntas visibles y aplicables al canal, no respondidas como «no aplica».',
    'La puntuación de una sección es 100 × puntos obtenidos / puntos posibles; la de la visita, la media de sus secciones ponderada por su peso. Una pregunta crítica no cumplida deja a cero su sección o la visita completa (knockout). Las puntuaciones de sección, dimensión, canal, región y punto de contacto son medias de las visitas.',
    'Cumplimiento de una pregunta: porcentaje de las visitas en que cuenta y obtiene todos sus puntos. Impacto de una recomendación: (1 - cumplimiento) × peso de la pregunta en los puntos posibles. Índice de consistencia entre canales: 100 × (1 - desviación típica / media) de las medias de canal, contando cada canal una vez (100 = la misma calidad en todos los canales). La variación frente a la oleada anterior se contrasta con la prueba t de Welch (significativa si p < 0,05). Las cifras se redondean a un decimal solo al mostrarlas.',
  ],

  summary: 'Resumen',
  timing: 'Tiempos',
  questions: 'Preguntas',
  field: 'Concepto',
  value: 'Valor',
  visit: 'Visita',
  visitId: 'Id. de visita',
  rowNumber: 'N.º',
  date: 'Fecha (UTC)',
  status: 'Estado',
  knockout: 'Knockout',
  waitSeconds: 'Espera (s)',
  responseSeconds: 'Respuesta (s)',
  answerSuffix: 'respuesta',
  pointsSuffix: 'puntos',
  seconds: 's',
  from: 'Desde',
  to: 'Hasta',
  questionType: 'Tipo',
  sectionScoreSuffix: 'puntuación',
  notApplicable: 'No aplica',
  kind: 'Tipo',
  kindComment: 'Comentario',
  kindVerbatim: 'Verbatim (pregunta no cumplida)',
  ciLow: 'IC 95 % inferior',
  ciHigh: 'IC 95 % superior',
  sheetNames: {
    summary: 'Resumen',
    sections: 'Secciones',
    dimensions: 'Dimensiones',
    channels: 'Canales',
    regions: 'Regiones',
    touchpoints: 'Puntos de contacto',
    questions: 'Preguntas',
    timing: 'Tiempos',
    visits: 'Visitas',
    themes: 'Temas',
    comments: 'Comentarios',
  },

  channelNames: {
    in_person: 'Presencial',
    phone: 'Teléfono',
    email: 'Correo electrónico',
    web_chat: 'Chat web',
    whatsapp: 'WhatsApp',
    facebook: 'Facebook',
    twitter: 'Twitter / X',
    instagram: 'Instagram',
    app: 'App',
  },
  dimensionNames: {
    speed: 'Rapidez',
    protocol: 'Protocolo',
    empathy: 'Empatía',
    knowledge: 'Conocimiento',
    resolution: 'Resolución',
    data_security: 'Protección de datos',
    writing: 'Redacción',
    appearance: 'Imagen',
    sales: 'Venta',
  },
  kpiNames: {
    overall: 'Puntuación global',
    fcr: 'Resolución en el primer contacto',
  },
  statusNames: {
    approved: 'Aprobada',
    submitted: 'Enviada',
    returned: 'Devuelta',
  },
};

const en: ReportLabels = {
  locale: 'en-GB',
  reportTitle: 'Mystery shopping report',
  reportSubtitle: 'Service quality assessment',
  client: 'Client',
  campaign: 'Campaign',
  questionnaire: 'Questionnaire',
  period: 'Period',
  visits: 'Visits',
  generatedOn: 'Generated on',
  filtersApplied: 'Filters applied',
  includesUnapproved: 'Includes visits not yet approved (internal preview)',
  page: (current, total) => `Page ${current} of ${total}`,
  confidential: 'Confidential',
  fileNameFallback: 'report',
  narrative: 'Visit narrative',

  executiveSummary: 'Executive summary',
  headline: ({ overall, n, target, met, change, direction, significant }) => {
    let text = `The overall score is ${overall} out of 100 (${n} ${n === '1' ? 'visit' : 'visits'})`;
    if (target !== undefined) text += met ? `, meeting the target of ${target}` : `, below the target of ${target}`;
    if (change !== undefined) {
      text +=
        direction === 'flat'
          ? ', level with the previous wave'
          : `, ${change} ${change === '1.0' ? 'point' : 'points'} ${direction === 'up' ? 'above' : 'below'} the previous wave`;
      if (significant === true) text += ' (a statistically significant change)';
      else if (significant === false) text += ' (not a significant change)';
    }
    return `${text}.`;
  },
  overallScore: 'Overall score',
  ci95: '95% CI',
  target: 'Target',
  targetMet: 'Target met',
  targetNotMet: 'Target not met',
  noTarget: 'No target set',
  vsPreviousWave: 'Against the previous wave',
  previousWave: 'Previous wave',
  currentWave: 'Current wave',
  change: 'Change',
  significant: 'significant',
  significance: 'Significance',
  notSignificant: 'not significant',
  notEnoughData: 'not enough data',
  noPreviousWave: 'No previous wave to compare with',
  pValue: 'p',
  points: 'points',
  topStrengths: 'Top strengths',
  topPriorities: 'Improvement priorities',
  noData: 'No data',
  noVisits: 'There are no visits matching this report yet.',
  knockoutRate: 'Knockout rate',
  fcr: 'First-contact resolution',
  consistencyIndex: 'Consistency index',
  consistencyNeedsTwoChannels: 'Cross-channel consistency needs two channels or more',
  spread: 'Spread',
  targets: 'Targets',
  kpi: 'KPI',
  actual: 'Actual',
  met: 'Met',
  yes: 'Yes',
  no: 'No',

  charts: 'Results in charts',
  scoresBySection: 'Score by section',
  scoresByChannel: 'Score by channel',
  scoresByRegion: 'Score by region',
  trendBySection: 'Trend by section',
  scoreDistribution: 'Score distribution',
  visitsAxis: 'Visits',
  scoreAxis: 'Score',

  section: 'Section',
  sections: 'Sections',
  weight: 'Weight',
  dimension: 'Dimension',
  dimensions: 'Dimensions',
  channel: 'Channel',
  channels: 'Channels',
  region: 'Region',
  regions: 'Regions',
  city: 'City',
  touchpoint: 'Touchpoint',
  touchpoints: 'Touchpoints',
  scenario: 'Scenario',
  score: 'Score',
  mean: 'Mean',
  n: 'n',
  rank: '#',

  timingAndFcr: 'Service times and resolution',
  metric: 'Metric',
  median: 'Median',
  p90: '90th percentile',
  sla: 'Target (SLA)',
  slaCompliance: 'SLA compliance',
  waitTime: 'Wait time',
  responseTime: 'Response time',
  fcrRate: 'Resolution rate',

  ranking: 'Touchpoint ranking',
  questionCompliance: 'Compliance by question',
  question: 'Question',
  questionKey: 'Key',
  compliance: 'Compliance',
  answerDistribution: 'Answers',

  comments: 'Comments and verbatims',
  positive: 'Positive',
  negative: 'Negative',
  topTerms: 'Most frequent terms',
  term: 'Term',
  count: 'Count',
  failedQuestionVerbatims: 'Verbatims of failed questions',
  noComments: 'There are no comments in this report’s visits.',
  sentiment: 'Sentiment',
  comment: 'Comment',

  qualitative: 'Qualitative analysis',
  qualitativeIntro: (visits, ofVisits) =>
    `What the comments and narratives of ${visits === ofVisits ? `the ${visits} visits` : `the ${visits} most recent of ${ofVisits} visits`} talk about: each theme with the share of visits that mention it, the tone of what is said (from the words) and its change against the previous wave.`,
  theme: 'Theme',
  themes: 'Themes',
  mentions: 'Visits mentioning it',
  tone: 'Tone (positive · neutral · negative)',
  trend: 'Against the previous wave',
  scoreLink: 'Score when criticised / others',
  mentionCount: 'Mentions',
  scoreWhenCriticised: 'Mean score of the visits criticising it',
  scoreOthers: 'Mean score of the others',
  scoreLinkNote:
    'The score compares the mean of the visits that speak badly of the theme with the others’. Trend: change in points of the share of visits mentioning it; * = significant (two-proportion test, p < 0.05).',
  neutral: 'Neutral',
  polarity: 'Tone of the text',
  noThemes: 'The questionnaire defines no themes: only the most frequent terms are shown.',
  themeVerbatims: 'What they say: representative verbatims',
  allCommentsInExcel: 'Every comment, with its themes and tone, is in the report’s Excel workbook.',
  pointsAbbr: 'pts',
  mentionedBy: (share, count) => `${share} (${count})`,

  recommendations: 'Recommendations',
  impact: 'Impact',
  recommendation: 'Recommendation',
  noRecommendations: 'No question leaves room for improvement.',

  methodNote: 'Method note',
  methodParagraphs: ({ n, ci }) => [
    `Base: ${n} mystery-shopping ${n === 1 ? 'visit' : 'visits'}${ci ? `; the overall score has a 95% confidence interval of ${ci} (Student’s t distribution)` : '; with fewer than two visits no confidence interval can be estimated'}. Only visits approved by the review team count.`,
    'Each scored question earns points by its type: yes/no earns all its points when the answer is the expected one; scales earn in proportion to the answer’s position; choice questions add up the chosen options’ points, capped at the question’s maximum; times earn the fraction of the first threshold they meet. Only questions that are visible and apply to the channel, and were not answered “not applicable”, count.',
    'A section’s score is 100 × points earned / points possible; a visit’s, the mean of its sections weighted by their weight. A failed critical question sets its section or the whole visit to zero (knockout). Section, dimension, channel, region and touchpoint scores are means over visits.',
    'A question’s compliance is the share of the visits where it counts and earns all its points. A recommendation’s impact is (1 - compliance) × the question’s share of the possible points. The cross-channel consistency index is 100 × (1 - standard deviation / mean) of the channel means, each channel counted once (100 = the same quality on every channel). The change against the previous wave is tested with Welch’s t-test (significant when p < 0.05). Figures are rounded to one decimal only for display.',
  ],

  summary: 'Summary',
  timing: 'Timing',
  questions: 'Questions',
  field: 'Item',
  value: 'Value',
  visit: 'Visit',
  visitId: 'Visit id',
  rowNumber: 'No.',
  date: 'Date (UTC)',
  status: 'Status',
  knockout: 'Knockout',
  waitSeconds: 'Wait (s)',
  responseSeconds: 'Response (s)',
  answerSuffix: 'answer',
  pointsSuffix: 'points',
  seconds: 's',
  from: 'From',
  to: 'To',
  questionType: 'Type',
  sectionScoreSuffix: 'score',
  notApplicable: 'N/A',
  kind: 'Kind',
  kindComment: 'Comment',
  kindVerbatim: 'Verbatim (failed question)',
  ciLow: '95% CI low',
  ciHigh: '95% CI high',
  sheetNames: {
    summary: 'Summary',
    sections: 'Sections',
    dimensions: 'Dimensions',
    channels: 'Channels',
    regions: 'Regions',
    touchpoints: 'Touchpoints',
    questions: 'Questions',
    timing: 'Timing',
    visits: 'Visits',
    themes: 'Themes',
    comments: 'Comments',
  },

  channelNames: {
    in_person: 'In person',
    phone: 'Phone',
    email: 'Email',
    web_chat: 'Web chat',
    whatsapp: 'WhatsApp',
    facebook: 'Facebook',
    twitter: 'Twitter / X',
    instagram: 'Instagram',
    app: 'App',
  },
  dimensionNames: {
    speed: 'Speed',
    protocol: 'Protocol',
    empathy: 'Empathy',
    knowledge: 'Knowledge',
    resolution: 'Resolution',
    data_security: 'Data protection',
    writing: 'Writing',
    appearance: 'Appearance',
    sales: 'Sales',
  },
  kpiNames: {
    overall: 'Overall score',
    fcr: 'First-contact resolution',
  },
  statusNames: {
    approved: 'Approved',
    submitted: 'Submitted',
    returned: 'Returned',
  },
};

const LABELS: Record<ReportLanguage, ReportLabels> = { es, en };

export function labelsFor(language: ReportLanguage): ReportLabels {
  return LABELS[language];
}

/** A channel's name in the report's language; an unknown one as stored. */
export function channelName(labels: ReportLabels, channel: string): string {
  return labels.channelNames[channel] ?? channel;
}

/** A dimension's name in the report's language; a custom one with its underscores as spaces. */
export function dimensionName(labels: ReportLabels, dimension: string): string {
  return labels.dimensionNames[dimension] ?? dimension.replace(/_/g, ' ');
}

/** A target's KPI name: overall, fcr, or a dimension key. */
export function kpiName(labels: ReportLabels, kpi: string): string {
  return labels.kpiNames[kpi] ?? dimensionName(labels, kpi);
}

/**
 * The title of a comment group: a section's title, or the visit narratives' group (the KPI model files
 * narratives under the key "narrative", which is no section); an unknown key as it is.
 */
export function commentGroupTitle(labels: ReportLabels, sectionTitles: ReadonlyMap<string, string>, key: string): string {
  return sectionTitles.get(key) ?? (key === NARRATIVE_GROUP ? labels.narrative : key);
}

/** KpisService's NARRATIVE_SECTION_KEY, repeated here so this file stays free of Nest imports. */
export const NARRATIVE_GROUP = 'narrative';
