// Makes one shopper's answers to a questionnaire, as a shopper would give them: driven by the
// touchpoint's quality profile, the wave, and a seeded random generator, so the same seed gives the
// same program. Also composes the shopper's narrative (in Spanish) from fragments chosen by what
// happened in the visit, so no two narratives read the same.

export type Random = () => number;

export interface QuestionView {
  key: string;
  type: string;
  maxPoints: number;
  required: boolean;
  allowNa: boolean;
  critical: boolean;
  channels: string[];
  showIf?: { questionKey: string; equals?: unknown; in?: unknown[] } | null;
  kpi?: string | null;
  positive?: boolean | null;
  min?: number | null;
  max?: number | null;
  options?: Array<{ key: string; label: string; points: number }> | null;
  thresholds?: Array<{ upToSeconds: number; fraction: number }> | null;
  minLength?: number | null;
}

export interface SectionView {
  key: string;
  title: string;
  weight: number;
  questions: QuestionView[];
}

export interface Answer {
  questionKey: string;
  value?: unknown;
  na?: boolean;
}

export interface VisitContext {
  channel: string;
  touchpointName: string;
  scenarioTitle: string | null;
  /** Base chance (0..1) of passing, from the touchpoint's profile. */
  quality: number;
  /** Per-section additions to the base: the touchpoint's own bias plus the wave's change. */
  sectionShift: Record<string, number>;
  /** Per-question additions on top of the section's chance: what an action plan changed at this touchpoint. */
  questionShift?: Record<string, number>;
  random: Random;
  visitedAt: Date;
  /** The shopper's name: some sign their narrative (the reports mask it, docs/kpis.md "Qualitative analysis"). */
  shopperName?: string;
}

export interface GeneratedVisit {
  answers: Answer[];
  narrative: string;
}

const clamp = (value: number, low = 0.02, high = 0.985) => Math.min(high, Math.max(low, value));

