// The ready-made questionnaires a consultant can start from (docs/domain.md §8): five channels, each in
// Spanish and English. Each is written once as a bilingual blueprint (see blueprint.ts), so both
// languages always share the same keys, structure and points.
import type { Channel, Language } from '../domain/definition';
import type { QuestionnaireInput } from '../domain/normalize';
import { localizeBlueprint, type TemplateBlueprint } from './blueprint';
import { EMAIL_TEMPLATE } from './email';
import { IN_STORE_TEMPLATE } from './in-store';
import { PHONE_TEMPLATE } from './phone';
import { SOCIAL_WHATSAPP_TEMPLATE } from './social-whatsapp';
import { WEB_CHAT_TEMPLATE } from './web-chat';

export { COMMON_QUESTION_KEYS, FCR_QUESTION_KEY } from './common';
export { SOCIAL_RULE_QUESTION_KEYS } from './social-whatsapp';

export interface QuestionnaireTemplate {
  /** Which template, e.g. `in_store`; the same in every language. */
  key: string;
  language: Language;
  /** The touchpoint channels the template is meant for. */
  channels: Channel[];
  title: string;
  description: string;
  /** The questionnaire body, as the API takes it to create a questionnaire. */
  definition: QuestionnaireInput;
}

export const TEMPLATE_BLUEPRINTS: readonly TemplateBlueprint[] = [
  IN_STORE_TEMPLATE,
  PHONE_TEMPLATE,
  EMAIL_TEMPLATE,
  WEB_CHAT_TEMPLATE,
  SOCIAL_WHATSAPP_TEMPLATE,
];

/**
 * Every template in every language, template by template (es, then en). Deeply frozen: it is shared
 * by the whole process, so take a copy (or use `findTemplate`) to build a questionnaire from one.
 */
export const QUESTIONNAIRE_TEMPLATES: QuestionnaireTemplate[] = deepFreeze(
  TEMPLATE_BLUEPRINTS.flatMap((blueprint) => localizeBlueprint(blueprint)),
);

/** The template in that language, as a fresh copy the caller may change; undefined when there is none. */
export function findTemplate(key: string, language: string): QuestionnaireTemplate | undefined {
  const template = QUESTIONNAIRE_TEMPLATES.find((candidate) => candidate.key === key && candidate.language === language);
  return template && structuredClone(template);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
