// Mystery enquiry or complaint on social media or WhatsApp (docs/domain.md §8, "Social networks / WhatsApp"),
// built on the eight rules of customer service on social media from the background articles.
import { t, type OptionBlueprint, type TemplateBlueprint } from './blueprint';
import {
  accurateAnswer,
  closing,
  dataProtected,
  followUpOffered,
  greeting,
  identification,
  noForbiddenPhrases,
  otherComments,
  overallComments,
  problemUnderstood,
  resolvedFirstContact,
  toneEmpathy,
} from './common';
import { CUSTOMER_SERVICE_THEMES, WRITING, CHANNEL } from './themes';

/** The question(s) that measure each of the eight rules of service on social media. */
export const SOCIAL_RULE_QUESTION_KEYS = {
  readTheMessage: ['message_read_well'],
  writeWell: ['well_written'],
  informalButCorrectTone: ['informal_correct_tone'],
  identifyWhoWritesAndReach: ['author_identified', 'public_acknowledgement'],
  identifyTheProblem: ['problem_understood'],
  preciseAnswer: ['accurate_answer'],
  protectCustomerData: ['data_protected', 'private_channel'],
  speed: ['response_time'],
} as const;

/** Public posts, where the conversation is seen by the author's followers (WhatsApp is private). */
const PUBLIC_NETWORKS = ['facebook', 'twitter', 'instagram'] as const;

/** A provisional answer counts in full when it is precise and says when the final one comes (rule 6). */
const SOCIAL_ACCURACY_OPTIONS: OptionBlueprint[] = [
  { key: 'precise_final', label: t('Certera y definitiva', 'Precise and final'), points: 4 },
  {
    key: 'precise_provisional',
    label: t(
      'Certera pero provisional: una primera respuesta correcta y un plazo para la definitiva',
      'Precise but provisional: a correct first answer and a date for the final one',
    ),
    points: 4,
  },
  {
    key: 'vague',
    label: t('Vaga o genérica: no respondía a lo que preguntó', 'Vague or generic: it did not answer what you asked'),
    points: 1,
  },
  {
    key: 'incorrect',
    label: t(
      'Incorrecta, o le dijeron que algo no se podía hacer cuando sí se puede',
      'Wrong, or you were told something could not be done when in fact it can',
    ),
    points: 0,
  },
];

