// The words of the console's program pages, Spanish and English, merged into the console's dictionaries
// under `console.programs`, with the navigation's entry (the same way web/src/console/strings.ts registers the rest).
import i18next from 'i18next';

const en = {
  title: 'Programs',
  intro: 'An omnichannel program follows one client across channels: each wave joins campaigns of any channel and questionnaire.',
  empty: 'This client has no program yet.',
  name: 'Program name',
  measures: 'Own measures',
  created: 'Created',
  new: 'New program',
  create: 'Create the program',
  back: 'All programs of the client',
  setup: 'Name and measures',
  save: 'Save',
  saved: 'Saved.',
  measuresIntro:
    'Questions with the same key are compared across channels on their own. A measure of your own counts differently keyed questions (one per questionnaire) as one.',
  measureTitle: 'Measure {{n}}: title',
  measureKey: 'Measure {{n}}: key',
  keyHint: 'Letters, digits and underscores',
  measureQuestions: 'Measure {{n}}: questions it counts',
  removeMeasure: 'Remove measure {{n}}',
  addMeasure: 'Add a measure',
  waves: 'Waves',
  wavesIntro:
    'Each wave’s page shows what the client sees (figures, priorities, action plan, whose states you can change there) and its reports.',
  noWaves: 'No waves yet.',
  waveName: 'Wave name',
  campaigns: 'Campaigns',
  previous: 'Previous wave',
  noPrevious: 'None (the first wave)',
  results: 'Figures and reports',
  openWave: 'Figures and action plan of {{name}}',
  newWave: 'New wave',
  pickCampaigns: 'The client’s campaigns in this wave, by period',
  noCampaigns: 'This client has no campaigns yet.',
  createWave: 'Create the wave',
};

const es: typeof en = {
  title: 'Programas',
  intro: 'Un programa omnicanal sigue a un cliente en todos sus canales: cada oleada reúne campañas de cualquier canal y cuestionario.',
  empty: 'Este cliente todavía no tiene programas.',
  name: 'Nombre del programa',
  measures: 'Medidas propias',
  created: 'Creado',
  new: 'Nuevo programa',
  create: 'Crear el programa',
  back: 'Todos los programas del cliente',
  setup: 'Nombre y medidas',
  save: 'Guardar',
  saved: 'Guardado.',
  measuresIntro:
    'Las preguntas con la misma clave se comparan entre canales por sí solas. Una medida propia cuenta como una sola preguntas con claves distintas (una por cuestionario).',
  measureTitle: 'Medida {{n}}: título',
  measureKey: 'Medida {{n}}: clave',
  keyHint: 'Letras, cifras y guiones bajos',
  measureQuestions: 'Medida {{n}}: preguntas que cuenta',
  removeMeasure: 'Quitar la medida {{n}}',
  addMeasure: 'Añadir una medida',
  waves: 'Oleadas',
  wavesIntro:
    'La página de cada oleada muestra lo que ve el cliente (cifras, prioridades y plan de acción, cuyos estados se cambian allí) y sus informes.',
  noWaves: 'Todavía no hay oleadas.',
  waveName: 'Nombre de la oleada',
  campaigns: 'Campañas',
  previous: 'Oleada anterior',
  noPrevious: 'Ninguna (la primera oleada)',
  results: 'Cifras e informes',
  openWave: 'Cifras y plan de acción de {{name}}',
  newWave: 'Nueva oleada',
  pickCampaigns: 'Las campañas del cliente en esta oleada, por periodo',
  noCampaigns: 'Este cliente todavía no tiene campañas.',
  createWave: 'Crear la oleada',
};

function register(): void {
  i18next.addResourceBundle('en', 'translation', { console: { nav: { programs: 'Programs' }, programs: en } }, true, true);
  i18next.addResourceBundle('es', 'translation', { console: { nav: { programs: 'Programas' }, programs: es } }, true, true);
}

if (i18next.isInitialized) register();
else i18next.on('initialized', register);
