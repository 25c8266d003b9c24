// The items every ready-made questionnaire shares, whatever the channel (docs/domain.md §8, "Common to
// all channels"). Their keys, types, points, dimensions and roles are fixed here, so that the same
// standard is measured the same way on every channel (cross-channel consistency, docs/kpis.md §5);
// each template words them for its channel.
import type { Localized, OptionBlueprint, QuestionBlueprint } from './blueprint';
import { t } from './blueprint';

/** The first-contact-resolution question (`kpi: 'fcr'`) of every template. */
export const FCR_QUESTION_KEY = 'resolved_first_contact';

/** Keys of the common items, present in every template. */
export const COMMON_QUESTION_KEYS = [
  'greeting',
  'identification',
  'problem_understood',
  'accurate_answer',
  'tone_empathy',
  'no_forbidden_phrases',
  FCR_QUESTION_KEY,
  'follow_up_offered',
  'data_protected',
  'closing',
] as const;

/** How a template words a common item for its channel. */
export interface Wording {
  text: Localized;
  recommendation: Localized;
  /** For situations a real visit may not meet (e.g. no personal data involved). */
  allowNa?: boolean;
}

function withWording(structure: Omit<QuestionBlueprint, 'text' | 'recommendation'>, wording: Wording): QuestionBlueprint {
  const { text, recommendation, allowNa } = wording;
  return { ...structure, text, recommendation, ...(allowNa !== undefined && { allowNa }) };
}

export function greeting(wording: Wording): QuestionBlueprint {
  return withWording({ key: 'greeting', type: 'yes_no', maxPoints: 1, dimension: 'protocol' }, wording);
}

export function identification(wording: Wording): QuestionBlueprint {
  return withWording({ key: 'identification', type: 'yes_no', maxPoints: 1, dimension: 'protocol' }, wording);
}

/** Understanding the customer's problem and naming it back to them. */
export function problemUnderstood(wording: Wording): QuestionBlueprint {
  return withWording({ key: 'problem_understood', type: 'yes_no', maxPoints: 2, dimension: 'resolution' }, wording);
}

/** The answers of `accurate_answer` unless a template needs its own: a wrong "that can't be done" earns nothing. */
export const ACCURACY_OPTIONS: OptionBlueprint[] = [
  { key: 'correct_complete', label: t('Correcta y completa', 'Accurate and complete'), points: 4 },
  {
    key: 'correct_incomplete',
    label: t(
      'Correcta pero incompleta (faltaron condiciones, precios o plazos importantes)',
      'Accurate but incomplete (important terms, prices or deadlines were missing)',
    ),
    points: 2,
  },
  { key: 'incorrect', label: t('Incorrecta o contradictoria', 'Inaccurate or contradictory'), points: 0 },
  {
    key: 'wrongly_refused',
    label: t('Le dijeron que algo no se podía hacer cuando sí se puede', 'You were told something could not be done when in fact it can'),
    points: 0,
  },
];

/** Product knowledge: how accurate the answer was against the correct one in the scenario brief. */
export function accurateAnswer(wording: Wording, options: OptionBlueprint[] = ACCURACY_OPTIONS): QuestionBlueprint {
  return withWording({ key: 'accurate_answer', type: 'single_choice', maxPoints: 4, dimension: 'knowledge', options }, wording);
}

export function toneEmpathy(wording: Wording): QuestionBlueprint {
  return withWording({ key: 'tone_empathy', type: 'scale', min: 1, max: 5, maxPoints: 2, dimension: 'empathy' }, wording);
}

/** Asked the way a shopper notices it ("did they use one?"), so the points go to "no". */
export function noForbiddenPhrases(wording: Wording): QuestionBlueprint {
  return withWording({ key: 'no_forbidden_phrases', type: 'yes_no', positive: false, maxPoints: 2, dimension: 'protocol' }, wording);
}

export function resolvedFirstContact(wording: Wording): QuestionBlueprint {
  return withWording({ key: FCR_QUESTION_KEY, type: 'yes_no', maxPoints: 3, dimension: 'resolution', kpi: 'fcr' }, wording);
}

/** Asked only when the query was not resolved at first contact. */
export function followUpOffered(wording: Wording): QuestionBlueprint {
  return withWording(
    {
      key: 'follow_up_offered',
      type: 'yes_no',
      maxPoints: 2,
      dimension: 'resolution',
      showIf: { questionKey: FCR_QUESTION_KEY, equals: false },
    },
    wording,
  );
}

/**
 * Exposing a customer's data is a breach no good service makes up for: the whole visit scores 0
 * (and is flagged knockout), not only its section.
 */
export function dataProtected(wording: Wording): QuestionBlueprint {
  return withWording(
    {
      key: 'data_protected',
      type: 'yes_no',
      maxPoints: 2,
      dimension: 'data_security',
      critical: true,
      knockoutScope: 'visit',
    },
    wording,
  );
}

export function closing(wording: Wording): QuestionBlueprint {
  return withWording({ key: 'closing', type: 'yes_no', maxPoints: 1, dimension: 'protocol' }, wording);
}

/** The shopper's account of the visit, required and long enough to say something. */
export function overallComments(text: Localized): QuestionBlueprint {
  return { key: 'overall_comments', type: 'text', required: true, minLength: 50, text };
}

export function otherComments(): QuestionBlueprint {
  return {
    key: 'other_comments',
    type: 'text',
    required: false,
    text: t(
      'Otros comentarios (opcional): cualquier detalle relevante que no recojan las preguntas anteriores.',
      'Other comments (optional): anything relevant that the questions above did not cover.',
    ),
  };
}
