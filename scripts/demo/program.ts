// What the demo program is made of: the consultancy's people, the bank, its touchpoints, the
// campaigns of each wave and how good each touchpoint is (its "quality profile"). Plain data.

export const CLIENT_NAME = 'Banco Meridiano';

export const PASSWORDS = {
  admin: 'Demo-Admin-2026',
  consultant: 'Consultora-2026',
  shopper: 'Shopper-2026',
  client: 'Cliente-2026',
} as const;

export const CONSULTANT = { email: 'marta.ruiz@consultora.example', name: 'Marta Ruiz Calvo' };
export const CLIENT_USER = { email: 'calidad@bancomeridiano.example', name: 'Javier Ortega (Calidad, Banco Meridiano)' };

const FIRST_NAMES = [
  'Lucía',
  'Hugo',
  'Carmen',
  'Pablo',
  'Elena',
  'Javier',
  'Marta',
  'Daniel',
  'Paula',
  'Alejandro',
  'Sara',
  'Adrián',
  'Laura',
  'Diego',
  'Irene',
  'Álvaro',
  'Nerea',
  'Sergio',
  'Claudia',
  'Raúl',
  'Andrea',
  'Iván',
  'Cristina',
  'Jorge',
  'Noelia',
  'Rubén',
  'Beatriz',
  'Óscar',
  'Rocío',
  'Marc',
];
const SURNAMES = [
  'García',
  'Fernández',
  'González',
  'Rodríguez',
  'López',
  'Martínez',
  'Sánchez',
  'Pérez',
  'Gómez',
  'Martín',
  'Jiménez',
  'Ruiz',
  'Hernández',
  'Díaz',
  'Moreno',
  'Muñoz',
  'Álvarez',
  'Romero',
  'Alonso',
  'Gutiérrez',
  'Navarro',
  'Torres',
  'Domínguez',
  'Vázquez',
  'Ramos',
  'Gil',
  'Serrano',
  'Blanco',
  'Molina',
  'Castro',
];

export interface PersonSeed {
  email: string;
  name: string;
}

/** 30 shoppers with Spanish names; emails without accents. */
export const SHOPPERS: PersonSeed[] = FIRST_NAMES.map((first, index) => {
  const last = SURNAMES[(index * 7) % SURNAMES.length];
  const second = SURNAMES[(index * 11 + 3) % SURNAMES.length];
  const ascii = (text: string) =>
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
  return { email: `${ascii(first)}.${ascii(last)}${index + 1}@shoppers.example`, name: `${first} ${last} ${second}` };
});

type Interval = { opens: string; closes: string };
const MORNING: Interval[] = [{ opens: '08:30', closes: '14:15' }];
/** Spanish bank branches: weekday mornings; the larger ones also open on Thursday afternoons. */
function branchHours(thursdayAfternoon: boolean): Record<string, Interval[]> {
  return {
    mon: MORNING,
    tue: MORNING,
    wed: MORNING,
    thu: thursdayAfternoon ? [...MORNING, { opens: '16:30', closes: '19:00' }] : MORNING,
    fri: MORNING,
  };
}

/** The phone line and the web chat's agents; email, WhatsApp and social networks take messages at any hour. */
const EVERY_DAY_8_TO_22: Record<string, Interval[]> = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, [{ opens: '08:00', closes: '22:00' }]]),
);

export interface TouchpointSeed {
  key: string;
  name: string;
  channel: string;
  region: string;
  city?: string;
  address?: string;
  handle?: string;
  phone?: string;
  url?: string;
  openingHours?: Record<string, Interval[]> | null;
  /** How well it serves: 0..1 base chance of passing a question. */
  quality: number;
  /** Per-section adjustments of the base (e.g. a branch with queues but friendly staff). */
  bias?: Record<string, number>;
}

const branch = (
  key: string,
  name: string,
  region: string,
  city: string,
  address: string,
  quality: number,
  bias: Record<string, number> = {},
  thursday = false,
): TouchpointSeed => ({
  key,
  name,
  channel: 'in_person',
  region,
  city,
  address,
  openingHours: branchHours(thursday),
  quality,
  bias,
});

