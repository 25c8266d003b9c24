// The words of the omnichannel report (PDF and workbook of a program wave), in the report languages.
// Channel and dimension names come from the campaign report's dictionary (../i18n.ts).
import { dimensionName, ReportLabels, ReportLanguage } from '../i18n';

export interface ConsistencyHeadline {
  index: string;
  spread: string;
  best: string;
  bestMean: string;
  weakest: string;
  weakestMean: string;
  /** Whether Welch's ANOVA finds the channel means different; null when it could not run. */
  differ: boolean | null;
}

export interface ProgramLabels {
  reportTitle: string;
  reportSubtitle: string;
  fileNameFallback: string;
  program: string;
  wave: string;
  previousWave: string;
  campaigns: string;
  channelsCovered: string;
  headline: (parts: ConsistencyHeadline) => string;
  needsTwoChannels: string;
  consistencyIndex: string;
  spread: string;
  channelsDiffer: string;
  channelsDoNotDiffer: string;
  consistencyChange: string;
  channelScores: string;
  channelScoresCaption: string;
  heatmapTitle: string;
  heatmapCaption: string;
  measuresTitle: string;
  measure: string;
  kind: Record<'custom' | 'question' | 'dimension', string>;
  weakestChannel: string;
  test: string;
  testNames: Record<'chi_square' | 'welch_anova' | 'two_proportion_z' | 'welch_t', string>;
  notMeasured: string;
  channelPages: string;
  channelPage: (channel: string) => string;
  rank: string;
  share: string;
  gapToBest: string;
  best: string;
  value: string;
  prioritiesTitle: string;
  prioritiesCaption: string;
  noPriorities: string;
  gap: string;
  impact: string;
  actionsTitle: string;
  actionsCaption: string;
  noActions: string;
  plannedTitle: string;
  owner: string;
  dueOn: string;
  state: string;
  states: Record<'open' | 'in_progress' | 'done' | 'cancelled', string>;
  target: string;
  allChannels: string;
  touchpoints: (count: number) => string;
  before: string;
  after: string;
  trendTitle: string;
  campaignsTitle: string;
  questionnaire: string;
  methodTitle: string;
  method: string[];
  sheetNames: {
    summary: string;
    channels: string;
    campaigns: string;
    heatmap: string;
    measures: string;
    priorities: string;
    actions: string;
    timing: string;
  };
  compliancePerChannel: (channel: string) => string;
  nPerChannel: (channel: string) => string;
  kindColumn: string;
  key: string;
}

