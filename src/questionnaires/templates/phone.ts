// Mystery call to a customer service line (docs/domain.md §8, "Phone").
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

export const PHONE_TEMPLATE: TemplateBlueprint = {
  key: 'phone',
  channels: ['phone'],
  themes: [...CUSTOMER_SERVICE_THEMES, CHANNEL],
  title: t('Atención telefónica', 'Phone service'),
  description: t(
    'Llamada de cliente incógnito a la línea de atención: acceso y espera en cola, menú automático, saludo, ' +
      'gestión de la consulta, esperas y transferencias, resolución en el primer contacto y protección de datos.',
    'Mystery call to the customer service line: access and queue wait, automated menu, greeting, query ' +
      'handling, holds and transfers, first-contact resolution and data protection.',
  ),
  sections: [
    {
      key: 'access',
      title: t('Acceso y espera', 'Access and waiting'),
      weight: 1,
      questions: [
        {
          key: 'ivr_ease',
          type: 'scale',
          min: 1,
          max: 5,
          dimension: 'speed',
          maxPoints: 2,
          allowNa: true,
          text: t(
            'Facilidad del menú automático (IVR) para llegar a la opción que necesitaba: 1 = confuso o ' +
              'interminable, 5 = claro y rápido. Marque N/A si la línea no tenía menú.',
            'How easy the automated menu (IVR) made it to reach the option you needed: 1 = confusing or ' +
              'endless, 5 = clear and quick. Mark N/A if the line had no menu.',
          ),
          recommendation: t(
            'Limitar el menú a pocas opciones con nombres que el cliente entienda, poner primero las más ' +
              'solicitadas y ofrecer siempre la opción de hablar con una persona.',
            'Keep the menu to a few options named in the customer’s words, put the most requested ones first ' +
              'and always offer the option to speak to a person.',
          ),
        },
        {
          key: 'queue_wait',
          type: 'duration',
          kpi: 'wait_time',
          dimension: 'speed',
          maxPoints: 2,
          thresholds: [
            { upToSeconds: 30, fraction: 1 },
            { upToSeconds: 60, fraction: 0.75 },
            { upToSeconds: 120, fraction: 0.5 },
            { upToSeconds: 300, fraction: 0.25 },
          ],
          text: t(
            'Tiempo de espera en cola: desde que terminó el menú automático (o desde el primer tono, si no ' +
              'había menú) hasta que le atendió una persona.',
            'Queue waiting time: from the end of the automated menu (or the first ring, if there was no menu) ' +
              'until a person answered.',
          ),
          recommendation: t(
            'Ajustar la dotación de agentes a la curva de llamadas para atender la mayoría en menos de 30 ' +
              'segundos, y ofrecer la devolución de la llamada cuando la espera se alargue.',
            'Match agent staffing to the call curve so that most calls are answered within 30 seconds, and ' +
              'offer a call-back when the wait grows longer.',
          ),
        },
        {
          key: 'queue_informed',
          type: 'yes_no',
          dimension: 'protocol',
          maxPoints: 1,
          allowNa: true,
          text: t(
            'Mientras esperaba en cola, ¿le informaron del tiempo estimado de espera o de su posición? Marque ' +
              'N/A si le atendieron sin espera.',
            'While you were waiting in the queue, were you told the estimated waiting time or your position? ' +
              'Mark N/A if you were answered without waiting.',
          ),
          recommendation: t(
            'Anunciar en la locución de espera el tiempo estimado o la posición en cola y actualizarlo cada ' + 'cierto tiempo.',
            'Announce the estimated waiting time or queue position in the waiting message and update it ' + 'regularly.',
          ),
        },
      ],
    },
    {
      key: 'opening',
      title: t('Saludo e identificación', 'Greeting and identification'),
      weight: 1,
      questions: [
        greeting({
          text: t(
            '¿El agente atendió con un saludo cordial que incluía el nombre de la empresa?',
            'Did the agent answer with a friendly greeting that included the company name?',
          ),
          recommendation: t(
            'Atender siempre con el saludo estándar: saludo, nombre de la empresa y ofrecimiento de ayuda.',
            'Always answer with the standard greeting: a hello, the company name and an offer to help.',
          ),
        }),
        identification({
          text: t('¿El agente dijo su nombre al comenzar la llamada?', 'Did the agent give their name at the start of the call?'),
          recommendation: t(
            'Presentarse con el nombre al inicio de cada llamada: genera confianza y da al cliente una ' +
              'referencia para el seguimiento.',
            'Give your name at the start of every call: it builds trust and gives the customer a reference ' + 'for any follow-up.',
          ),
        }),
      ],
    },
    {
      key: 'handling',
      title: t('Gestión de la consulta', 'Handling the query'),
      weight: 3,
      questions: [
        problemUnderstood({
          text: t(
            '¿El agente nombró o resumió su consulta con sus propias palabras para confirmar que la había ' + 'entendido?',
            'Did the agent name or sum up your query in their own words to confirm they had understood it?',
          ),
          recommendation: t(
            'Antes de responder, resumir la consulta del cliente («si le he entendido bien, lo que necesita ' +
              'es…») y esperar su confirmación.',
            'Before answering, sum up the customer’s query (“if I’ve understood correctly, what you need ' +
              'is…”) and wait for them to confirm.',
          ),
        }),
        accurateAnswer({
          text: t(
            'Comparada con la respuesta correcta que figura en el escenario, la información que le dio el ' + 'agente fue:',
            'Compared with the correct answer given in the scenario brief, the information the agent gave ' + 'you was:',
          ),
          recommendation: t(
            'Mantener actualizada la base de conocimiento y formar a los agentes en producto y procedimientos; ' +
              'ante la duda, consultar antes de decir que algo no se puede hacer.',
            'Keep the knowledge base up to date and train agents on products and procedures; when in doubt, ' +
              'check before saying that something cannot be done.',
          ),
        }),
        toneEmpathy({
          text: t(
            'Amabilidad y empatía en la voz y en el trato: 1 = seco o impaciente, 5 = cálido, paciente y ' + 'comprensivo.',
            'Friendliness and empathy in voice and manner: 1 = curt or impatient, 5 = warm, patient and ' + 'understanding.',
          ),
          recommendation: t(
            'Cuidar el tono de voz, sonreír al hablar, no interrumpir y reconocer la situación del cliente ' +
              '(«entiendo lo molesto que resulta…»).',
            'Mind your tone of voice, smile as you speak, do not interrupt and acknowledge the customer’s ' +
              'situation (“I understand how frustrating this is…”).',
          ),
        }),
        noForbiddenPhrases({
          text: t(
            '¿El agente usó alguna frase excluyente o prohibida, como «eso no nos compete», «no es mi ' +
              'departamento» o «llame a otro número», sin ayudarle a resolverlo?',
            'Did the agent use any dismissive or forbidden phrase, such as “that’s not our concern”, “that’s ' +
              'not my department” or “call another number”, without helping you sort it out?',
          ),
          recommendation: t(
            'Eliminar las frases excluyentes del discurso: si la consulta corresponde a otra área, ' +
              'transferir o derivar acompañando al cliente, nunca despacharlo.',
            'Remove dismissive phrases from the script: if the query belongs to another team, transfer or ' +
              'refer the customer with a proper handover, never just send them away.',
          ),
        }),
        {
          key: 'placed_on_hold',
          type: 'yes_no',
          maxPoints: 0,
          text: t(
            '¿Le pusieron en espera (con música o en silencio) durante la conversación?',
            'Were you put on hold (with music or in silence) during the conversation?',
          ),
        },
        {
          key: 'hold_announced',
          type: 'yes_no',
          dimension: 'protocol',
          maxPoints: 1,
          showIf: { questionKey: 'placed_on_hold', equals: true },
          text: t(
            '¿El agente le pidió permiso antes de ponerle en espera, le dijo cuánto tardaría y le agradeció la ' + 'espera al volver?',
            'Did the agent ask your permission before putting you on hold, tell you how long it would take ' +
              'and thank you for waiting when they came back?',
          ),
          recommendation: t(
            'Pedir permiso antes de poner en espera, anunciar cuánto durará, volver a la línea si se alarga y ' + 'agradecer la espera.',
            'Ask permission before putting a caller on hold, say how long it will be, come back on the line if ' +
              'it runs longer and thank them for waiting.',
          ),
        },
        {
          key: 'transfers',
          type: 'single_choice',
          dimension: 'resolution',
          maxPoints: 2,
          text: t(
            '¿Cuántas veces le transfirieron a otro agente o a otra área?',
            'How many times were you transferred to another agent or department?',
          ),
          options: [
            { key: 'none', label: t('Ninguna', 'None'), points: 2 },
            { key: 'one', label: t('Una', 'Once'), points: 1 },
            { key: 'two_or_more', label: t('Dos o más', 'Twice or more'), points: 0 },
          ],
          recommendation: t(
            'Dirigir cada llamada al agente adecuado desde el principio (menú y enrutamiento claros) y dar a ' +
              'los agentes los conocimientos necesarios para resolver sin transferir.',
            'Route each call to the right agent from the start (a clear menu and routing) and give agents the ' +
              'knowledge they need to resolve without transferring.',
          ),
        },
        {
          key: 'no_repeat_after_transfer',
          type: 'yes_no',
          dimension: 'resolution',
          maxPoints: 2,
          showIf: { questionKey: 'transfers', in: ['one', 'two_or_more'] },
          text: t(
            'Después de la transferencia, ¿pudo continuar sin tener que repetir la información que ya había dado?',
            'After the transfer, could you carry on without having to repeat information you had already given?',
          ),
          recommendation: t(
            'Hacer transferencias acompañadas: presentar el caso al siguiente agente o dejarlo registrado para ' +
              'que el cliente no tenga que repetirlo.',
            'Use warm transfers: brief the next agent on the case, or log it, so that the customer never has ' + 'to repeat themselves.',
          ),
        },
      ],
    },
    {
      key: 'resolution',
      title: t('Resolución y cierre', 'Resolution and closing'),
      weight: 2,
      questions: [
        resolvedFirstContact({
          text: t(
            '¿Su consulta quedó resuelta en esta llamada, sin necesidad de volver a llamar ni de usar otro canal?',
            'Was your query resolved in this call, with no need to call back or use another channel?',
          ),
          recommendation: t(
            'Dar a los agentes la autonomía y el acceso a sistemas necesarios para resolver en la misma ' +
              'llamada las consultas más frecuentes.',
            'Give agents the authority and system access they need to resolve the most common queries ' + 'within the same call.',
          ),
        }),
        followUpOffered({
          text: t(
            'Como su consulta no quedó resuelta, ¿le ofrecieron un seguimiento concreto (número de caso, plazo ' +
              'y cómo se pondrían en contacto con usted)?',
            'As your query was not resolved, were you offered a specific follow-up (a case number, a ' +
              'timescale and how you would be contacted)?',
          ),
          recommendation: t(
            'Cuando no se pueda resolver en la llamada, dar siempre un número de caso, un plazo y el medio por ' +
              'el que se contactará al cliente, y cumplirlo.',
            'When a query cannot be resolved on the call, always give a case number, a timescale and the way ' +
              'the customer will be contacted, and keep to it.',
          ),
        }),
        dataProtected({
          allowNa: true,
          text: t(
            '¿El agente verificó su identidad antes de darle información de una cuenta y evitó pedirle datos ' +
              'que nunca deben solicitarse por teléfono (contraseñas, PIN o el número completo de la tarjeta)? ' +
              'Marque N/A si la llamada no implicó datos personales.',
            'Did the agent verify your identity before giving out account information, and avoid asking for ' +
              'data that must never be requested over the phone (passwords, PINs or the full card number)? ' +
              'Mark N/A if the call involved no personal data.',
          ),
          recommendation: t(
            'Aplicar siempre el protocolo de verificación de identidad antes de informar sobre una cuenta y no ' +
              'solicitar nunca claves, PIN ni números completos de tarjeta.',
            'Always apply the identity-verification procedure before discussing an account, and never ask for ' +
              'passwords, PINs or full card numbers.',
          ),
        }),
        closing({
          text: t(
            'Antes de colgar, ¿el agente confirmó que no le quedaban dudas, resumió lo acordado y se despidió ' + 'con cordialidad?',
            'Before hanging up, did the agent check that you had no further questions, sum up what had been ' +
              'agreed and say goodbye politely?',
          ),
          recommendation: t(
            'Cerrar cada llamada con un resumen de lo acordado, la pregunta «¿puedo ayudarle en algo más?» y ' + 'una despedida cordial.',
            'End every call with a summary of what was agreed, the question “is there anything else I can help ' +
              'you with?” and a friendly goodbye.',
          ),
        }),
      ],
    },
    {
      key: 'overall',
      title: t('Valoración general', 'Overall impressions'),
      questions: [
        {
          key: 'evidence_call_log',
          type: 'evidence',
          required: true,
          text: t(
            'Captura del registro de llamadas de su teléfono en la que se vean la fecha, la hora y la duración ' + 'de la llamada.',
            'Screenshot of your phone’s call log showing the date, time and length of the call.',
          ),
        },
        overallComments(
          t(
            'Describa la llamada con sus palabras: cómo le atendieron, qué funcionó bien y qué se podría mejorar.',
            'Describe the call in your own words: how you were treated, what worked well and what could be ' + 'improved.',
          ),
        ),
        otherComments(),
      ],
    },
  ],
};