export const TOUCHPOINTS: TouchpointSeed[] = [
  branch('mad_sol', 'Oficina Puerta del Sol', 'Madrid', 'Madrid', 'Calle Mayor 4, 28013 Madrid', 0.86, { arrival: -0.12 }, true),
  branch('mad_castellana', 'Oficina Castellana', 'Madrid', 'Madrid', 'Paseo de la Castellana 89, 28046 Madrid', 0.9, {}, true),
  branch('mad_alcala', 'Oficina Alcalá de Henares', 'Madrid', 'Alcalá de Henares', 'Calle Libreros 12, 28801 Alcalá de Henares', 0.74, {
    welcome: 0.06,
  }),
  branch('mad_getafe', 'Oficina Getafe Centro', 'Madrid', 'Getafe', 'Calle Madrid 31, 28901 Getafe', 0.66, { needs_solution: -0.08 }),
  branch('cat_diagonal', 'Oficina Diagonal', 'Cataluña', 'Barcelona', 'Avinguda Diagonal 530, 08006 Barcelona', 0.88, {}, true),
  branch('cat_gracia', 'Oficina Gràcia', 'Cataluña', 'Barcelona', 'Carrer Gran de Gràcia 112, 08012 Barcelona', 0.8, { arrival: -0.08 }),
  branch('cat_girona', 'Oficina Girona', 'Cataluña', 'Girona', 'Carrer Nou 18, 17001 Girona', 0.77),
  branch('cat_tarragona', 'Oficina Tarragona Rambla', 'Cataluña', 'Tarragona', 'Rambla Nova 45, 43001 Tarragona', 0.7, { farewell: -0.1 }),
  branch(
    'and_sevilla',
    'Oficina Sevilla Constitución',
    'Andalucía',
    'Sevilla',
    'Avenida de la Constitución 20, 41004 Sevilla',
    0.79,
    { welcome: 0.08, arrival: -0.15 },
    true,
  ),
  branch('and_malaga', 'Oficina Málaga Larios', 'Andalucía', 'Málaga', 'Calle Marqués de Larios 7, 29005 Málaga', 0.83, { welcome: 0.05 }),
  branch('and_granada', 'Oficina Granada Gran Vía', 'Andalucía', 'Granada', 'Gran Vía de Colón 22, 18010 Granada', 0.72),
  branch('and_cordoba', 'Oficina Córdoba Tendillas', 'Andalucía', 'Córdoba', 'Plaza de las Tendillas 3, 14002 Córdoba', 0.63, {
    needs_solution: -0.06,
    arrival: -0.05,
  }),
  {
    key: 'phone',
    name: 'Banca telefónica 900',
    channel: 'phone',
    region: 'Nacional',
    phone: '+34 900 123 456',
    openingHours: EVERY_DAY_8_TO_22,
    quality: 0.76,
    bias: { access: -0.1 },
  },
  {
    key: 'email',
    name: 'Atención al cliente por email',
    channel: 'email',
    region: 'Nacional',
    handle: 'clientes@bancomeridiano.example',
    quality: 0.7,
    bias: { response: -0.12 },
  },
  {
    key: 'web_chat',
    name: 'Chat de la web',
    channel: 'web_chat',
    region: 'Nacional',
    url: 'https://www.bancomeridiano.example/ayuda/chat',
    openingHours: EVERY_DAY_8_TO_22, // people behind the bot
    quality: 0.74,
    bias: { assistant: -0.1 },
  },
  {
    key: 'whatsapp',
    name: 'WhatsApp Meridiano',
    channel: 'whatsapp',
    region: 'Nacional',
    phone: '+34 600 900 123',
    handle: '+34 600 900 123',
    quality: 0.8,
  },
  {
    key: 'facebook',
    name: 'Facebook /BancoMeridiano',
    channel: 'facebook',
    region: 'Nacional',
    handle: 'facebook.com/BancoMeridiano',
    quality: 0.73,
  },
  {
    key: 'twitter',
    name: 'X @BancoMeridiano',
    channel: 'twitter',
    region: 'Nacional',
    handle: '@BancoMeridiano',
    quality: 0.67,
    bias: { writing: -0.08 },
  },
];

export interface ScenarioSeed {
  key: string;
  title: string;
  brief: string;
}

export interface CampaignSeed {
  key: string;
  /** Name suffix after "Oleada N · ". */
  label: string;
  template: string;
  touchpointKeys: string[];
  visitsPerTouchpoint: number;
  scenarios: ScenarioSeed[];
  slaSeconds: Record<string, number>;
  targets: Record<string, number>;
  visitFee: number;
  /**
   * How the second wave differs from the first, per section: the bank worked on some things after
   * the first wave's report (positive), let others slip (negative) and left the rest alone.
   */
  secondWave: Record<string, number>;
}

