// The themes every ready-made questionnaire tags its comments with (docs/kpis.md "Qualitative analysis"):
// what customers and shoppers of a bank or telco talk about. Terms are matched on stems, so one form of a
// word finds its inflections ("esperar": esperé, esperando, espera); words whose stem would also catch
// something else are left out ("tardar" shares "tard" with "tarde", the afternoon; "llamar" would tag
// every phone call as follow-up; "información" and "informar" share "inform" and a bank scenario is
// often titled "Información sobre…").
import type { Language } from '../domain/definition';
import type { Localized } from './blueprint';
import { t } from './blueprint';

export interface ThemeBlueprint {
  key: string;
  label: Localized;
  terms: Readonly<Record<Language, string[]>>;
}

const theme = (key: string, label: Localized, es: string[], en: string[]): ThemeBlueprint => ({ key, label, terms: { es, en } });

export const WAITING = theme(
  'waiting',
  t('Espera', 'Waiting'),
  ['esperar', 'espera', 'cola', 'demora', 'retraso', 'turno', 'rápido', 'rapidez', 'agilidad', 'enseguida', 'lento', 'lentitud'],
  ['wait', 'queue', 'delay', 'quick', 'speed', 'prompt', 'slow', 'on hold'],
);

export const COURTESY = theme(
  'courtesy',
  t('Amabilidad y trato', 'Courtesy'),
  [
    'amable',
    'amabilidad',
    'trato',
    'educado',
    'cordial',
    'simpático',
    'sonrisa',
    'saludar',
    'grosero',
    'borde',
    'antipático',
    'desagradable',
    'empatía',
    'cercano',
    'desgana',
    'seco',
  ],
  ['friendly', 'polite', 'courteous', 'rude', 'greet', 'smile', 'manner', 'empathy', 'kind', 'unpleasant'],
);

export const KNOWLEDGE = theme(
  'knowledge',
  t('Conocimiento', 'Knowledge'),
  ['saber', 'supo', 'conocer', 'conocimiento', 'incorrecto', 'erróneo', 'formación', 'preparado', 'asesorar', 'recomendar'],
  ['know', 'knew', 'knowledge', 'incorrect', 'wrong information', 'misinformed', 'trained', 'expert', 'advise', 'recommend'],
);

export const RESOLUTION = theme(
  'resolution',
  t('Resolución', 'Resolution'),
  [
    'resolver',
    'resuelto',
    'resolutivo',
    'solución',
    'solucionar',
    'incidencia',
    'avería',
    'reclamación',
    'problema',
    'gestionar',
    'gestión',
  ],
  ['resolve', 'resolved', 'solve', 'solution', 'fix', 'issue', 'complaint', 'problem', 'sorted'],
);

export const CLARITY = theme(
  'clarity',
  t('Claridad', 'Clarity'),
  ['claro', 'claridad', 'explicar', 'explicación', 'entender', 'confuso', 'sencillo', 'contradictorio'],
  ['clear', 'clarity', 'explain', 'explanation', 'understand', 'confusing', 'simple', 'jargon'],
);

export const FOLLOW_UP = theme(
  'follow_up',
  t('Seguimiento', 'Follow-up'),
  [
    'seguimiento',
    'devolver la llamada',
    'volver a llamar',
    'volver a contactar',
    'próximos pasos',
    'avisar',
    'confirmación',
    'número de referencia',
  ],
  ['follow up', 'follow-up', 'call back', 'get back', 'next steps', 'deadline', 'reference number', 'confirmation'],
);

export const DATA_PROTECTION = theme(
  'data_protection',
  t('Protección de datos', 'Data protection'),
  [
    'DNI',
    'identificar',
    'identificación',
    'datos personales',
    'datos de otro cliente',
    'pantalla',
    'privacidad',
    'contraseña',
    'confidencial',
    'verificar',
    'a la vista',
  ],
  [
    'identification',
    'identity',
    'verify',
    'personal data',
    'another customer',
    'screen',
    'privacy',
    'password',
    'confidential',
    'security questions',
  ],
);

export const PREMISES = theme(
  'premises',
  t('Instalaciones', 'Premises'),
  [
    'instalaciones',
    'limpio',
    'limpieza',
    'sucio',
    'ordenado',
    'desordenado',
    'sillas',
    'cajero',
    'ruido',
    'calor',
    'accesibilidad',
    'señalización',
    'folletos',
    'local',
  ],
  ['premises', 'clean', 'dirty', 'tidy', 'messy', 'seats', 'cash machine', 'noise', 'signage', 'accessible', 'leaflets'],
);

export const CHANNEL = theme(
  'channel',
  t('Funcionamiento del canal', 'The channel itself'),
  ['chatbot', 'se cortó', 'cortar', 'colgar', 'transferir', 'locución', 'menú de opciones', 'caída', 'desconectar', 'respuesta automática'],
  ['chatbot', 'cut off', 'dropped', 'hung up', 'transfer', 'recorded message', 'menu', 'disconnected', 'automatic reply'],
);

export const WRITING = theme(
  'writing',
  t('Redacción', 'Writing'),
  ['ortografía', 'faltas', 'redacción', 'redactado', 'plantilla', 'tono', 'respuesta automática'],
  ['spelling', 'typo', 'wording', 'written', 'template', 'tone', 'automatic reply'],
);

/** What every customer-service contact is talked about in, whatever the channel. */
export const CUSTOMER_SERVICE_THEMES: readonly ThemeBlueprint[] = [
  WAITING,
  COURTESY,
  KNOWLEDGE,
  RESOLUTION,
  CLARITY,
  FOLLOW_UP,
  DATA_PROTECTION,
];
