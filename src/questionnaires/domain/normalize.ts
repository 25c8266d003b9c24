// Turns the questionnaire body an author sends into the complete definition the domain works on,
// filling every default of docs/domain.md §2 so that later code never has to guess one.
import type { QuestionDefinition, QuestionnaireDefinition, SectionDefinition } from './definition';

type DefaultedQuestionField = 'maxPoints' | 'required' | 'allowNa' | 'critical' | 'knockoutScope' | 'channels' | 'bonus';

/** A question as the API receives it: the fields with a default may be left out. */
export type QuestionInput = Omit<QuestionDefinition, DefaultedQuestionField> & Partial<Pick<QuestionDefinition, DefaultedQuestionField>>;

export type SectionInput = Omit<SectionDefinition, 'weight' | 'questions'> & {
  weight?: number;
  questions: QuestionInput[];
};

export type QuestionnaireInput = Omit<QuestionnaireDefinition, 'sections'> & {
  sections: SectionInput[];
};

/** Fills the defaults; returns new objects and never mutates the input. */
export function normalizeDefinition(input: QuestionnaireInput): QuestionnaireDefinition {
  return {
    title: input.title,
    language: input.language,
    sections: input.sections.map(normalizeSection),
    // Terms trimmed, empty and repeated ones dropped; the themes stay absent when none were given.
    ...(input.themes !== undefined && {
      themes: input.themes.map((theme) => ({
        key: theme.key,
        label: typeof theme.label === 'string' ? theme.label.trim() : theme.label,
        terms: Array.isArray(theme.terms)
          ? [...new Set(theme.terms.map((term) => (typeof term === 'string' ? term.trim() : term)))].filter((term) => term !== '')
          : theme.terms,
      })),
    }),
  };
}

function normalizeSection(input: SectionInput): SectionDefinition {
  return {
    key: input.key,
    title: input.title,
    weight: input.weight ?? 1,
    questions: input.questions.map(normalizeQuestion),
  };
}

function normalizeQuestion(input: QuestionInput): QuestionDefinition {
  const question: QuestionDefinition = {
    key: input.key,
    text: input.text,
    type: input.type,
    maxPoints: input.maxPoints ?? defaultMaxPoints(input),
    required: input.required ?? true,
    allowNa: input.allowNa ?? false,
    critical: input.critical ?? false,
    knockoutScope: input.knockoutScope ?? 'section',
    channels: [...(input.channels ?? [])],
    bonus: input.bonus ?? false,
    dimension: input.dimension,
    showIf: input.showIf && structuredClone(input.showIf),
    kpi: input.kpi,
    recommendation: input.recommendation,
    positive: input.positive ?? (input.type === 'yes_no' ? true : undefined),
    min: input.min,
    max: input.max,
    options: input.options?.map((option) => ({ ...option })),
    thresholds: input.thresholds?.map((threshold) => ({ ...threshold })),
    minLength: input.minLength,
  };
  return withoutUndefinedFields(question);
}

/** What a question is worth when the author does not say: the most its answers can earn. */
function defaultMaxPoints(input: QuestionInput): number {
  const positivePoints = (input.options ?? []).map((option) => option.points).filter((points) => points > 0);
  switch (input.type) {
    case 'yes_no':
    case 'scale':
    case 'duration':
      return 1;
    case 'single_choice':
      return Math.max(0, ...positivePoints);
    case 'multi_choice':
      return positivePoints.reduce((total, points) => total + points, 0);
    default:
      return 0;
  }
}

/** Absent optional settings stay absent (not `undefined`), so the stored JSON shows only what was set. */
function withoutUndefinedFields<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