const ES: ProgramLabels = {
  reportTitle: 'Informe omnicanal',
  reportSubtitle: '¿Recibe el cliente el mismo servicio en cada canal? Consistencia, brechas y plan de acción',
  fileNameFallback: 'informe-omnicanal',
  program: 'Programa',
  wave: 'Oleada',
  previousWave: 'Oleada anterior',
  campaigns: 'Campañas',
  channelsCovered: 'Canales',
  headline: (p) =>
    `Índice de consistencia ${p.index} sobre 100: la puntuación media varía ${p.spread} puntos entre canales, ` +
    `de ${p.best} (${p.bestMean}) a ${p.weakest} (${p.weakestMean}). ` +
    (p.differ === null
      ? 'No hay visitas suficientes para contrastar si los canales difieren.'
      : p.differ
        ? 'La diferencia entre canales es estadísticamente significativa.'
        : 'La diferencia entre canales no es estadísticamente significativa.'),
  needsTwoChannels: 'La consistencia necesita al menos dos canales con visitas.',
  consistencyIndex: 'Índice de consistencia',
  spread: 'Dispersión',
  channelsDiffer: 'Los canales difieren',
  channelsDoNotDiffer: 'Sin diferencia significativa',
  consistencyChange: 'Consistencia frente a la oleada anterior',
  channelScores: 'Puntuación por canal',
  channelScoresCaption: 'Media de las visitas de cada canal; la línea es la media de los canales (μ del índice).',
  heatmapTitle: 'Cumplimiento por medida y canal',
  heatmapCaption:
    'Porcentaje de visitas en que se cumplió cada medida común (dimensiones: puntuación media). Una celda gris indica que el cuestionario de ese canal no incluye la medida: no cuenta como 0.',
  measuresTitle: 'Consistencia por medida',
  measure: 'Medida',
  kind: { custom: 'Definida', question: 'Pregunta común', dimension: 'Dimensión' },
  weakestChannel: 'Canal más débil',
  test: 'Contraste',
  testNames: { chi_square: 'Chi-cuadrado', welch_anova: 'ANOVA de Welch', two_proportion_z: 'Dos proporciones', welch_t: 't de Welch' },
  notMeasured: 'no se mide',
  channelPages: 'Canales',
  channelPage: (channel) => `Canal: ${channel}`,
  rank: 'Posición',
  share: 'Peso en visitas',
  gapToBest: 'Brecha con el mejor',
  best: 'Mejor canal',
  value: 'Valor',
  prioritiesTitle: 'Prioridades del programa',
  prioritiesCaption: 'Impacto = brecha con el mejor canal de la medida (puntos) × peso del canal en las visitas de la oleada.',
  noPriorities: 'Ninguna medida muestra brechas entre canales.',
  gap: 'Brecha',
  impact: 'Impacto',
  actionsTitle: 'Resultados del plan de acción',
  actionsCaption: 'Acciones acordadas tras la oleada anterior, medidas antes → después exactamente en lo que abordaban (p < 0,05).',
  noActions: 'No había acciones acordadas tras la oleada anterior.',
  plannedTitle: 'Plan de acción para la próxima oleada',
  owner: 'Responsable',
  dueOn: 'Fecha límite',
  state: 'Estado',
  states: { open: 'Abierta', in_progress: 'En curso', done: 'Hecha', cancelled: 'Cancelada' },
  target: 'Alcance',
  allChannels: 'Todos los canales',
  touchpoints: (count) => `${count} punto${count === 1 ? '' : 's'} de contacto`,
  before: 'Antes',
  after: 'Después',
  trendTitle: 'Evolución frente a la oleada anterior',
  campaignsTitle: 'Campañas de la oleada',
  questionnaire: 'Cuestionario',
  methodTitle: 'Nota metodológica',
  method: [
    'Las visitas de la oleada son las de sus campañas; el cliente ve solo visitas aprobadas. La media de un canal reúne todas sus visitas, vengan de la campaña que vengan.',
    'Índice de consistencia = 100 × (1 − σ/μ) sobre las medias de los canales (cada canal cuenta una vez); necesita dos canales. Dispersión = mejor − peor canal.',
    'Una medida es una pregunta que comparten dos o más cuestionarios de la oleada (o un grupo de preguntas definido por la consultora) o una dimensión. Su cumplimiento en un canal es el % de visitas en que la pregunta aplicaba y se respondió (no N/A) y se cumplió; un canal cuyo cuestionario no la incluye no tiene valor.',
    '¿Difieren los canales? Medidas de cumplimiento: chi-cuadrado de independencia sobre cumplidas/no cumplidas por canal. Puntuaciones (media por canal, dimensiones): ANOVA de Welch, que no supone varianzas iguales. Evolución: t de Welch (puntuaciones) y prueba de dos proporciones (cumplimiento), p < 0,05.',
  ],
  sheetNames: {
    summary: 'Resumen',
    channels: 'Canales',
    campaigns: 'Campañas',
    heatmap: 'Mapa de calor',
    measures: 'Medidas',
    priorities: 'Prioridades',
    actions: 'Plan de acción',
    timing: 'Tiempos',
  },
  compliancePerChannel: (channel) => `${channel} (%)`,
  nPerChannel: (channel) => `${channel} (n)`,
  kindColumn: 'Tipo',
  key: 'Clave',
};