const BRANCH_KEYS = TOUCHPOINTS.filter((touchpoint) => touchpoint.channel === 'in_person').map((touchpoint) => touchpoint.key);

export const CAMPAIGNS: CampaignSeed[] = [
  {
    key: 'branches',
    label: 'Sucursales',
    template: 'in_store',
    touchpointKeys: BRANCH_KEYS,
    visitsPerTouchpoint: 14,
    visitFee: 25,
    scenarios: [
      {
        key: 'hipoteca_fija',
        title: 'Información sobre una hipoteca a tipo fijo',
        brief:
          'Pida información para una hipoteca a tipo fijo de 180.000 € a 25 años para una primera vivienda. Respuesta ' +
          'correcta: TIN fijo 2,95 % con nómina y seguro de hogar, sin comisión de apertura, tasación a cargo del banco.',
      },
      {
        key: 'cuenta_autonomo',
        title: 'Apertura de una cuenta para autónomo',
        brief:
          'Es autónomo/a y quiere abrir una cuenta de negocio. Respuesta correcta: Cuenta Negocios sin comisiones con ' +
          'domiciliación de cuota de autónomos y 2 recibos; se abre con DNI y alta en Hacienda (modelo 036/037).',
      },
      {
        key: 'tarjeta_credito',
        title: 'Coste de una tarjeta de crédito',
        brief:
          'Pregunte cuánto cuesta la tarjeta de crédito Meridiano Oro. Respuesta correcta: sin cuota el primer año, ' +
          'después 40 €/año salvo 3 compras al mes; TAE del pago aplazado 21,7 %.',
      },
    ],
    slaSeconds: { in_person: 300 },
    targets: { overall: 80, fcr: 70, knowledge: 80 },
    // The bank added staff at peak hours and trained on needs discovery; farewell and welcome drifted.
    secondWave: { arrival: 0.14, needs_solution: 0.05, welcome: -0.05, farewell: -0.06 },
  },
  {
    key: 'social',
    label: 'Redes sociales y WhatsApp',
    template: 'social_whatsapp',
    touchpointKeys: ['whatsapp', 'facebook', 'twitter'],
    visitsPerTouchpoint: 16,
    visitFee: 12,
    scenarios: [
      {
        key: 'cargo_duplicado',
        title: 'Cargo duplicado en la tarjeta',
        brief:
          'Escriba que le han cobrado dos veces la misma compra con tarjeta. Respuesta correcta: pasar a privado, ' +
          'abrir incidencia y abono provisional en 48 h; nunca pedir el número completo de la tarjeta.',
      },
      {
        key: 'bizum',
        title: 'Un Bizum que no llega',
        brief:
          'Cuente que envió un Bizum hace una hora y el destinatario no lo ha recibido. Respuesta correcta: comprobar el ' +
          'estado en la app; si está «pendiente», se completa o se devuelve en 24 h.',
      },
      {
        key: 'comision_mantenimiento',
        title: 'Queja por comisión de mantenimiento',
        brief:
          'Quéjese de una comisión de mantenimiento de 10 €. Respuesta correcta: se elimina con nómina o 3 recibos; ' +
          'si ya cumplía la condición se devuelve en la siguiente liquidación.',
      },
    ],
    slaSeconds: { whatsapp: 3600, facebook: 3600, twitter: 3600 },
    targets: { overall: 80, fcr: 65, speed: 75, data_security: 95 },
    // A social-media team on shifts answers much faster; the written answers did not improve.
    secondWave: { speed: 0.18, reading: 0.04, writing: -0.02, answer: -0.03 },
  },
  {
    key: 'phone',
    label: 'Banca telefónica',
    template: 'phone',
    touchpointKeys: ['phone'],
    visitsPerTouchpoint: 28,
    visitFee: 10,
    scenarios: [
      {
        key: 'tarjeta_extranjero',
        title: 'Tarjeta rechazada en el extranjero',
        brief:
          'Llame porque su tarjeta ha sido rechazada en un viaje. Respuesta correcta: verificar identidad, activar el uso ' +
          'en el extranjero desde el teléfono o la app al momento; sin coste.',
      },
      {
        key: 'duda_recibo',
        title: 'Devolución de un recibo',
        brief:
          'Pida devolver un recibo domiciliado de hace tres semanas. Respuesta correcta: se puede devolver hasta 8 semanas ' +
          'después del cargo, sin coste, por teléfono o en la app.',
      },
    ],
    slaSeconds: { phone: 60 },
    targets: { overall: 80, fcr: 75 },
    secondWave: { access: 0.12, handling: -0.03, resolution: 0.02 },
  },
  {
    key: 'email',
    label: 'Correo electrónico',
    template: 'email',
    touchpointKeys: ['email'],
    visitsPerTouchpoint: 28,
    visitFee: 10,
    scenarios: [
      {
        key: 'certificado_titularidad',
        title: 'Certificado de titularidad de la cuenta',
        brief:
          'Pida por correo un certificado de titularidad. Respuesta correcta: se descarga al momento en la banca online ' +
          '(Cuentas > Certificados) o se envía en PDF en 24 h previa verificación.',
      },
      {
        key: 'reclamacion_comision',
        title: 'Reclamación de una comisión',
        brief:
          'Reclame una comisión por descubierto de 30 €. Respuesta correcta: se devuelve si es el primer descubierto del ' +
          'año; plazo de respuesta del Servicio de Atención al Cliente, un mes.',
      },
    ],
    slaSeconds: { email: 14400 },
    targets: { overall: 78, fcr: 60 },
    secondWave: { response: 0.05, writing: 0.06, content: -0.05 },
  },
  {
    key: 'web_chat',
    label: 'Chat web',
    template: 'web_chat',
    touchpointKeys: ['web_chat'],
    visitsPerTouchpoint: 28,
    visitFee: 10,
    scenarios: [
      {
        key: 'limite_tarjeta',
        title: 'Subir el límite de la tarjeta',
        brief:
          'Pida subir el límite diario de su tarjeta de débito para una compra. Respuesta correcta: se cambia en la app ' +
          '(Tarjetas > Límites) al momento, hasta 3.000 €.',
      },
      {
        key: 'notificaciones',
        title: 'Activar avisos de movimientos',
        brief:
          'Pregunte cómo recibir avisos de cada pago con tarjeta. Respuesta correcta: en la app (Perfil > Notificaciones), ' +
          'gratuitos por notificación push; por SMS cuestan 0,15 €.',
      },
    ],
    slaSeconds: { web_chat: 60 },
    targets: { overall: 78, fcr: 65 },
    secondWave: { assistant: 0.1, resolution: 0.03, service: -0.03 },
  },
];

