// Mystery enquiry sent by email (docs/domain.md §8, "Email").
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
import { CUSTOMER_SERVICE_THEMES, WRITING } from './themes';

export const EMAIL_TEMPLATE: TemplateBlueprint = {
  key: 'email',
  channels: ['email'],
  themes: [...CUSTOMER_SERVICE_THEMES, WRITING],
  title: t('Atención por correo electrónico', 'Email service'),
  description: t(
    'Consulta de cliente incógnito enviada por correo electrónico: tiempo hasta la primera respuesta, ' +
      'redacción y ortografía, personalización, respuesta completa y correcta, resolución y protección de datos.',
    'Mystery enquiry sent by email: time to first response, writing and spelling, personalisation, a ' +
      'complete and accurate answer, resolution and data protection.',
  ),
  sections: [
    {
      key: 'response',
      title: t('Tiempo de respuesta', 'Response time'),
      weight: 1,
      questions: [
        {
          key: 'first_response_time',
          type: 'duration',
          kpi: 'response_time',
          dimension: 'speed',
          maxPoints: 2,
          thresholds: [
            { upToSeconds: 14400, fraction: 1 },
            { upToSeconds: 86400, fraction: 0.5 },
          ],
          text: t(
            'Tiempo hasta la primera respuesta personal: desde que envió su correo hasta que recibió una ' +
              'respuesta escrita por una persona (los acuses de recibo automáticos no cuentan).',
            'Time to first personal response: from sending your email until you received a reply written by ' +
              'a person (automatic acknowledgements do not count).',
          ),
          recommendation: t(
            'Responder en menos de 4 horas: repartir la bandeja de entrada por turnos, atender primero los ' +
              'correos más antiguos y revisar a diario los pendientes.',
            'Reply within 4 hours: share the inbox across shifts, deal with the oldest emails first and review ' +
              'outstanding ones every day.',
          ),
        },
        {
          key: 'auto_acknowledgement',
          type: 'yes_no',
          dimension: 'protocol',
          maxPoints: 1,
          bonus: true,
          text: t(
            '¿Recibió un acuse de recibo automático con un número de caso o el plazo estimado de respuesta?',
            'Did you receive an automatic acknowledgement with a case number or the expected response time?',
          ),
          recommendation: t(
            'Configurar un acuse de recibo automático que indique el número de caso y el plazo en que se ' + 'responderá.',
            'Set up an automatic acknowledgement that states the case number and when a reply can be expected.',
          ),
        },
      ],
    },
    {
      key: 'writing',
      title: t('Redacción y presentación', 'Writing and presentation'),
      weight: 2,
      questions: [
        greeting({
          text: t('¿El correo comienza con un saludo cordial?', 'Does the email open with a friendly greeting?'),
          recommendation: t(
            'Comenzar cada respuesta con un saludo cordial adaptado al cliente («Estimada Laura:», ' + '«Hola, Laura:»).',
            'Open every reply with a friendly greeting suited to the customer (“Dear Laura,” or “Hi Laura,”).',
          ),
        }),
        identification({
          text: t(
            '¿El correo está firmado con el nombre de la persona que responde y los datos de contacto de la ' + 'empresa?',
            'Is the email signed with the name of the person replying and the company’s contact details?',
          ),
          recommendation: t(
            'Firmar cada correo con nombre, área y datos de contacto; evitar las firmas anónimas del tipo «El ' + 'equipo de atención».',
            'Sign every email with a name, team and contact details; avoid anonymous sign-offs such as “The ' + 'Customer Service Team”.',
          ),
        }),
        {
          key: 'personalisation',
          type: 'multi_choice',
          dimension: 'empathy',
          maxPoints: 3,
          text: t(
            '¿Qué elementos de personalización tenía la respuesta? Marque todo lo que corresponda.',
            'Which elements of personalisation did the reply include? Tick all that apply.',
          ),
          options: [
            { key: 'used_name', label: t('Se dirigió a usted por su nombre', 'Addressed you by name'), points: 1 },
            {
              key: 'case_details',
              label: t(
                'Mencionó los datos concretos de su caso (pedido, producto, fechas)',
                'Referred to the specific details of your case (order, product, dates)',
              ),
              points: 1,
            },
            {
              key: 'tailored',
              label: t(
                'Respondió a su situación, no con una plantilla genérica',
                'Addressed your situation rather than using a generic template',
              ),
              points: 1,
            },
            {
              key: 'none',
              label: t('Ninguno: era una respuesta genérica', 'None: it was a generic reply'),
              points: 0,
            },
          ],
          recommendation: t(
            'Personalizar cada respuesta: usar el nombre del cliente, citar los datos de su caso y adaptar las ' +
              'plantillas en lugar de pegarlas tal cual.',
            'Personalise every reply: use the customer’s name, refer to the details of their case and adapt ' +
              'templates rather than pasting them as they are.',
          ),
        },
        {
          key: 'spelling',
          type: 'yes_no',
          dimension: 'writing',
          maxPoints: 2,
          text: t(
            '¿El texto está libre de faltas de ortografía, errores gramaticales y erratas?',
            'Is the text free of spelling mistakes, grammatical errors and typos?',
          ),
          recommendation: t(
            'Pasar el corrector ortográfico y releer cada correo antes de enviarlo; mantener revisadas las ' + 'plantillas.',
            'Run a spell-checker and reread every email before sending it; keep templates proofread.',
          ),
        },
        {
          key: 'clarity',
          type: 'scale',
          min: 1,
          max: 5,
          dimension: 'writing',
          maxPoints: 2,
          text: t(
            'Claridad y estructura de la respuesta: 1 = confusa o llena de jerga interna, 5 = clara, ordenada ' +
              'y fácil de seguir (párrafos breves y pasos numerados cuando hace falta).',
            'Clarity and structure of the reply: 1 = confusing or full of internal jargon, 5 = clear, well ' +
              'organised and easy to follow (short paragraphs and numbered steps where needed).',
          ),
          recommendation: t(
            'Escribir frases y párrafos breves, evitar la jerga interna y presentar los pasos que debe seguir ' +
              'el cliente en una lista numerada.',
            'Write short sentences and paragraphs, avoid internal jargon and set out the steps the customer ' +
              'has to take as a numbered list.',
          ),
        },
        toneEmpathy({
          text: t(
            'Tono y empatía: 1 = frío, burocrático o a la defensiva, 5 = cercano, amable y comprensivo con su ' + 'situación.',
            'Tone and empathy: 1 = cold, bureaucratic or defensive, 5 = warm, courteous and understanding of ' + 'your situation.',
          ),
          recommendation: t(
            'Reconocer la situación del cliente en las primeras líneas y mantener un tono amable y cercano, ' +
              'sin fórmulas burocráticas.',
            'Acknowledge the customer’s situation in the first lines and keep a courteous, warm tone, without ' +
              'bureaucratic stock phrases.',
          ),
        }),
        noForbiddenPhrases({
          text: t(
            '¿La respuesta contiene alguna frase excluyente o prohibida, como «eso no nos compete» o «no es ' +
              'nuestro departamento», sin indicarle a quién dirigirse?',
            'Does the reply contain any dismissive or forbidden phrase, such as “that’s not our concern” or ' +
              '“that’s not our department”, without telling you who to contact instead?',
          ),
          recommendation: t(
            'Si la consulta corresponde a otra área, reenviarla internamente o indicar con precisión a quién ' +
              'dirigirse, en lugar de responder «eso no nos compete».',
            'If the enquiry belongs to another team, forward it internally or say exactly who to contact, ' +
              'instead of replying “that’s not our concern”.',
          ),
        }),
      ],
    },
    {
      key: 'content',
      title: t('Contenido y resolución', 'Content and resolution'),
      weight: 3,
      questions: [
        problemUnderstood({
          text: t(
            '¿La respuesta demuestra que entendieron su consulta (la nombra o la resume correctamente)?',
            'Does the reply show that your enquiry was understood (does it name or sum it up correctly)?',
          ),
          recommendation: t(
            'Leer el correo completo antes de responder y empezar la respuesta nombrando la consulta del ' +
              'cliente («Nos escribe porque…»).',
            'Read the whole email before replying and begin the reply by naming the customer’s enquiry (“You ' +
              'have written to us because…”).',
          ),
        }),
        {
          key: 'complete_answer',
          type: 'yes_no',
          dimension: 'resolution',
          maxPoints: 2,
          text: t(
            '¿La respuesta contesta todas las preguntas de su correo, sin dejar ninguna sin responder?',
            'Does the reply answer every question in your email, leaving none unanswered?',
          ),
          recommendation: t(
            'Antes de enviar, comprobar una por una que se han respondido todas las preguntas del cliente; si ' +
              'alguna queda pendiente, decirlo y dar un plazo.',
            'Before sending, check one by one that every question the customer asked has been answered; if ' +
              'one is still open, say so and give a date.',
          ),
        },
        accurateAnswer({
          text: t(
            'Comparada con la respuesta correcta que figura en el escenario, la información del correo fue:',
            'Compared with the correct answer given in the scenario brief, the information in the email was:',
          ),
          recommendation: t(
            'Mantener una base de respuestas aprobadas y actualizadas y verificar la información antes de ' +
              'responder; nunca afirmar que algo no se puede hacer sin comprobarlo.',
            'Keep a library of approved, up-to-date answers and check the information before replying; never ' +
              'state that something cannot be done without checking.',
          ),
        }),
        {
          key: 'links_attachments',
          type: 'yes_no',
          dimension: 'knowledge',
          maxPoints: 1,
          allowNa: true,
          text: t(
            '¿Los enlaces y archivos adjuntos de la respuesta funcionaban y eran pertinentes? Marque N/A si no ' + 'había ninguno.',
            'Did the links and attachments in the reply work, and were they relevant? Mark N/A if there were ' + 'none.',
          ),
          recommendation: t(
            'Comprobar los enlaces y adjuntos antes de enviar y usar solo documentos vigentes.',
            'Check links and attachments before sending and only use current documents.',
          ),
        },
        resolvedFirstContact({
          text: t(
            '¿La primera respuesta resolvió su consulta, sin necesidad de volver a escribir?',
            'Did the first reply resolve your enquiry, with no need to write again?',
          ),
          recommendation: t(
            'Resolver en la primera respuesta: reunir toda la información necesaria antes de contestar en ' +
              'lugar de responder por partes.',
            'Resolve in the first reply: gather all the information needed before answering instead of ' + 'replying piecemeal.',
          ),
        }),
        followUpOffered({
          text: t(
            'Como su consulta no quedó resuelta, ¿la respuesta indica los siguientes pasos, el plazo y quién ' +
              'se pondrá en contacto con usted?',
            'As your enquiry was not resolved, does the reply set out the next steps, the timescale and who ' + 'will contact you?',
          ),
          recommendation: t(
            'Cuando no se pueda resolver en la primera respuesta, explicar qué se va a hacer, en qué plazo y ' +
              'quién se encargará, y cumplirlo.',
            'When the enquiry cannot be resolved in the first reply, explain what will be done, by when and by ' + 'whom, and keep to it.',
          ),
        }),
        dataProtected({
          text: t(
            '¿Se protegieron sus datos: no le pidieron por correo datos sensibles (contraseñas, PIN, número ' +
              'completo de tarjeta) y la respuesta no expuso datos personales suyos ni de otras personas?',
            'Was your data protected: you were not asked by email for sensitive data (passwords, PINs, the ' +
              'full card number) and the reply exposed no personal data about you or anyone else?',
          ),
          recommendation: t(
            'No solicitar nunca datos sensibles por correo y, si hacen falta, derivar a un canal seguro; ' +
              'revisar destinatarios, copias e historial citado antes de enviar.',
            'Never ask for sensitive data by email and, where it is needed, move to a secure channel; check ' +
              'recipients, copies and quoted history before sending.',
          ),
        }),
        closing({
          text: t(
            '¿El correo termina ofreciendo ayuda adicional e indicando cómo continuar si la necesita?',
            'Does the email end by offering further help and explaining how to continue if you need it?',
          ),
          recommendation: t(
            'Cerrar cada correo ofreciendo ayuda adicional y explicando cómo responder o por qué canal seguir.',
            'End every email by offering further help and explaining how to reply or which channel to use ' + 'next.',
          ),
        }),
      ],
    },
    {
      key: 'overall',
      title: t('Valoración general', 'Overall impressions'),
      questions: [
        {
          key: 'evidence_email',
          type: 'evidence',
          required: true,
          text: t(
            'Adjunte su correo original y la respuesta completa que recibió (captura o PDF), con la fecha y la ' +
              'hora de envío visibles.',
            'Attach your original email and the full reply you received (screenshot or PDF), with the sending ' + 'date and time visible.',
          ),
        },
        overallComments(
          t(
            'Describa la experiencia con sus palabras: qué le respondieron, qué funcionó bien y qué se podría ' + 'mejorar.',
            'Describe the experience in your own words: what you were told, what worked well and what could be ' + 'improved.',
          ),
        ),
        otherComments(),
      ],
    },
  ],
};