const EN: ProgramLabels = {
  reportTitle: 'Omnichannel report',
  reportSubtitle: 'Does the customer get the same service on every channel? Consistency, gaps and the action plan',
  fileNameFallback: 'omnichannel-report',
  program: 'Program',
  wave: 'Wave',
  previousWave: 'Previous wave',
  campaigns: 'Campaigns',
  channelsCovered: 'Channels',
  headline: (p) =>
    `Consistency index ${p.index} out of 100: the mean score varies ${p.spread} points across channels, ` +
    `from ${p.best} (${p.bestMean}) to ${p.weakest} (${p.weakestMean}). ` +
    (p.differ === null
      ? 'There are too few visits to test whether the channels differ.'
      : p.differ
        ? 'The difference between channels is statistically significant.'
        : 'The difference between channels is not statistically significant.'),
  needsTwoChannels: 'Consistency needs at least two channels with visits.',
  consistencyIndex: 'Consistency index',
  spread: 'Spread',
  channelsDiffer: 'Channels differ',
  channelsDoNotDiffer: 'No significant difference',
  consistencyChange: 'Consistency against the previous wave',
  channelScores: 'Score by channel',
  channelScoresCaption: 'Mean visit score of each channel; the line is the mean of the channels (the index’s μ).',
  heatmapTitle: 'Compliance by measure and channel',
  heatmapCaption:
    'Share of visits where each common measure was met (dimensions: mean score). A grey cell means the channel’s questionnaire does not ask it: it never counts as 0.',
  measuresTitle: 'Consistency by measure',
  measure: 'Measure',
  kind: { custom: 'Defined', question: 'Common question', dimension: 'Dimension' },
  weakestChannel: 'Weakest channel',
  test: 'Test',
  testNames: { chi_square: 'Chi-square', welch_anova: 'Welch’s ANOVA', two_proportion_z: 'Two proportions', welch_t: 'Welch’s t' },
  notMeasured: 'not measured',
  channelPages: 'Channels',
  channelPage: (channel) => `Channel: ${channel}`,
  rank: 'Rank',
  share: 'Share of visits',
  gapToBest: 'Gap to best',
  best: 'Best channel',
  value: 'Value',
  prioritiesTitle: 'Program priorities',
  prioritiesCaption: 'Impact = gap to the measure’s best channel (points) × the channel’s share of the wave’s visits.',
  noPriorities: 'No measure shows gaps between channels.',
  gap: 'Gap',
  impact: 'Impact',
  actionsTitle: 'Action plan results',
  actionsCaption: 'Actions agreed after the previous wave, measured before → after on exactly what they targeted (p < 0.05).',
  noActions: 'No actions were agreed after the previous wave.',
  plannedTitle: 'Action plan for the next wave',
  owner: 'Owner',
  dueOn: 'Due',
  state: 'State',
  states: { open: 'Open', in_progress: 'In progress', done: 'Done', cancelled: 'Cancelled' },
  target: 'Targets',
  allChannels: 'All channels',
  touchpoints: (count) => `${count} touchpoint${count === 1 ? '' : 's'}`,
  before: 'Before',
  after: 'After',
  trendTitle: 'Change against the previous wave',
  campaignsTitle: 'Campaigns of the wave',
  questionnaire: 'Questionnaire',
  methodTitle: 'Method note',
  method: [
    'The wave’s visits are its campaigns’ visits; clients see approved visits only. A channel’s mean takes all its visits, whichever campaign they came from.',
    'Consistency index = 100 × (1 − σ/μ) over the channel means (each channel counts once); it needs two channels. Spread = best − worst channel.',
    'A measure is a question that two or more of the wave’s questionnaires share (or a group of questions the consultancy defined) or a dimension. Its compliance on a channel is the % of visits where the question applied, was answered (not N/A) and passed; a channel whose questionnaire lacks it has no value.',
    'Do the channels differ? Compliance measures: chi-square test of independence on passed/failed counts per channel. Scores (channel means, dimensions): Welch’s ANOVA, which does not assume equal variances. Change: Welch’s t (scores) and the two-proportion test (compliance), p < 0.05.',
  ],
  sheetNames: {
    summary: 'Summary',
    channels: 'Channels',
    campaigns: 'Campaigns',
    heatmap: 'Heatmap',
    measures: 'Measures',
    priorities: 'Priorities',
    actions: 'Action plan',
    timing: 'Timing',
  },
  compliancePerChannel: (channel) => `${channel} (%)`,
  nPerChannel: (channel) => `${channel} (n)`,
  kindColumn: 'Kind',
  key: 'Key',
};

export function programLabelsFor(language: ReportLanguage): ProgramLabels {
  return language === 'en' ? EN : ES;
}

/** A measure's name in the report's language: a dimension by its translated name, a question measure by its text. */
export function measureTitle(measure: { kind: string; key: string; title: string }, labels: ReportLabels): string {
  return measure.kind === 'dimension' ? dimensionName(labels, measure.key) : measure.title;
}