export const SOCIAL_WHATSAPP_TEMPLATE: TemplateBlueprint = {
  key: 'social_whatsapp',
  channels: ['facebook', 'twitter', 'instagram', 'whatsapp'],
  themes: [...CUSTOMER_SERVICE_THEMES, WRITING, CHANNEL],
  title: t('Redes sociales y WhatsApp', 'Social media and WhatsApp'),
  description: t(
    'Consulta o queja de cliente incógnito por Facebook, X (Twitter), Instagram o WhatsApp, evaluada con las ' +
      'ocho reglas del servicio en redes sociales: leer bien el mensaje, escribir bien, tono informal pero ' +
      'correcto, identificar a quien escribe y su alcance, identificar el problema, dar una respuesta certera ' +
      '(aunque sea provisional), proteger los datos del cliente y rapidez.',
    'Mystery enquiry or complaint via Facebook, X (Twitter), Instagram or WhatsApp, assessed against the ' +
      'eight rules of customer service on social media: read the message properly, write well, an informal ' +
      'but correct tone, identify who is writing and their reach, identify the problem, give a precise answer ' +
      '(even a provisional one), protect the customer’s data, and speed.',
  ),
  sections: [
    {
      key: 'speed',
      title: t('Rapidez y canal', 'Speed and channel'),
      weight: 2,
      questions: [
        {
          key: 'response_time',
          type: 'duration',
          kpi: 'response_time',
          dimension: 'speed',
          maxPoints: 3,
          thresholds: [
            { upToSeconds: 3600, fraction: 1 },
            { upToSeconds: 7200, fraction: 0.75 },
            { upToSeconds: 14400, fraction: 0.5 },
            { upToSeconds: 86400, fraction: 0.25 },
          ],
          text: t(
            'Tiempo de respuesta: desde que publicó o envió su mensaje hasta la primera respuesta de la marca ' +
              'que trató su consulta (las respuestas automáticas no cuentan).',
            'Response time: from posting or sending your message until the brand’s first reply that dealt with ' +
              'your query (automatic replies do not count).',
          ),
          recommendation: t(
            'Monitorizar las redes y WhatsApp de forma permanente (con alertas o una herramienta de escucha) y ' +
              'responder en menos de una hora, aunque sea con una primera respuesta.',
            'Monitor social media and WhatsApp continuously (with alerts or a listening tool) and reply within ' +
              'the hour, even if only with a first response.',
          ),
        },
        {
          key: 'official_account',
          type: 'yes_no',
          dimension: 'protocol',
          maxPoints: 1,
          text: t(
            '¿Le respondió la cuenta oficial de la marca (verificada o enlazada desde su sitio web) y no un ' +
              'perfil que se hacía pasar por ella?',
            'Did the brand’s official account reply (verified or linked from its website), rather than a ' + 'profile posing as the brand?',
          ),
          recommendation: t(
            'Verificar las cuentas oficiales, enlazarlas desde el sitio web y vigilar y denunciar los perfiles ' +
              'que suplantan a la marca.',
            'Verify the official accounts, link them from the website, and watch for and report profiles that ' + 'impersonate the brand.',
          ),
        },
        {
          key: 'whatsapp_welcome_message',
          type: 'yes_no',
          channels: ['whatsapp'],
          dimension: 'protocol',
          maxPoints: 1,
          text: t(
            'Al escribir por WhatsApp, ¿recibió un mensaje de bienvenida que indicaba el horario de atención y ' +
              'cuándo le responderían?',
            'When you wrote on WhatsApp, did you receive a welcome message stating the service hours and when ' + 'you would get a reply?',
          ),
          recommendation: t(
            'Configurar en WhatsApp Business los mensajes de bienvenida y de ausencia con el horario de ' +
              'atención y el plazo de respuesta.',
            'Set up WhatsApp Business greeting and away messages with the service hours and the expected ' + 'response time.',
          ),
        },
      ],
    },
    {
      key: 'reading',
      title: t('Lectura del mensaje e identificación', 'Reading the message and knowing the customer'),
      weight: 2,
      questions: [
        {
          key: 'message_read_well',
          type: 'yes_no',
          dimension: 'empathy',
          maxPoints: 2,
          text: t(
            '¿La respuesta demostró que habían leído su mensaje completo (no le pidieron datos que ya había ' +
              'dado ni respondieron a otra cosa)?',
            'Did the reply show that your whole message had been read (you were not asked for details you had ' +
              'already given, and the reply did not answer something else)?',
          ),
          recommendation: t(
            'Leer el mensaje completo, y la conversación anterior si la hay, antes de responder; no pedir ' +
              'datos que el cliente ya ha dado.',
            'Read the whole message, and any earlier conversation, before replying; never ask for details the ' +
              'customer has already given.',
          ),
        },
        {
          key: 'author_identified',
          type: 'yes_no',
          dimension: 'empathy',
          maxPoints: 2,
          text: t(
            '¿Quien le respondió tuvo en cuenta quién era usted (le llamó por su nombre o su usuario y sabía si ' +
              'era cliente o si ya había escrito antes)?',
            'Did the person replying take into account who you were (addressed you by name or handle and knew ' +
              'whether you were a customer or had written before)?',
          ),
          recommendation: t(
            'Antes de responder, revisar el perfil y el historial de quien escribe (si es cliente, contactos ' +
              'previos, alcance de su cuenta) para priorizar y dar contexto a la respuesta.',
            'Before replying, check the writer’s profile and history (customer or not, previous contacts, the ' +
              'reach of their account) to prioritise and give context to the reply.',
          ),
        },
        {
          key: 'public_acknowledgement',
          type: 'yes_no',
          channels: [...PUBLIC_NETWORKS],
          dimension: 'protocol',
          maxPoints: 1,
          allowNa: true,
          text: t(
            'Como su mensaje era público, ¿la marca respondió también en el mismo hilo, a la vista de sus ' +
              'seguidores, antes de continuar por privado? Marque N/A si escribió por mensaje privado.',
            'As your message was public, did the brand also reply in the same thread, where your followers ' +
              'could see it, before moving to private messages? Mark N/A if you wrote by direct message.',
          ),
          recommendation: t(
            'Responder en público a los mensajes públicos, sobre todo si su autor tiene muchos seguidores, para ' +
              'que se vea que la marca atiende; los detalles, por privado.',
            'Reply publicly to public posts, especially when the author has a large following, so that people ' +
              'see the brand responding; keep the details for private messages.',
          ),
        },
        problemUnderstood({
          text: t(
            '¿La respuesta identificó bien su problema (lo nombró o lo resumió sin confundirlo con otro)?',
            'Did the reply correctly identify your problem (naming or summing it up without mistaking it for ' + 'something else)?',
          ),
          recommendation: t(
            'Analizar el contenido del mensaje de forma objetiva y nombrar el problema en la respuesta ' +
              '(«Entiendo que su pedido no ha llegado…»), aunque el cliente escriba enfadado.',
            'Analyse the message objectively and name the problem in the reply (“I understand your order ' +
              'hasn’t arrived…”), even when the customer writes in anger.',
          ),
        }),
      ],
    },
    {
      key: 'writing',
      title: t('Redacción y tono', 'Writing and tone'),
      weight: 2,
      questions: [
        greeting({
          text: t('¿La primera respuesta incluyó un saludo?', 'Did the first reply include a greeting?'),
          recommendation: t(
            'Empezar cada respuesta con un saludo breve y cercano, también en las redes sociales.',
            'Start every reply with a short, friendly greeting, on social media too.',
          ),
        }),
        identification({
          text: t(
            '¿La persona que respondió firmó con su nombre o sus iniciales (por ejemplo, «^Ana»)?',
            'Did the person replying sign with their name or initials (for example “^Ana”)?',
          ),
          recommendation: t(
            'Firmar cada respuesta con el nombre o las iniciales de quien atiende: humaniza la marca y da al ' + 'cliente una referencia.',
            'Sign every reply with the agent’s name or initials: it humanises the brand and gives the customer ' + 'a reference.',
          ),
        }),
        {
          key: 'well_written',
          type: 'yes_no',
          dimension: 'writing',
          maxPoints: 2,
          text: t(
            '¿Los mensajes estaban bien escritos: sin faltas de ortografía, con frases claras y sin nada que se ' +
              'prestara a malentendidos?',
            'Were the messages well written: no spelling mistakes, clear sentences and nothing open to ' + 'misunderstanding?',
          ),
          recommendation: t(
            'Releer cada mensaje antes de publicarlo: en las redes, una falta o una frase ambigua se difunde y ' +
              'daña la imagen de la marca.',
            'Reread every message before posting it: on social media a mistake or an ambiguous sentence ' +
              'spreads and damages the brand.',
          ),
        },
        {
          key: 'informal_correct_tone',
          type: 'single_choice',
          dimension: 'writing',
          maxPoints: 2,
          text: t('¿Cómo fue el tono de las respuestas?', 'How would you describe the tone of the replies?'),
          options: [
            {
              key: 'friendly_correct',
              label: t('Cercano e informal, pero correcto y respetuoso', 'Friendly and informal, yet correct and respectful'),
              points: 2,
            },
            {
              key: 'too_formal',
              label: t('Correcto, pero rígido o burocrático para una red social', 'Correct, but stiff or bureaucratic for social media'),
              points: 1,
            },
            {
              key: 'too_casual',
              label: t(
                'Demasiado informal (abreviaturas, bromas fuera de lugar o falta de respeto)',
                'Too casual (text-speak, misplaced jokes or a lack of respect)',
              ),
              points: 0,
            },
          ],
          recommendation: t(
            'Usar un tono cercano, propio de cada red social, sin perder la corrección: seguir la guía de estilo ' +
              'de la marca, sin abreviaturas ni bromas.',
            'Use a friendly tone that suits each network without losing correctness: follow the brand’s style ' +
              'guide, with no text-speak or jokes.',
          ),
        },
        toneEmpathy({
          text: t(
            'Empatía: 1 = indiferente o a la defensiva, 5 = comprensivo con su situación y con ganas de ayudar.',
            'Empathy: 1 = indifferent or defensive, 5 = understanding of your situation and keen to help.',
          ),
          recommendation: t(
            'Reconocer el malestar del cliente antes de dar explicaciones y no responder nunca a la defensiva, ' + 'menos aún en público.',
            'Acknowledge the customer’s frustration before giving explanations and never reply defensively, ' + 'least of all in public.',
          ),
        }),
        noForbiddenPhrases({
          text: t(
            '¿Alguna respuesta contenía frases excluyentes o prohibidas, como «eso no nos compete» o «escríbanos ' +
              'por otro canal», sin ayudarle?',
            'Did any reply contain dismissive or forbidden phrases, such as “that’s not our concern” or “please ' +
              'contact us through another channel”, without helping you?',
          ),
          recommendation: t(
            'No despachar al cliente hacia otro canal: si hace falta cambiar de canal, explicar por qué y ' +
              'acompañarle con el caso ya registrado.',
            'Never just send the customer to another channel: if a change of channel is needed, explain why ' +
              'and go with them, with the case already logged.',
          ),
        }),
      ],
    },
    {
      key: 'answer',
      title: t('Respuesta y resolución', 'Answer and resolution'),
      weight: 3,
      questions: [
        accurateAnswer(
          {
            text: t(
              'Comparada con la respuesta correcta que figura en el escenario, la respuesta que recibió fue:',
              'Compared with the correct answer given in the scenario brief, the answer you received was:',
            ),
            recommendation: t(
              'Dar siempre una respuesta concreta y correcta, aunque sea provisional («lo estamos revisando y le ' +
                'confirmamos antes de las 18:00»): la respuesta también se difunde.',
              'Always give a specific, correct answer, even a provisional one (“we’re looking into it and will ' +
                'confirm by 6 pm”): the reply gets shared too.',
            ),
          },
          SOCIAL_ACCURACY_OPTIONS,
        ),
        resolvedFirstContact({
          text: t(
            '¿Su consulta quedó resuelta en esta conversación, sin tener que volver a escribir ni usar otro ' + 'canal?',
            'Was your query resolved in this conversation, without having to write again or use another ' + 'channel?',
          ),
          recommendation: t(
            'Dar al equipo de redes sociales acceso a los sistemas y autonomía para resolver en la misma ' +
              'conversación, no solo para derivar.',
            'Give the social media team the system access and authority to resolve within the conversation, ' + 'not just to redirect.',
          ),
        }),
        followUpOffered({
          text: t(
            'Como su consulta no quedó resuelta, ¿le dijeron cuál sería el siguiente paso y en qué plazo le ' + 'volverían a escribir?',
            'As your query was not resolved, were you told what the next step would be and when they would ' + 'get back to you?',
          ),
          recommendation: t(
            'Cuando no se pueda resolver en el momento, indicar el siguiente paso y un plazo concreto, y ' +
              'escribir al cliente dentro de ese plazo aunque aún no haya novedades.',
            'When the query cannot be resolved at once, state the next step and a specific timescale, and write ' +
              'to the customer within it even if there is no news yet.',
          ),
        }),
        closing({
          text: t(
            '¿La conversación se cerró confirmando que no le quedaban dudas y con una despedida cordial?',
            'Was the conversation closed by checking that you had no further questions, with a friendly ' + 'goodbye?',
          ),
          recommendation: t(
            'Cerrar cada conversación preguntando si queda alguna duda y con una despedida cordial, también en ' + 'el hilo público.',
            'Close every conversation by asking whether anything else is needed and with a friendly goodbye, ' +
              'in the public thread too.',
          ),
        }),
      ],
    },
    {
      key: 'data',
      title: t('Protección de datos', 'Data protection'),
      weight: 2,
      questions: [
        {
          key: 'private_channel',
          type: 'yes_no',
          channels: [...PUBLIC_NETWORKS],
          dimension: 'data_security',
          maxPoints: 2,
          critical: true,
          knockoutScope: 'visit',
          allowNa: true,
          text: t(
            'Cuando hizo falta tratar datos personales, ¿le pidieron que siguiera por mensaje privado o por ' +
              'otro canal seguro, en lugar de pedírselos o mostrarlos en público? Marque N/A si su caso no ' +
              'requería datos personales o si ya escribía por mensaje privado.',
            'When personal data was needed, were you asked to continue by direct message or another secure ' +
              'channel, rather than having it requested or shown in public? Mark N/A if your case needed no ' +
              'personal data or you were already writing by direct message.',
          ),
          recommendation: t(
            'No pedir ni mostrar nunca datos personales en público: invitar al cliente a seguir por mensaje ' +
              'privado y, si los publica él mismo, recomendarle que borre el mensaje.',
            'Never ask for or show personal data in public: invite the customer to continue by direct message ' +
              'and, if they post it themselves, advise them to delete the post.',
          ),
        },
        dataProtected({
          text: t(
            '¿Evitaron pedirle datos sensibles que nunca deben solicitarse por este canal (contraseñas, PIN, ' +
              'número completo de tarjeta) y no expusieron ningún dato suyo?',
            'Did they avoid asking for sensitive data that must never be requested on this channel (passwords, ' +
              'PINs, the full card number) and avoid exposing any of your data?',
          ),
          recommendation: t(
            'Pedir solo los datos imprescindibles, nunca claves ni números completos de tarjeta, y proteger al ' +
              'cliente incluso de sus propias indiscreciones.',
            'Ask only for the data that is strictly necessary, never passwords or full card numbers, and ' +
              'protect customers even from their own indiscretions.',
          ),
        }),
      ],
    },
    {
      key: 'overall',
      title: t('Valoración general', 'Overall impressions'),
      questions: [
        {
          key: 'evidence_screenshots',
          type: 'evidence',
          required: true,
          text: t(
            'Capturas de toda la conversación con la fecha y la hora visibles (incluya su publicación original ' + 'si era pública).',
            'Screenshots of the whole conversation with the date and time visible (include your original post ' + 'if it was public).',
          ),
        },
        overallComments(
          t(
            'Describa la experiencia con sus palabras: cómo le atendieron, qué funcionó bien y qué se podría ' + 'mejorar.',
            'Describe the experience in your own words: how you were treated, what worked well and what could ' + 'be improved.',
          ),
        ),
        otherComments(),
      ],
    },
  ],
};
