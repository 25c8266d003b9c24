// A ready-made questionnaire is written once, as a blueprint: its structure (keys, types, points,
// conditions, channels…) appears a single time and every text next to it carries all the languages.
// Each language's questionnaire is cut from that one blueprint, so the translations can differ only
// in wording, never in keys, structure or points. Adding a language to LANGUAGES makes every text
// without it a compile error.
import { LANGUAGES, type Channel, type Language } from '../domain/definition';
import type { QuestionInput, QuestionnaireInput, SectionInput } from '../domain/normalize';
import type { QuestionnaireTemplate } from './index';
import type { ThemeBlueprint } from './themes';

/** One text in every language. */
export type Localized = Readonly<Record<Language, string>>;

/** Spanish first, then English: the order the consultancy writes them in. */
export function t(es: string, en: string): Localized {
  return { es, en };
}

export interface OptionBlueprint {
  key: string;
  label: Localized;
  points: number;
}

export type QuestionBlueprint = Omit<QuestionInput, 'text' | 'recommendation' | 'options'> & {
  text: Localized;
  /** Advice shown when the question fails; every scored question has one. */
  recommendation?: Localized;
  options?: OptionBlueprint[];
};

export interface SectionBlueprint {
  key: string;
  title: Localized;
  weight?: number;
  questions: QuestionBlueprint[];
}

export interface TemplateBlueprint {
  key: string;
  /** The touchpoint channels the template is meant for. */
  channels: Channel[];
  title: Localized;
  description: Localized;
  sections: SectionBlueprint[];
  /** The themes its comments are tagged with (each language has its own terms). */
  themes?: readonly ThemeBlueprint[];
}

/** The template in every language, in the order of LANGUAGES. */
export function localizeBlueprint(blueprint: TemplateBlueprint): QuestionnaireTemplate[] {
  return LANGUAGES.map((language) => localizeTemplate(blueprint, language));
}

export function localizeTemplate(blueprint: TemplateBlueprint, language: Language): QuestionnaireTemplate {
  const definition: QuestionnaireInput = {
    title: blueprint.title[language],
    language,
    sections: blueprint.sections.map((section) => localizeSection(section, language)),
    ...(blueprint.themes !== undefined && {
      themes: blueprint.themes.map((theme) => ({ key: theme.key, label: theme.label[language], terms: [...theme.terms[language]] })),
    }),
  };
  return {
    key: blueprint.key,
    language,
    channels: [...blueprint.channels],
    title: blueprint.title[language],
    description: blueprint.description[language],
    definition,
  };
}

function localizeSection(section: SectionBlueprint, language: Language): SectionInput {
  return {
    key: section.key,
    title: section.title[language],
    ...(section.weight !== undefined && { weight: section.weight }),
    questions: section.questions.map((question) => localizeQuestion(question, language)),
  };
}

function localizeQuestion(question: QuestionBlueprint, language: Language): QuestionInput {
  const { text, recommendation, options, ...structure } = question;
  return {
    // A deep copy, so that no two languages (and no caller) share the thresholds, showIf or channels.
    ...structuredClone(structure),
    text: text[language],
    ...(recommendation !== undefined && { recommendation: recommendation[language] }),
    ...(options !== undefined && {
      options: options.map((option) => ({ key: option.key, label: option.label[language], points: option.points })),
    }),
  };
}