/** A standard normal draw (Box–Muller). */
export function gaussian(random: Random): number {
  const u = Math.max(random(), 1e-9);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/** Typical timings: the median for an excellent touchpoint and how much worse a poor one gets. */
const TIMING: Record<string, { best: number; worst: number }> = {
  wait_time: { best: 70, worst: 900 }, // in person, seconds in the queue
  queue_wait: { best: 18, worst: 260 }, // phone queue
  connect_time: { best: 12, worst: 200 }, // web chat
  first_response_time: { best: 2.5 * 3600, worst: 40 * 3600 }, // email
  response_time: { best: 25 * 60, worst: 9 * 3600 }, // social and WhatsApp
  app_response_time: { best: 240, worst: 4 * 3600 },
};

export function generateVisit(sections: SectionView[], context: VisitContext): GeneratedVisit {
  const { random } = context;
  // How the day went: the same touchpoint has good and bad days, and one person serves the whole visit.
  const mood = gaussian(random) * 0.09;
  const values = new Map<string, unknown>();
  const nas = new Set<string>();
  const answers: Answer[] = [];
  const facts: Facts = { channel: context.channel };

  for (const section of sections) {
    const p = clamp(context.quality + (context.sectionShift[section.key] ?? 0) + mood);
    for (const question of section.questions) {
      if (question.channels.length && !question.channels.includes(context.channel)) continue;
      if (!visible(question, values, nas)) continue;
      const answer = answerQuestion(question, clamp(p + (context.questionShift?.[question.key] ?? 0)), context, values, facts);
      if (answer === undefined) continue;
      if (answer === 'na') {
        nas.add(question.key);
        answers.push({ questionKey: question.key, na: true });
      } else {
        values.set(question.key, answer);
        answers.push({ questionKey: question.key, value: answer });
      }
    }
  }
  // The text answers come last so they can tell what happened.
  const narrative = composeNarrative(facts, context);
  for (const answer of answers) {
    if (answer.questionKey === 'overall_comments') answer.value = composeSummary(facts, context);
  }
  return { answers, narrative };
}

function visible(question: QuestionView, values: Map<string, unknown>, nas: Set<string>): boolean {
  const condition = question.showIf;
  if (!condition) return true;
  if (nas.has(condition.questionKey) || !values.has(condition.questionKey)) return false;
  const value = values.get(condition.questionKey);
  if (condition.equals !== undefined) return value === condition.equals;
  return (condition.in ?? []).includes(value);
}

interface Facts {
  channel: string;
  seconds?: number;
  greeting?: boolean;
  empathy?: number;
  accuracy?: string;
  accuracyPoints?: number;
  resolved?: boolean;
  followUp?: boolean;
  dataBreach?: boolean;
  forbiddenPhrase?: boolean;
  closing?: boolean;
  transfers?: string;
  botInvolved?: boolean;
  clean?: number;
  identified?: boolean;
}

/** The answer to one question: a value, 'na', or undefined to leave an optional question blank. */
function answerQuestion(question: QuestionView, p: number, context: VisitContext, values: Map<string, unknown>, facts: Facts): unknown {
  const { random } = context;
  const passes = (chance = p) => random() < chance;

  switch (question.key) {
    case 'overall_comments':
      return 'pendiente'; // replaced by the summary once the whole visit is known
    case 'other_comments':
      return random() < 0.25 ? pick(random, OTHER_COMMENTS) : undefined;
    case 'queue_managed':
      return (facts.seconds ?? 0) < 90 ? 'na' : passes();
    case 'queue_informed':
      return (facts.seconds ?? 0) < 25 ? 'na' : passes();
    case 'data_protected':
      if (question.allowNa && random() < 0.18) return 'na';
      facts.dataBreach = random() < 0.015 + (1 - p) * 0.07;
      return !facts.dataBreach;
    case 'private_channel': {
      // Only on public networks; N/A when the shopper wrote privately or no personal data came up.
      if (random() < 0.45) return 'na';
      const breach = random() < 0.02 + (1 - p) * 0.12;
      if (breach) facts.dataBreach = true;
      return !breach;
    }
    case 'public_acknowledgement':
      return random() < 0.3 ? 'na' : passes();
    case 'links_attachments':
      return random() < 0.4 ? 'na' : passes();
    case 'ivr_ease':
      return random() < 0.05 ? 'na' : scale(question, p, random);
    case 'identification':
      if (question.allowNa && random() < 0.06) return 'na';
      facts.identified = passes();
      return facts.identified;
    case 'placed_on_hold':
      return random() < 0.45;
    case 'bot_involved':
      facts.botInvolved = random() < 0.7;
      return facts.botInvolved;
    case 'bot_solved':
      return random() < 0.35;
    case 'resolved_first_contact': {
      const accurate = (facts.accuracyPoints ?? question.maxPoints) >= 4;
      facts.resolved = random() < (accurate ? clamp(0.62 + 0.25 * p) : 0.2);
      return facts.resolved;
    }
    case 'follow_up_offered':
      facts.followUp = passes(clamp(p - 0.05));
      return facts.followUp;
  }

  switch (question.type) {
    case 'yes_no': {
      const ok = passes(question.critical ? clamp(p + 0.15) : p);
      const positive = question.positive ?? true;
      const value = ok ? positive : !positive;
      if (question.key === 'greeting') facts.greeting = ok;
      if (question.key === 'no_forbidden_phrases') facts.forbiddenPhrase = !ok;
      if (question.key === 'closing') facts.closing = ok;
      return value;
    }
    case 'scale': {
      const value = scale(question, p, random);
      if (question.key === 'tone_empathy') facts.empathy = value;
      if (question.key === 'cleanliness') facts.clean = value;
      return value;
    }
    case 'single_choice': {
      const options = [...(question.options ?? [])].sort((a, b) => b.points - a.points);
      const best = options.filter((option) => option.points === options[0].points);
      const rest = options.filter((option) => option.points < options[0].points);
      let chosen = pick(random, best);
      if (!passes() && rest.length) {
        // Near misses are commoner than outright failures.
        const roll = random();
        chosen = rest[roll < 0.6 ? 0 : roll < 0.85 ? Math.min(1, rest.length - 1) : rest.length - 1];
      }
      if (question.key === 'accurate_answer') {
        facts.accuracy = chosen.key;
        facts.accuracyPoints = chosen.points;
      }
      if (question.key === 'transfers') facts.transfers = chosen.key;
      return chosen.key;
    }
    case 'multi_choice': {
      const options = question.options ?? [];
      const chosen = options.filter((option) => option.points > 0 && passes(clamp(p - 0.05)));
      if (chosen.length === 0) {
        const none = options.find((option) => option.points === 0);
        return none ? [none.key] : [options[0].key];
      }
      return chosen.map((option) => option.key);
    }
    case 'duration': {
      const timing = TIMING[question.key] ?? { best: 60, worst: 900 };
      const median = timing.best * Math.pow(timing.worst / timing.best, clamp(1 - p, 0, 1));
      const seconds = Math.max(3, Math.round(median * Math.exp(gaussian(random) * 0.55)));
      facts.seconds = seconds;
      return seconds;
    }
    case 'number':
      return Math.round(random() * 3);
    case 'datetime':
      return context.visitedAt.toISOString();
    case 'evidence': {
      const kind =
        { in_person: 'ticket', phone: 'registro-llamada', email: 'correo', web_chat: 'transcripcion-chat' }[context.channel] ?? 'captura';
      const name = `${kind}-${Math.floor(random() * 90000 + 10000)}`;
      if (!question.required && random() < 0.5) return undefined;
      return `${name}.${context.channel === 'email' ? 'pdf' : 'png'}`;
    }
    case 'text':
      return question.required ? pick(random, OTHER_COMMENTS) : undefined;
    default:
      return undefined;
  }
}

function scale(question: QuestionView, p: number, random: Random): number {
  const min = question.min ?? 1;
  const max = question.max ?? 5;
  // Shoppers give the top mark to good service more readily than a straight line would suggest.
  const position = clamp(p + 0.07 + gaussian(random) * 0.18, 0, 1);
  return Math.min(max, Math.max(min, Math.round(min + position * (max - min))));
}

// ——— Narratives ———

const EMPLOYEES = [
  'Ana',
  'Luis',
  'Rosa',
  'Manuel',
  'Pilar',
  'Antonio',
  'Nuria',
  'Francisco',
  'Montse',
  'Jordi',
  'Inma',
  'Rafael',
  'Silvia',
  'Alberto',
];

const OTHER_COMMENTS = [
  'Había folletos de la campaña anterior todavía en el mostrador.',
  'El cajero automático de la entrada estaba fuera de servicio.',
  'La música ambiente estaba muy alta y costaba entender a la empleada.',
  'En la web la información sobre comisiones no coincidía con lo que me dijeron.',
  'Me ofrecieron un café mientras esperaba, detalle que se agradece.',
  'La respuesta automática inicial llegó en catalán y castellano, bien resuelto.',
  'Tuve que buscar bastante el enlace de contacto en la web.',
  'El horario publicado en Google no coincidía con el real.',
  'No había gel ni bolígrafos en la zona de atención.',
  'La señalización de turnos no funcionaba y la gente se colaba.',
];

function minutes(seconds: number): string {
  if (seconds < 90) return `${seconds} segundos`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} minutos`;
  const hours = seconds / 3600;
  return hours < 10 ? `${hours.toFixed(1).replace('.', ',')} horas` : `${Math.round(hours)} horas`;
}

const OPENINGS: Record<string, string[]> = {
  in_person: [
    'Acudí a la {tp} {when} para plantear el caso «{sc}».',
    'Visité la {tp} con la consulta «{sc}».',
    'Entré en la {tp} como cliente interesado en «{sc}».',
    'Me presenté en la {tp} para preguntar por «{sc}».',
  ],
  phone: [
    'Llamé a la {tp} {when} con el caso «{sc}».',
    'Realicé una llamada a la {tp} para plantear «{sc}».',
    'Contacté por teléfono con la {tp} por el caso «{sc}».',
  ],
  email: [
    'Envié un correo a {tp} con la consulta «{sc}».',
    'Escribí a {tp} planteando «{sc}».',
    'Mandé un email al servicio de clientes ({tp}) sobre «{sc}».',
  ],
  web_chat: [
    'Abrí el {tp} {when} para consultar «{sc}».',
    'Inicié una conversación en el {tp} con el caso «{sc}».',
    'Entré en el {tp} desde el portátil para preguntar por «{sc}».',
  ],
  social: ['Escribí a {tp} con el caso «{sc}».', 'Publiqué mi consulta en {tp}: «{sc}».', 'Contacté con {tp} para plantear «{sc}».'],
};

/** «a primera hora», «a media mañana»… of the visit, in Spanish (Madrid) time. */
function partOfDay(at: Date): string {
  const hour = Number(new Intl.DateTimeFormat('es-ES', { hour: 'numeric', hourCycle: 'h23', timeZone: 'Europe/Madrid' }).format(at));
  if (hour < 10) return 'a primera hora';
  if (hour < 13) return 'a media mañana';
  if (hour < 16) return 'a mediodía';
  if (hour < 21) return 'por la tarde';
  return 'por la noche';
}

function timingSentence(facts: Facts, random: Random): string | null {
  if (facts.seconds === undefined) return null;
  const time = minutes(facts.seconds);
  const synchronous = ['in_person', 'phone', 'web_chat'].includes(facts.channel);
  const quick = synchronous ? facts.seconds <= 150 : facts.seconds <= 3600;
  const slow = synchronous ? facts.seconds > 480 : facts.seconds > 4 * 3600;
  if (synchronous) {
    if (quick && random() < 0.35) return null;
    if (quick)
      return pick(random, [
        `Me atendieron enseguida, en unos ${time}.`,
        `La espera fue corta, unos ${time}.`,
        `Apenas esperé ${time}.`,
        `No había cola: me atendieron en ${time}.`,
      ]);
    if (slow)
      return pick(random, [
        `Tuve que esperar ${time}, demasiado para una consulta sencilla.`,
        `La espera se alargó hasta ${time} sin que nadie me dijera nada.`,
        `Esperé ${time}; había gente impaciente.`,
        `La cola avanzaba muy despacio: ${time} hasta que me tocó el turno.`,
        `${time} de espera, con solo una persona atendiendo.`,
      ]);
    // An ordinary wait is not always worth a line.
    if (random() < 0.55) return null;
    return pick(random, [`Esperé unos ${time} hasta que me atendieron.`, `La espera fue de ${time}, razonable.`]);
  }
  if (quick)
    return pick(random, [`La primera respuesta llegó en ${time}.`, `Respondieron rápido, en ${time}.`, `Contestaron en solo ${time}.`]);
  if (slow)
    return pick(random, [
      `La respuesta tardó ${time}, demasiado.`,
      `No contestaron hasta pasadas ${time}.`,
      `Tardaron ${time} en responder, y solo tras insistir.`,
    ]);
  if (random() < 0.55) return null;
  return pick(random, [`Recibí respuesta en ${time}.`, `Contestaron al cabo de ${time}.`]);
}

function composeNarrative(facts: Facts, context: VisitContext): string {
  const { random } = context;
  const social = ['whatsapp', 'facebook', 'twitter', 'instagram'].includes(facts.channel);
  const employee = pick(random, EMPLOYEES);
  const sentences: string[] = [];
  sentences.push(
    pick(random, OPENINGS[social ? 'social' : facts.channel] ?? OPENINGS.social)
      .replace('{tp}', context.touchpointName)
      .replace('{sc}', context.scenarioTitle ?? 'consulta general')
      .replace('{when}', partOfDay(context.visitedAt)),
  );
  const timing = timingSentence(facts, random);
  if (timing) sentences.push(timing);
  if (facts.clean !== undefined && facts.clean <= 2)
    sentences.push(
      pick(random, [
        'La oficina estaba desordenada y con folletos caducados.',
        'La zona de espera estaba sucia.',
        'Había ruido y pocas sillas para sentarse mientras esperabas.',
      ]),
    );
  else if (facts.clean !== undefined && facts.clean >= 5 && random() < 0.4)
    sentences.push(pick(random, ['La oficina estaba limpia y ordenada.', 'Las instalaciones, impecables y con la señalización clara.']));
  if (facts.greeting === false)
    sentences.push(pick(random, ['No hubo saludo: se fue directamente a lo que quería.', 'Nadie me saludó al empezar.']));
  else if (facts.greeting)
    sentences.push(
      pick(random, [
        `${employee} me saludó con amabilidad.`,
        `Me atendió ${employee}, con un saludo cordial.`,
        `${employee} se presentó y me saludó con una sonrisa.`,
        `Me atendió ${employee}.`,
        `Me atendió ${employee} en el puesto 2.`,
        `Me atendió ${employee}.`,
      ]),
    );
  if (facts.empathy !== undefined) {
    if (facts.empathy >= 4)
      sentences.push(
        pick(random, [
          'El trato fue cercano y paciente.',
          'Se mostró comprensivo con mi situación.',
          'Me escuchó con atención y sin prisas.',
        ]),
      );
    else if (facts.empathy <= 2)
      sentences.push(
        pick(random, [
          'El trato fue frío y con prisas.',
          'Se notaba poco interés por mi caso.',
          'Me interrumpió varias veces y parecía molesto.',
        ]),
      );
  }
  if (facts.forbiddenPhrase)
    sentences.push(
      pick(random, [
        'En un momento me dijo «eso no es cosa nuestra».',
        'Usó la frase «son las normas» sin darme alternativa.',
        'Me respondió «eso no nos compete».',
      ]),
    );
  if (facts.transfers === 'two_or_more') sentences.push('Me pasaron con dos departamentos distintos.');
  if (facts.identified === true && !facts.dataBreach && random() < 0.35)
    sentences.push(
      pick(random, [
        'Antes de darme información de la cuenta me pidió el DNI, como debe ser.',
        'Verificó mi identidad antes de consultar nada.',
      ]),
    );
  else if (facts.identified === false && random() < 0.5)
    sentences.push(pick(random, ['No me pidió el DNI en ningún momento.', 'Me dio información de la cuenta sin identificarme.']));
  if (facts.botInvolved)
    sentences.push(pick(random, ['Primero respondió un asistente virtual.', 'Al principio contestaba un bot con respuestas genéricas.']));
  switch (facts.accuracy) {
    case 'correct_complete':
    case 'precise_final':
      sentences.push(
        pick(random, [
          'La información fue correcta y completa, con condiciones y plazos.',
          'Me explicó las condiciones con precisión, tal como figuran en el escenario.',
          'La respuesta fue exacta y muy clara.',
          'Me lo explicó todo con claridad y sin tecnicismos.',
          'Se notaba que conocía bien el producto.',
        ]),
      );
      break;
    case 'precise_provisional':
      sentences.push(
        pick(random, [
          'Me dieron una primera respuesta correcta y un plazo para la definitiva.',
          'La respuesta fue provisional pero concreta, con fecha para cerrarla.',
        ]),
      );
      break;
    case 'correct_incomplete':
      sentences.push(
        pick(random, [
          'La información era correcta pero faltaron condiciones importantes.',
          'No mencionó las comisiones ni los plazos.',
          'Me dio el precio pero no las condiciones para evitarlo.',
          'La explicación de las comisiones fue confusa.',
        ]),
      );
      break;
    case 'vague':
      sentences.push(
        pick(random, [
          'La respuesta fue genérica y no contestaba a lo que pregunté.',
          'Respondieron con un texto estándar que no resolvía nada.',
        ]),
      );
      break;
    case 'incorrect':
      sentences.push(
        pick(random, [
          'La información que me dieron era incorrecta.',
          'Me dieron datos que contradicen las condiciones publicadas.',
          'No sabía las condiciones de la cuenta y tuvo que preguntar a un compañero.',
        ]),
      );
      break;
    case 'wrongly_refused':
      sentences.push(
        pick(random, ['Me dijo que eso no se podía hacer, cuando sí se puede.', 'Me aseguró que no era posible, lo cual es falso.']),
      );
      break;
    case undefined: // no accuracy question came up: nothing to tell
      break;
  }
  if (facts.resolved)
    sentences.push(
      pick(random, ['La consulta quedó resuelta en el momento.', 'Salí con todo resuelto.', 'No tuve que volver a contactar.']),
    );
  else if (facts.resolved === false) {
    sentences.push(
      facts.followUp
        ? pick(random, [
            'No se resolvió, pero me explicaron los próximos pasos y me dieron un número de referencia.',
            'Quedaron en devolverme la llamada en 48 horas para cerrarlo.',
            'Abrieron una incidencia y me confirmaron por SMS el seguimiento.',
          ])
        : pick(random, [
            'No se resolvió y nadie me indicó cómo seguir.',
            'Me quedé sin solución ni siguiente paso.',
            'No me ofrecieron ningún seguimiento de la incidencia.',
          ]),
    );
  }
  if (facts.dataBreach)
    sentences.push(
      pick(random, [
        'Grave: me pidieron el número completo de la tarjeta y el PIN.',
        'Dijeron mis datos de cuenta en voz alta delante de otros clientes.',
        'Me pidieron el DNI y la tarjeta en un mensaje público.',
      ]),
    );
  if (facts.closing === false) sentences.push(pick(random, ['La despedida fue seca.', 'Terminó sin preguntar si necesitaba algo más.']));
  else if (facts.closing)
    sentences.push(pick(random, ['Al final me preguntó si tenía más dudas.', `Se despidió amablemente; ${employee} me dejó su contacto.`]));
  // Some shoppers sign their narrative out of habit; the reports mask the name.
  if (context.shopperName && random() < 0.12) {
    const [firstName] = context.shopperName.split(' ');
    sentences.push(pick(random, [`Un saludo, ${context.shopperName}.`, `Firmado: ${firstName}.`]));
  }
  return sentences.join(' ');
}

function composeSummary(facts: Facts, context: VisitContext): string {
  const { random } = context;
  const good: string[] = [];
  const bad: string[] = [];
  const say = (items: string[]) => pick(random, items);
  if (facts.greeting) good.push(say(['el saludo', 'la bienvenida', 'que me saludaran nada más empezar']));
  if ((facts.empathy ?? 0) >= 4) good.push(say(['la amabilidad', 'el trato cercano', 'la paciencia', 'la empatía']));
  if ((facts.accuracyPoints ?? 0) >= 4)
    good.push(say(['la precisión de la respuesta', 'que supieran de qué hablaban', 'la claridad de la información']));
  if (facts.resolved) good.push(say(['la resolución inmediata', 'que lo resolvieran a la primera', 'no tener que volver']));
  if (facts.greeting === false) bad.push(say(['la falta de saludo', 'el saludo, que no hubo', 'la acogida, sin saludo']));
  if ((facts.empathy ?? 5) <= 2) bad.push(say(['el trato poco empático', 'la frialdad del trato', 'la actitud']));
  if ((facts.accuracyPoints ?? 4) < 4)
    bad.push(say(['la información, incompleta o errónea', 'el conocimiento del producto', 'la exactitud de la información']));
  if (facts.resolved === false && !facts.followUp)
    bad.push(say(['la falta de seguimiento', 'el seguimiento del caso', 'que nadie se comprometiera a llamarme']));
  if (facts.forbiddenPhrase) bad.push(say(['las frases excluyentes', 'el «eso no nos compete»', 'las respuestas de manual']));
  if (facts.dataBreach) bad.push(say(['la protección de datos', 'la confidencialidad', 'el cuidado de mis datos']));
  const synchronous = ['in_person', 'phone', 'web_chat'].includes(facts.channel);
  if (facts.seconds !== undefined) {
    const slow = synchronous ? facts.seconds > 480 : facts.seconds > 4 * 3600;
    const quick = synchronous ? facts.seconds <= 150 : facts.seconds <= 3600;
    if (slow)
      bad.push(
        synchronous
          ? pick(random, ['la espera', 'el tiempo de espera', 'la cola'])
          : pick(random, ['la lentitud en responder', 'el tiempo de respuesta']),
      );
    if (quick) good.push(pick(random, ['la rapidez', 'la agilidad', 'lo poco que esperé']));
  }
  const parts: string[] = [];
  if (good.length)
    parts.push(
      `${pick(random, ['Destaco', 'Lo mejor:', 'Me gustó', 'Valoro positivamente', 'Muy bien'])} ${listEs(shuffle(random, good))}.`,
    );
  if (bad.length)
    parts.push(
      `${pick(random, ['A mejorar:', 'Puntos débiles:', 'Lo peor:', 'Debe mejorar', 'Me decepcionó'])} ${listEs(shuffle(random, bad))}.`,
    );
  if (!bad.length)
    parts.push(
      pick(random, [
        'Una atención de diez, volvería sin dudarlo.',
        'Experiencia muy satisfactoria en general.',
        'Recomendaría el servicio a cualquier conocido.',
      ]),
    );
  else if (!good.length)
    parts.push(
      pick(random, [
        'Experiencia decepcionante en conjunto.',
        'No volvería a usar este canal para algo importante.',
        'Muy por debajo de lo que pido a mi banco.',
      ]),
    );
  else
    parts.push(
      pick(random, ['En conjunto, una atención correcta con margen de mejora.', 'Cumple, pero sin destacar.', 'Experiencia aceptable.']),
    );
  let text = parts.join(' ');
  if (text.length < 60) text += ` Visita a ${context.touchpointName}.`;
  return text;
}

function shuffle<T>(random: Random, items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

function listEs(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} y ${items[items.length - 1]}`;
}
