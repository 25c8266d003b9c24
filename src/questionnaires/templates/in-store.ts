// Branch or store visit (docs/domain.md §8, "In person").
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
import { CUSTOMER_SERVICE_THEMES, PREMISES } from './themes';

export const IN_STORE_TEMPLATE: TemplateBlueprint = {
  key: 'in_store',
  channels: ['in_person'],
  themes: [...CUSTOMER_SERVICE_THEMES, PREMISES],
  title: t('Visita a sucursal o tienda', 'Branch or store visit'),
  description: t(
    'Evaluación presencial de la atención en el punto de venta: espera, recepción, estado del local, ' +
      'detección de necesidades, conocimiento del producto, resolución, protección de datos y despedida.',
    'In-person assessment of service at the point of sale: waiting, welcome, state of the premises, ' +
      'needs discovery, product knowledge, resolution, data protection and farewell.',
  ),
  sections: [
    {
      key: 'arrival',
      title: t('Llegada y espera', 'Arrival and waiting'),
      weight: 1,
      questions: [
        {
          key: 'wait_time',
          type: 'duration',
          kpi: 'wait_time',
          dimension: 'speed',
          maxPoints: 2,
          thresholds: [
            { upToSeconds: 120, fraction: 1 },
            { upToSeconds: 300, fraction: 0.75 },
            { upToSeconds: 600, fraction: 0.5 },
            { upToSeconds: 900, fraction: 0.25 },
          ],
          text: t(
            'Tiempo de espera: desde que entró en el local hasta que un empleado comenzó a atenderle.',
            'Waiting time: from the moment you walked in until an employee began to serve you.',
          ),
          recommendation: t(
            'Reforzar la dotación en las horas de mayor afluencia y usar un sistema de turnos para que ningún ' +
              'cliente espere más de 2 minutos a ser atendido.',
            'Add staff at peak hours and use a queuing system so that no customer waits more than 2 minutes ' + 'to be served.',
          ),
        },
        {
          key: 'greeted_promptly',
          type: 'yes_no',
          dimension: 'protocol',
          maxPoints: 1,
          text: t(
            '¿Algún empleado le saludó o reconoció su presencia (con la mirada, un gesto o una palabra) en los ' +
              'primeros 30 segundos, aunque estuviera ocupado con otro cliente?',
            'Did an employee greet you or acknowledge your presence (eye contact, a gesture or a word) within ' +
              '30 seconds of your arrival, even if they were busy with another customer?',
          ),
          recommendation: t(
            'Reconocer a cada cliente en cuanto entra, aunque no se le pueda atender enseguida: un «enseguida ' +
              'le atiendo» hace más llevadera la espera.',
            'Acknowledge every customer as soon as they walk in, even when they cannot be served straight ' +
              'away: a quick “I’ll be with you in a moment” makes the wait feel shorter.',
          ),
        },
        {
          key: 'queue_managed',
          type: 'yes_no',
          dimension: 'protocol',
          maxPoints: 1,
          allowNa: true,
          text: t(
            'Si tuvo que esperar, ¿la espera estaba organizada (turnos, señalización o un empleado que ' +
              'orientaba a los clientes)? Marque N/A si le atendieron sin esperar.',
            'If you had to wait, was the wait organised (a ticket system, signage or an employee directing ' +
              'customers)? Mark N/A if you were served without waiting.',
          ),
          recommendation: t(
            'Ordenar la espera con un sistema de turnos o con una persona en recepción que oriente a cada ' + 'cliente según su consulta.',
            'Organise the wait with a ticket system or a greeter who directs each customer according to ' + 'their query.',
          ),
        },
        {
          key: 'cleanliness',
          type: 'scale',
          min: 1,
          max: 5,
          dimension: 'appearance',
          maxPoints: 2,
          text: t(
            'Limpieza y orden del local (entrada, zona de espera, mostradores, exhibición de productos y ' +
              'folletos): 1 = descuidado, 5 = impecable.',
            'Cleanliness and tidiness of the premises (entrance, waiting area, counters, product displays and ' +
              'leaflets): 1 = neglected, 5 = spotless.',
          ),
          recommendation: t(
            'Revisar la limpieza y el orden al abrir y a media jornada con una lista de control por zona, y ' +
              'retirar los folletos desactualizados.',
            'Check cleanliness and tidiness at opening time and mid-day with a checklist for each area, and ' +
              'remove out-of-date leaflets.',
          ),
        },
      ],
    },
    {
      key: 'welcome',
      title: t('Recepción y trato', 'Welcome and manner'),
      weight: 2,
      questions: [
        greeting({
          text: t(
            '¿El empleado le saludó con cordialidad al empezar a atenderle (contacto visual, sonrisa y saludo)?',
            'Did the employee greet you warmly when they began to serve you (eye contact, a smile and a ' + 'spoken greeting)?',
          ),
          recommendation: t(
            'Abrir cada atención con un saludo cordial, mirando al cliente y con una sonrisa, antes de entrar ' + 'en la consulta.',
            'Open every interaction with a warm greeting, looking at the customer and smiling, before getting ' + 'into the query.',
          ),
        }),
        identification({
          text: t(
            '¿El empleado se presentó por su nombre o llevaba una identificación con su nombre bien visible?',
            'Did the employee introduce themselves by name or wear a clearly visible name badge?',
          ),
          recommendation: t(
            'Llevar siempre la identificación con el nombre a la vista y presentarse al iniciar la atención.',
            'Always wear the name badge where it can be seen and introduce yourself at the start of the ' + 'interaction.',
          ),
        }),
        {
          key: 'staff_appearance',
          type: 'yes_no',
          dimension: 'appearance',
          maxPoints: 1,
          text: t(
            '¿La presencia del empleado era adecuada (uniforme o vestimenta según la norma de la marca, aseo ' + 'y cuidado personal)?',
            'Was the employee’s appearance appropriate (uniform or the brand’s dress code, grooming and ' + 'personal care)?',
          ),
          recommendation: t(
            'Recordar al equipo la norma de vestimenta y presencia, y comprobarla al inicio de cada turno.',
            'Remind the team of the dress and grooming standard and check it at the start of each shift.',
          ),
        },
        {
          key: 'full_attention',
          type: 'yes_no',
          dimension: 'empathy',
          maxPoints: 1,
          text: t(
            '¿Le dedicó atención exclusiva, sin interrumpirse para atender el teléfono, a otros compañeros o ' + 'asuntos personales?',
            'Did the employee give you their undivided attention, without breaking off for phone calls, ' +
              'colleagues or personal matters?',
          ),
          recommendation: t(
            'Mientras se atiende a un cliente, posponer llamadas y consultas internas o, si no es posible, ' +
              'pedirle permiso antes de interrumpir.',
            'While serving a customer, put calls and internal queries aside or, if that is not possible, ask ' +
              'the customer’s permission before interrupting.',
          ),
        },
        toneEmpathy({
          text: t(
            'Cordialidad y empatía del trato: 1 = distante o descortés, 5 = cálido, atento y comprensivo con ' + 'su situación.',
            'Warmth and empathy: 1 = distant or discourteous, 5 = warm, attentive and understanding of your ' + 'situation.',
          ),
          recommendation: t(
            'Escuchar sin interrumpir, mostrar interés por la situación del cliente y adaptar el trato a su ' + 'estado de ánimo.',
            'Listen without interrupting, show interest in the customer’s situation and adapt your manner to ' + 'their mood.',
          ),
        }),
        noForbiddenPhrases({
          text: t(
            '¿El empleado usó alguna frase excluyente o prohibida, como «eso no nos compete», «no es mi área» ' +
              'o «son las normas», sin ofrecerle una alternativa?',
            'Did the employee use any dismissive or forbidden phrase, such as “that’s not our concern”, ' +
              '“that’s not my department” or “those are the rules”, without offering you an alternative?',
          ),
          recommendation: t(
            'Sustituir las frases excluyentes por otras que acompañen al cliente: «le indico quién puede ' +
              'ayudarle con esto» en lugar de «eso no nos compete».',
            'Replace dismissive phrases with ones that move the customer forward: “let me tell you who can ' +
              'help you with this” instead of “that’s not our concern”.',
          ),
        }),
      ],
    },
    {
      key: 'needs_solution',
      title: t('Necesidades, asesoramiento y solución', 'Needs, advice and solution'),
      weight: 3,
      questions: [
        {
          key: 'needs_explored',
          type: 'multi_choice',
          dimension: 'sales',
          maxPoints: 3,
          text: t(
            'Antes de ofrecerle un producto o una solución, ¿qué hizo el empleado para conocer su necesidad? ' +
              'Marque todo lo que corresponda.',
            'Before offering you a product or solution, what did the employee do to understand your needs? ' + 'Tick all that apply.',
          ),
          options: [
            {
              key: 'asked_purpose',
              label: t('Preguntó para qué lo necesitaba o cómo lo iba a usar', 'Asked what you needed it for or how you would use it'),
              points: 1,
            },
            {
              key: 'asked_situation',
              label: t(
                'Preguntó por su situación actual (productos que ya tiene, experiencias anteriores)',
                'Asked about your current situation (products you already have, past experience)',
              ),
              points: 1,
            },
            {
              key: 'asked_preferences',
              label: t('Preguntó por sus preferencias o su presupuesto', 'Asked about your preferences or budget'),
              points: 1,
            },
            {
              key: 'listened',
              label: t('Le escuchó sin interrumpir y tomó nota de lo importante', 'Listened without interrupting and noted what mattered'),
              points: 1,
            },
            {
              key: 'none',
              label: t('Nada de lo anterior: le ofreció un producto directamente', 'None of these: went straight to offering a product'),
              points: 0,
            },
          ],
          recommendation: t(
            'Hacer al menos tres preguntas abiertas (uso, situación actual, preferencias o presupuesto) antes ' +
              'de recomendar un producto.',
            'Ask at least three open questions (use, current situation, preferences or budget) before ' + 'recommending a product.',
          ),
        },
        problemUnderstood({
          text: t(
            '¿El empleado resumió o nombró con sus propias palabras lo que usted necesitaba, para confirmar ' + 'que lo había entendido?',
            'Did the employee sum up or name what you needed in their own words, to confirm they had ' + 'understood?',
          ),
          recommendation: t(
            'Antes de responder, resumir la necesidad del cliente («entonces, lo que necesita es…») y esperar ' + 'su confirmación.',
            'Before answering, sum up the customer’s need (“so what you need is…”) and wait for them to ' + 'confirm.',
          ),
        }),
        accurateAnswer({
          text: t(
            'Comparada con la respuesta correcta que figura en el escenario, la información que le dieron ' +
              'sobre el producto o el servicio fue:',
            'Compared with the correct answer given in the scenario brief, the information you were given ' +
              'about the product or service was:',
          ),
          recommendation: t(
            'Formar al equipo en los productos, condiciones y procedimientos vigentes y darle una guía de ' +
              'consulta rápida; ante la duda, comprobar antes de decir que algo no se puede hacer.',
            'Train the team on current products, terms and procedures and give them a quick-reference guide; ' +
              'when in doubt, check before saying that something cannot be done.',
          ),
        }),
        resolvedFirstContact({
          text: t(
            '¿Su consulta quedó resuelta en esta misma visita, sin necesidad de volver ni de contactar por ' + 'otro canal?',
            'Was your query resolved during this visit, with no need to come back or get in touch through ' + 'another channel?',
          ),
          recommendation: t(
            'Dar al personal la autonomía y las herramientas para resolver en el momento las consultas más ' +
              'frecuentes, sin derivar al cliente a otro canal.',
            'Give staff the authority and tools to resolve the most common queries on the spot, without ' +
              'sending the customer to another channel.',
          ),
        }),
        followUpOffered({
          text: t(
            'Como su consulta no quedó resuelta, ¿le ofrecieron un seguimiento concreto (qué pasaría después, ' +
              'en qué plazo y cómo se pondrían en contacto con usted)?',
            'As your query was not resolved, were you offered a specific follow-up (what would happen next, ' +
              'by when and how you would be contacted)?',
          ),
          recommendation: t(
            'Cuando no se pueda resolver en el momento, acordar con el cliente el siguiente paso, el plazo y ' +
              'el medio de contacto, y dejarlo registrado.',
            'When a query cannot be resolved on the spot, agree the next step, the timescale and the contact ' +
              'method with the customer, and log it.',
          ),
        }),
        dataProtected({
          allowNa: true,
          text: t(
            '¿El empleado protegió la confidencialidad de sus datos (no los dijo en voz alta delante de otras ' +
              'personas, no dejó documentos ni pantallas a la vista y comprobó su identidad antes de informarle ' +
              'sobre una cuenta)? Marque N/A si la visita no implicó datos personales.',
            'Did the employee keep your data confidential (did not say it aloud in front of others, left no ' +
              'documents or screens in view and checked your identity before discussing an account)? Mark N/A ' +
              'if the visit involved no personal data.',
          ),
          recommendation: t(
            'Tratar los datos personales en voz baja y lejos de otros clientes, no dejar documentos ni ' +
              'pantallas a la vista y verificar siempre la identidad antes de informar sobre una cuenta.',
            'Handle personal data quietly and away from other customers, leave no documents or screens in ' +
              'view and always verify identity before discussing an account.',
          ),
        }),
      ],
    },
    {
      key: 'farewell',
      title: t('Cierre y despedida', 'Closing and farewell'),
      weight: 1,
      questions: [
        closing({
          text: t(
            'Antes de terminar, ¿el empleado confirmó que no le quedaban dudas y le dejó la información por ' +
              'escrito o una vía de contacto?',
            'Before finishing, did the employee check that you had no questions left and give you the ' +
              'information in writing or a way to get in touch?',
          ),
          recommendation: t(
            'Cerrar cada atención preguntando «¿hay algo más en lo que pueda ayudarle?» y entregando la ' +
              'información por escrito o una tarjeta de contacto.',
            'Close every interaction by asking “is there anything else I can help you with?” and handing over ' +
              'the information in writing or a contact card.',
          ),
        }),
        {
          key: 'farewell',
          type: 'yes_no',
          dimension: 'protocol',
          maxPoints: 1,
          text: t(
            '¿Se despidió de usted con cordialidad (por su nombre, si lo conocía) y le invitó a volver?',
            'Did the employee say goodbye warmly (using your name, if they knew it) and invite you to come ' + 'back?',
          ),
          recommendation: t(
            'Despedir a cada cliente con cordialidad, por su nombre cuando se conozca, e invitarle a volver.',
            'See every customer off warmly, by name where it is known, and invite them to come back.',
          ),
        },
      ],
    },
    {
      key: 'overall',
      title: t('Valoración general', 'Overall impressions'),
      questions: [
        {
          key: 'evidence_photo',
          type: 'evidence',
          required: false,
          text: t(
            'Foto del ticket, del presupuesto, de la tarjeta de visita o del folleto que le entregaron ' +
              '(opcional; no fotografíe a los empleados ni a otros clientes).',
            'Photo of the receipt, quote, business card or leaflet you were given (optional; do not ' +
              'photograph employees or other customers).',
          ),
        },
        overallComments(
          t(
            'Describa la visita con sus palabras: cómo le atendieron, qué funcionó bien y qué se podría mejorar.',
            'Describe the visit in your own words: how you were served, what worked well and what could be ' + 'improved.',
          ),
        ),
        otherComments(),
      ],
    },
  ],
};