// ——— The omnichannel program (DOMAIN.md §5b) ———

export const PROGRAM = {
  name: 'Calidad omnicanal 2026',
  /** One consultant-defined measure: the "personal touch" is asked differently on each channel family. */
  measures: [
    { key: 'trato_personal', title: 'Trato personalizado', questionKeys: ['full_attention', 'personalisation', 'author_identified'] },
  ],
  waveNames: ['Oleada 1 · Primer trimestre', 'Oleada 2 · Segundo trimestre'],
};

export interface ActionSeed {
  measureKey: string;
  channels?: string[];
  touchpointKeys?: string[];
  owner: string;
  note: string;
  /** Its state when the second wave is reported. */
  state: 'open' | 'in_progress' | 'done';
  /**
   * What the work did in the second wave: added to the chance of passing the measure's question on
   * exactly what the item targets. The plan is only partly fulfilled: one item works, one helps a
   * little, one was never carried out.
   */
  effect: number;
}

/** The action plan the bank agrees after the first wave's omnichannel report. */
export const ACTION_PLAN: ActionSeed[] = [
  {
    measureKey: 'identification',
    channels: ['whatsapp', 'facebook', 'twitter'],
    owner: 'Equipo de Redes Sociales',
    note: 'Firmar cada respuesta con el nombre del gestor; plantillas revisadas y formación de 2 horas.',
    state: 'done',
    effect: 0.35,
  },
  {
    measureKey: 'follow_up_offered',
    channels: ['phone'],
    owner: 'Banca telefónica',
    note: 'Guion de cierre con ofrecimiento de seguimiento; escucha de 20 llamadas al mes por supervisor.',
    state: 'in_progress',
    effect: 0.07,
  },
  {
    measureKey: 'closing',
    touchpointKeys: ['mad_getafe', 'and_cordoba'],
    owner: 'Dirección Territorial Sur y Madrid',
    note: 'Sesión de despedida y próximos pasos en las dos oficinas con peor cierre.',
    state: 'open',
    effect: 0,
  },
];
