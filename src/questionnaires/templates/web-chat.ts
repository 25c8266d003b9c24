// Mystery conversation through the website chat or the in-app chat (docs/domain.md §8, "Web chat / app").
// The website chat is synchronous (the customer waits to be connected: wait time); the in-app chat is
// asynchronous (the customer leaves a message and gets a reply: response time), so each has its own
// timing question, asked only on its channel.
import { t, type TemplateBlueprint } from './blueprint';
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
import { CUSTOMER_SERVICE_THEMES, CHANNEL } from './themes';

export const WEB_CHAT_TEMPLATE: TemplateBlueprint = {
  key: 'web_chat',
  channels: ['web_chat', 'app'],
  themes: [...CUSTOMER_SERVICE_THEMES, CHANNEL],
  title: t('Chat web y chat de la aplicación', 'Web chat and in-app chat'),
  description: t(
    'Conversación de cliente incógnito por el chat del sitio web o de la aplicación: acceso y tiempo de ' +
      'conexión, asistente virtual y paso a una persona, continuidad de la sesión, redacción, resolución y ' +
      'protección de datos.',
    'Mystery conversation through the website or app chat: access and time to connect, virtual assistant ' +
      'and handover to a person, session continuity, writing, resolution and data protection.',
  ),
  sections: [
    {
      key: 'access',
      title: t('Acceso y conexión', 'Access and connection'),
      weight: 1,
      questions: [
        {
          key: 'chat_findable',
          type: 'yes_no',
          dimension: 'protocol',
          maxPoints: 1,
          text: t(
            '¿Encontró el acceso al chat con facilidad (visible en la web o en la aplicación, sin tener que ' + 'buscarlo)?',
            'Was the chat easy to find (visible on the website or in the app, without having to hunt for it)?',
          ),
          recommendation: t(
            'Colocar el acceso al chat en un lugar visible de todas las páginas de ayuda y de la aplicación, ' +
              'con un texto claro como «Chatea con nosotros».',
            'Place the chat button somewhere visible on every help page and in the app, with a clear label ' + 'such as “Chat with us”.',
          ),
        },
        {
          key: 'connect_time',
          type: 'duration',
          kpi: 'wait_time',
          channels: ['web_chat'],
          dimension: 'speed',
          maxPoints: 2,
          thresholds: [
            { upToSeconds: 30, fraction: 1 },
            { upToSeconds: 60, fraction: 0.75 },
            { upToSeconds: 120, fraction: 0.5 },
            { upToSeconds: 300, fraction: 0.25 },
          ],
          text: t(
            'Tiempo de conexión: desde que envió su primer mensaje hasta que le respondieron sobre su consulta ' +
              '(una persona o el asistente virtual; los mensajes automáticos de bienvenida no cuentan).',
            'Time to connect: from sending your first message until someone replied about your query (a ' +
              'person or the virtual assistant; automatic welcome messages do not count).',
          ),
          recommendation: t(
            'Dimensionar el equipo de chat para responder en menos de 30 segundos e informar del tiempo ' + 'estimado cuando haya espera.',
            'Size the chat team to reply within 30 seconds and show the estimated wait when there is a queue.',
          ),
        },
        {
          key: 'app_response_time',
          type: 'duration',
          kpi: 'response_time',
          channels: ['app'],
          dimension: 'speed',
          maxPoints: 2,
          thresholds: [
            { upToSeconds: 300, fraction: 1 },
            { upToSeconds: 900, fraction: 0.75 },
            { upToSeconds: 3600, fraction: 0.5 },
            { upToSeconds: 14400, fraction: 0.25 },
          ],
          text: t(
            'Tiempo de respuesta en la aplicación: desde que envió su primer mensaje por el chat de la ' +
              'aplicación hasta que le respondieron sobre su consulta (los mensajes automáticos no cuentan).',
            'Response time in the app: from sending your first message through the app chat until someone ' +
              'replied about your query (automatic messages do not count).',
          ),
          recommendation: t(
            'Responder los mensajes de la aplicación en menos de 5 minutos y, cuando no sea posible, indicar en ' +
              'el propio chat cuándo llegará la respuesta y avisar con una notificación.',
            'Answer in-app messages within 5 minutes and, where that is not possible, say in the chat when a ' +
              'reply will come and send a notification when it does.',
          ),
        },
      ],
    },
    {
      key: 'assistant',
      title: t('Asistente virtual y continuidad', 'Virtual assistant and continuity'),
      weight: 1,
      questions: [
        {
          key: 'bot_or_person_clear',
          type: 'yes_no',
          dimension: 'protocol',
          maxPoints: 1,
          text: t(
            '¿Quedó claro en todo momento si le atendía un asistente virtual (bot) o una persona?',
            'Was it clear at all times whether you were talking to a virtual assistant (bot) or a person?',
          ),
          recommendation: t(
            'Indicar desde el primer mensaje si responde un asistente virtual o una persona, y avisar cuando ' +
              'la conversación pase de uno a otro.',
            'Say in the first message whether a virtual assistant or a person is replying, and announce it ' +
              'when the conversation passes from one to the other.',
          ),
        },
        {
          key: 'bot_involved',
          type: 'yes_no',
          maxPoints: 0,
          text: t(
            '¿Le atendió un asistente virtual en algún momento de la conversación?',
            'Did a virtual assistant reply at any point in the conversation?',
          ),
        },
        {
          key: 'bot_solved',
          type: 'yes_no',
          maxPoints: 0,
          showIf: { questionKey: 'bot_involved', equals: true },
          text: t('¿El asistente virtual resolvió su consulta por sí solo?', 'Did the virtual assistant resolve your query on its own?'),
        },
        {
          key: 'person_reachable',
          type: 'yes_no',
          dimension: 'resolution',
          maxPoints: 2,
          showIf: { questionKey: 'bot_solved', equals: false },
          text: t(
            'Cuando el asistente virtual no pudo ayudarle, ¿pudo pasar a hablar con una persona sin tener que ' + 'empezar de nuevo?',
            'When the virtual assistant could not help, were you able to reach a person without having to ' + 'start over?',
          ),
          recommendation: t(
            'Ofrecer el paso a una persona en cuanto el asistente virtual no entienda o no pueda resolver, ' +
              'trasladándole la conversación previa.',
            'Offer a handover to a person as soon as the virtual assistant fails to understand or cannot ' +
              'resolve, passing on the conversation so far.',
          ),
        },
        {
          key: 'session_kept',
          type: 'yes_no',
          dimension: 'protocol',
          maxPoints: 2,
          text: t(
            '¿La sesión se mantuvo activa durante toda la conversación, sin caducar ni cortarse y obligarle a ' + 'empezar de nuevo?',
            'Did the session stay active throughout the conversation, without expiring or dropping and ' + 'forcing you to start again?',
          ),
          recommendation: t(
            'Ampliar el tiempo de caducidad de la sesión mientras haya una conversación abierta y conservar el ' +
              'historial si el cliente se reconecta.',
            'Extend the session timeout while a conversation is open and keep the history if the customer ' + 'reconnects.',
          ),
        },
      ],
    },
    {
      key: 'service',
      title: t('Atención y redacción', 'Service and writing'),
      weight: 2,
      questions: [
        greeting({
          text: t(
            '¿La conversación comenzó con un saludo cordial y un ofrecimiento de ayuda?',
            'Did the conversation begin with a friendly greeting and an offer of help?',
          ),
          recommendation: t(
            'Abrir cada chat con un saludo cordial y una pregunta abierta («¿En qué puedo ayudarle?»).',
            'Open every chat with a friendly greeting and an open question (“How can I help you?”).',
          ),
        }),
        identification({
          allowNa: true,
          text: t(
            '¿La persona que le atendió se presentó con su nombre? Marque N/A si solo le atendió el asistente ' + 'virtual.',
            'Did the person who served you introduce themselves by name? Mark N/A if only the virtual ' + 'assistant replied.',
          ),
          recommendation: t(
            'Presentarse con el nombre al tomar la conversación, también cuando se recibe de un asistente ' + 'virtual o de otro agente.',
            'Introduce yourself by name when taking over the conversation, including when it comes from a ' +
              'virtual assistant or another agent.',
          ),
        }),
        toneEmpathy({
          text: t(
            'Tono y empatía: 1 = frío, mecánico o con respuestas enlatadas, 5 = cercano, amable y atento a su ' + 'situación.',
            'Tone and empathy: 1 = cold, mechanical or canned, 5 = warm, courteous and attentive to your ' + 'situation.',
          ),
          recommendation: t(
            'Adaptar las respuestas predefinidas a cada cliente, reconocer su situación y mantener un tono ' +
              'cercano durante toda la conversación.',
            'Adapt canned replies to each customer, acknowledge their situation and keep a warm tone ' + 'throughout the conversation.',
          ),
        }),
        {
          key: 'writing_quality',
          type: 'yes_no',
          dimension: 'writing',
          maxPoints: 2,
          text: t(
            '¿Los mensajes estaban bien escritos: sin faltas de ortografía, con frases claras y breves y sin ' +
              'respuestas predefinidas fuera de contexto?',
            'Were the messages well written: no spelling mistakes, clear and short sentences, and no canned ' + 'replies out of context?',
          ),
          recommendation: t(
            'Escribir mensajes cortos y claros, revisar la ortografía antes de enviar y usar las respuestas ' +
              'predefinidas solo cuando encajan con la pregunta.',
            'Write short, clear messages, check spelling before sending and use canned replies only when they ' + 'fit the question.',
          ),
        },
        noForbiddenPhrases({
          text: t(
            '¿Le respondieron con alguna frase excluyente o prohibida, como «eso no nos compete» o «consúltelo ' +
              'en otro canal», sin ayudarle?',
            'Were you given any dismissive or forbidden reply, such as “that’s not our concern” or “please ask ' +
              'through another channel”, without being helped?',
          ),
          recommendation: t(
            'Si la consulta no puede resolverse por el chat, derivarla acompañando al cliente (con el caso ' +
              'registrado y el canal exacto), nunca despacharlo con una frase excluyente.',
            'If the query cannot be resolved by chat, refer it with a proper handover (case logged and the ' +
              'exact channel given), never dismiss the customer with a stock phrase.',
          ),
        }),
      ],
    },
    {
      key: 'resolution',
      title: t('Consulta y resolución', 'Query and resolution'),
      weight: 3,
      questions: [
        problemUnderstood({
          text: t(
            '¿Quien le atendió nombró o resumió su consulta para confirmar que la había entendido?',
            'Did whoever served you name or sum up your query to confirm they had understood it?',
          ),
          recommendation: t(
            'Leer todo lo que el cliente ya escribió (también lo que dijo al asistente virtual) y confirmar la ' +
              'consulta antes de responder.',
            'Read everything the customer has already written (including to the virtual assistant) and ' +
              'confirm the query before answering.',
          ),
        }),
        accurateAnswer({
          text: t(
            'Comparada con la respuesta correcta que figura en el escenario, la información que le dieron fue:',
            'Compared with the correct answer given in the scenario brief, the information you were given was:',
          ),
          recommendation: t(
            'Mantener actualizadas la base de conocimiento del equipo y la del asistente virtual y, ante la ' +
              'duda, comprobar antes de decir que algo no se puede hacer.',
            'Keep both the team’s and the virtual assistant’s knowledge bases up to date and, when in doubt, ' +
              'check before saying that something cannot be done.',
          ),
        }),
        resolvedFirstContact({
          text: t(
            '¿Su consulta quedó resuelta en esta conversación, sin tener que volver a escribir ni usar otro ' + 'canal?',
            'Was your query resolved in this conversation, without having to write again or use another ' + 'channel?',
          ),
          recommendation: t(
            'Dar a los agentes de chat acceso a los sistemas y autonomía para resolver en la misma ' +
              'conversación las consultas más frecuentes.',
            'Give chat agents the system access and authority to resolve the most common queries within the ' + 'same conversation.',
          ),
        }),
        followUpOffered({
          text: t(
            'Como su consulta no quedó resuelta, ¿le ofrecieron un seguimiento concreto (número de caso, plazo ' +
              'y por qué medio le contactarían)?',
            'As your query was not resolved, were you offered a specific follow-up (a case number, a timescale ' +
              'and how you would be contacted)?',
          ),
          recommendation: t(
            'Antes de cerrar un chat sin resolver, dejar el caso registrado y comunicar al cliente el número, ' +
              'el plazo y el medio de contacto.',
            'Before closing an unresolved chat, log the case and give the customer its number, the timescale ' + 'and the contact method.',
          ),
        }),
        dataProtected({
          text: t(
            '¿Le pidieron solo los datos necesarios para su consulta y nunca contraseñas, PIN ni el número ' +
              'completo de la tarjeta por el chat?',
            'Were you asked only for the data your query needed, and never for passwords, PINs or the full ' + 'card number in the chat?',
          ),
          recommendation: t(
            'Pedir solo los datos imprescindibles, verificar la identidad por el procedimiento establecido y no ' +
              'solicitar nunca claves ni números completos de tarjeta por el chat.',
            'Ask only for the data that is strictly necessary, verify identity through the set procedure and ' +
              'never request passwords or full card numbers in the chat.',
          ),
        }),
        closing({
          text: t(
            'Antes de cerrar el chat, ¿confirmaron que no le quedaban dudas y se despidieron con cordialidad?',
            'Before closing the chat, did they check that you had no further questions and say goodbye ' + 'politely?',
          ),
          recommendation: t(
            'No cerrar nunca un chat sin preguntar si queda alguna duda y sin despedirse; ofrecer una copia de ' + 'la conversación.',
            'Never close a chat without asking whether anything else is needed and saying goodbye; offer a ' + 'copy of the conversation.',
          ),
        }),
      ],
    },
    {
      key: 'overall',
      title: t('Valoración general', 'Overall impressions'),
      questions: [
        {
          key: 'evidence_transcript',
          type: 'evidence',
          required: true,
          text: t(
            'Capturas de pantalla de toda la conversación (o la transcripción descargada), con la fecha y la ' + 'hora visibles.',
            'Screenshots of the whole conversation (or the downloaded transcript), with the date and time ' + 'visible.',
          ),
        },
        overallComments(
          t(
            'Describa la conversación con sus palabras: cómo le atendieron, qué funcionó bien y qué se podría ' + 'mejorar.',
            'Describe the conversation in your own words: how you were treated, what worked well and what ' + 'could be improved.',
          ),
        ),
        otherComments(),
      ],
    },
  ],
};
