import {
  LANGUAGES,
  isScoredQuestion,
  listQuestions,
  timingMetricOf,
  type AnswerValue,
  type Channel,
  type QuestionDefinition,
  type QuestionnaireDefinition,
  type SubmittedAnswer,
} from '../domain/definition';
import { checkDefinition } from '../domain/definition-checker';
import { normalizeDefinition } from '../domain/normalize';
import { scoreVisit } from '../domain/scoring';
import { validateSubmission } from '../domain/submission-validation';
import { answersByQuestionKey, questionApplicability } from '../domain/visibility';
import {
  COMMON_QUESTION_KEYS,
  FCR_QUESTION_KEY,
  QUESTIONNAIRE_TEMPLATES,
  SOCIAL_RULE_QUESTION_KEYS,
  findTemplate,
  type QuestionnaireTemplate,
} from './index';

const TEMPLATE_KEYS = ['in_store', 'phone', 'email', 'web_chat', 'social_whatsapp'];
const TIMING_KPIS = ['wait_time', 'response_time'];

function definitionOf(template: QuestionnaireTemplate): QuestionnaireDefinition {
  return normalizeDefinition(template.definition);
}

function questionsOf(template: QuestionnaireTemplate): QuestionDefinition[] {
  return listQuestions(definitionOf(template)).map(({ question }) => question);
}

function templatesIn(language: string): QuestionnaireTemplate[] {
  return QUESTIONNAIRE_TEMPLATES.filter((template) => template.language === language);
}

function name(template: QuestionnaireTemplate): string {
  return `${template.key} (${template.language})`;
}

/** Every text a person reads: titles, questions, recommendations and option labels. */
function textsOf(template: QuestionnaireTemplate): string[] {
  const definition = definitionOf(template);
  return [
    template.title,
    template.description,
    definition.title,
    ...definition.sections.map((section) => section.title),
    ...listQuestions(definition).flatMap(({ question }) => [
      question.text,
      ...(question.recommendation ? [question.recommendation] : []),
      ...(question.options ?? []).map((option) => option.label),
    ]),
  ];
}

/** The definition with every text (and the language) blanked: what must be identical across languages. */
function structureOf(template: QuestionnaireTemplate): unknown {
  const definition = definitionOf(template);
  return {
    key: template.key,
    channels: template.channels,
    sections: definition.sections.map((section) => ({
      ...section,
      title: '',
      questions: section.questions.map((question) => ({
        ...question,
        text: '',
        recommendation: question.recommendation === undefined ? undefined : '',
        options: question.options?.map((option) => ({ ...option, label: '' })),
      })),
    })),
  };
}

function appliesOn(question: QuestionDefinition, channel: Channel): boolean {
  return question.channels.length === 0 || question.channels.includes(channel);
}

/** The answer that earns a question's full points (or, unscored, a plausible value). */
function bestValue(question: QuestionDefinition): AnswerValue {
  switch (question.type) {
    case 'yes_no':
      return question.positive ?? true;
    case 'scale':
      return question.max!;
    case 'single_choice':
      return [...question.options!].sort((a, b) => b.points - a.points)[0].key;
    case 'multi_choice':
      return question.options!.filter((option) => option.points > 0).map((option) => option.key);
    case 'duration':
    case 'number':
      return 0;
    case 'text':
      return 'The employee greeted me at once and explained every option clearly and patiently.';
    case 'datetime':
      return '2025-03-10T10:00:00Z';
    case 'evidence':
      return '5f0c2b1e-8d2b-4c6f-9a7e-1b2c3d4e5f60'; // the id of a file uploaded to the assignment
  }
}

/**
 * Answers a visit question by question, in order, as a shopper would: only the questions that apply
 * given the answers so far, each with `choose(question)`.
 */
function answerVisit(
  definition: QuestionnaireDefinition,
  channel: Channel,
  choose: (question: QuestionDefinition) => AnswerValue,
): SubmittedAnswer[] {
  const answers: SubmittedAnswer[] = [];
  for (const { question } of listQuestions(definition)) {
    const applicability = questionApplicability(definition, answersByQuestionKey(answers), channel);
    if (applicability.get(question.key)?.applies) answers.push({ questionKey: question.key, value: choose(question) });
  }
  return answers;
}

describe('QUESTIONNAIRE_TEMPLATES', () => {
  it('has the five templates, each in Spanish and English', () => {
    for (const language of LANGUAGES) {
      expect(templatesIn(language).map((template) => template.key)).toEqual(TEMPLATE_KEYS);
    }
    expect(QUESTIONNAIRE_TEMPLATES).toHaveLength(TEMPLATE_KEYS.length * LANGUAGES.length);
  });

  it.each(QUESTIONNAIRE_TEMPLATES.map((template) => [name(template), template] as const))(
    '%s passes the definition checker with no problems',
    (_name, template) => {
      expect(template.definition.language).toBe(template.language);
      expect(checkDefinition(definitionOf(template))).toEqual([]);
    },
  );

  it('gives the Spanish and English versions identical keys, structure and points', () => {
    for (const key of TEMPLATE_KEYS) {
      const [es, en] = ['es', 'en'].map((language) => findTemplate(key, language)!);
      expect(structureOf(en)).toEqual(structureOf(es));
    }
  });

  it('translates every text: no English text is the Spanish one', () => {
    for (const key of TEMPLATE_KEYS) {
      const es = textsOf(findTemplate(key, 'es')!);
      const en = textsOf(findTemplate(key, 'en')!);
      expect(en).toHaveLength(es.length);
      const untranslated = en.filter((text, index) => text === es[index]);
      expect(untranslated).toEqual([]);
    }
  });

  it('writes Spanish with its accents and punctuation, and English without them', () => {
    for (const template of templatesIn('es')) {
      const texts = textsOf(template).join('\n');
      const missing = ['á', 'é', 'í', 'ó', 'ú', 'ñ', '¿'].filter((mark) => !texts.includes(mark));
      expect({ template: name(template), missing }).toEqual({ template: name(template), missing: [] });
    }
    for (const template of templatesIn('en')) {
      const offending = textsOf(template).filter((text) => /[áéíóúñ¿¡«»]/.test(text));
      expect({ template: name(template), offending }).toEqual({ template: name(template), offending: [] });
    }
  });

  it('has between 15 and 25 questions per template', () => {
    for (const template of QUESTIONNAIRE_TEMPLATES) {
      const count = questionsOf(template).length;
      expect({ template: name(template), inRange: count >= 15 && count <= 25 }).toEqual({
        template: name(template),
        inRange: true,
      });
    }
  });

  it('gives every scored question a recommendation and a dimension', () => {
    for (const template of QUESTIONNAIRE_TEMPLATES) {
      const lacking = questionsOf(template)
        .filter(isScoredQuestion)
        .filter((question) => !question.recommendation?.trim() || question.dimension === undefined)
        .map((question) => question.key);
      expect({ template: name(template), lacking }).toEqual({ template: name(template), lacking: [] });
    }
  });

  it('includes the items common to all channels in every template, with a critical data-protection item', () => {
    for (const template of QUESTIONNAIRE_TEMPLATES) {
      const byKey = new Map(questionsOf(template).map((question) => [question.key, question]));
      const missing = COMMON_QUESTION_KEYS.filter((key) => !byKey.has(key));
      expect({ template: name(template), missing }).toEqual({ template: name(template), missing: [] });
      expect(byKey.get('data_protected')).toMatchObject({ critical: true, knockoutScope: 'visit' });
      expect(byKey.get('no_forbidden_phrases')).toMatchObject({ type: 'yes_no', positive: false });
    }
  });

  it('has exactly one fcr question, and asks for a follow-up only when the query was not resolved', () => {
    for (const template of QUESTIONNAIRE_TEMPLATES) {
      const questions = questionsOf(template);
      const fcr = questions.filter((question) => question.kpi === 'fcr');
      expect(fcr.map((question) => question.key)).toEqual([FCR_QUESTION_KEY]);
      expect(fcr[0]).toMatchObject({ type: 'yes_no', channels: [] });
      const followUp = questions.find((question) => question.key === 'follow_up_offered');
      expect(followUp?.showIf).toEqual({ questionKey: FCR_QUESTION_KEY, equals: false });
    }
  });

  it('times every channel it covers with the right kpi (wait time if synchronous, response time if not)', () => {
    for (const template of QUESTIONNAIRE_TEMPLATES) {
      const timing = questionsOf(template).filter((question) => TIMING_KPIS.includes(question.kpi ?? ''));
      for (const channel of template.channels) {
        const onChannel = timing.filter((question) => appliesOn(question, channel));
        expect({ template: name(template), channel, kpis: onChannel.map((question) => question.kpi) }).toEqual({
          template: name(template),
          channel,
          kpis: [timingMetricOf(channel)],
        });
        expect(isScoredQuestion(onChannel[0])).toBe(true);
      }
    }
  });

  it('uses the timing thresholds of DOMAIN.md §8 for email and social media', () => {
    const thresholds = (key: string, questionKey: string) =>
      questionsOf(findTemplate(key, 'en')!).find((question) => question.key === questionKey)?.thresholds;
    expect(thresholds('email', 'first_response_time')).toEqual([
      { upToSeconds: 14400, fraction: 1 },
      { upToSeconds: 86400, fraction: 0.5 },
    ]);
    const social = thresholds('social_whatsapp', 'response_time')!;
    expect(social[0]).toEqual({ upToSeconds: 3600, fraction: 1 });
    expect(social.length).toBeGreaterThan(1);
  });

  it('restricts questions only to channels the template covers', () => {
    for (const template of QUESTIONNAIRE_TEMPLATES) {
      const stray = questionsOf(template).flatMap((question) =>
        question.channels.filter((channel) => !template.channels.includes(channel)).map((channel) => `${question.key}:${channel}`),
      );
      expect({ template: name(template), stray }).toEqual({ template: name(template), stray: [] });
    }
    const social = questionsOf(findTemplate('social_whatsapp', 'es')!);
    expect(social.some((question) => question.channels.length === 1 && question.channels[0] === 'whatsapp')).toBe(true);
  });

  it('uses every kind of question a consultancy needs', () => {
    const all = QUESTIONNAIRE_TEMPLATES.flatMap(questionsOf);
    expect(all.some((question) => question.type === 'multi_choice' && isScoredQuestion(question))).toBe(true);
    for (const template of QUESTIONNAIRE_TEMPLATES) {
      const questions = questionsOf(template);
      const has = (test: (question: QuestionDefinition) => boolean) => questions.some(test);
      expect({
        template: name(template),
        scale: has((question) => question.type === 'scale' && isScoredQuestion(question)),
        singleChoice: has((question) => question.type === 'single_choice' && question.options!.some((option) => option.points > 0)),
        evidence: questions.filter((question) => question.type === 'evidence').length,
        narrative: has((question) => question.type === 'text' && question.required && (question.minLength ?? 0) >= 20),
        optionalComment: has((question) => question.type === 'text' && !question.required),
        allowNa: has((question) => question.allowNa),
        weightedSections: new Set(definitionOf(template).sections.map((section) => section.weight)).size > 1,
      }).toEqual({
        template: name(template),
        scale: true,
        singleChoice: true,
        evidence: 1,
        narrative: true,
        optionalComment: true,
        allowNa: true,
        weightedSections: true,
      });
    }
    // Evidence is optional only in a store, where a photo is not always possible or appropriate.
    const evidence = (key: string) => questionsOf(findTemplate(key, 'en')!).find((question) => question.type === 'evidence')!;
    expect(evidence('in_store').required).toBe(false);
    for (const key of ['phone', 'email', 'web_chat', 'social_whatsapp']) expect(evidence(key).required).toBe(true);
  });

  it('covers the eight rules of customer service on social media', () => {
    const keys = new Set(questionsOf(findTemplate('social_whatsapp', 'es')!).map((question) => question.key));
    const rules = Object.entries(SOCIAL_RULE_QUESTION_KEYS);
    expect(rules).toHaveLength(8);
    for (const [rule, questionKeys] of rules) {
      expect({ rule, missing: questionKeys.filter((key) => !keys.has(key)) }).toEqual({ rule, missing: [] });
    }
    const social = questionsOf(findTemplate('social_whatsapp', 'en')!);
    const privateChannel = social.find((question) => question.key === 'private_channel');
    expect(privateChannel).toMatchObject({ critical: true, channels: ['facebook', 'twitter', 'instagram'] });
    expect(social.find((question) => question.key === 'response_time')).toMatchObject({
      type: 'duration',
      kpi: 'response_time',
    });
  });

  describe('on a real visit', () => {
    const visits = QUESTIONNAIRE_TEMPLATES.flatMap((template) =>
      template.channels.map((channel) => [name(template), channel, template] as const),
    );

    it.each(visits)('%s on %s: the best answers are a valid submission scoring 100', (_name, channel, template) => {
      const definition = definitionOf(template);
      const answers = answerVisit(definition, channel, bestValue);

      expect(validateSubmission(definition, answers, channel)).toEqual([]);
      const score = scoreVisit(definition, answers, channel);
      expect(score).toMatchObject({ score: 100, knockout: false });
    });

    it.each(visits)(
      '%s on %s: an unresolved query asks for the follow-up; exposed data knocks the visit out',
      (_name, channel, template) => {
        const definition = definitionOf(template);
        const answers = answerVisit(definition, channel, (question) =>
          question.key === FCR_QUESTION_KEY || question.key === 'data_protected' ? false : bestValue(question),
        );

        expect(answers.map((answer) => answer.questionKey)).toContain('follow_up_offered');
        expect(validateSubmission(definition, answers, channel)).toEqual([]);
        expect(scoreVisit(definition, answers, channel)).toMatchObject({
          score: 0,
          knockout: true,
          knockoutQuestionKeys: ['data_protected'],
        });
      },
    );
  });
});

describe('findTemplate', () => {
  it('finds a template by key and language', () => {
    const template = findTemplate('phone', 'es');
    expect(template).toMatchObject({ key: 'phone', language: 'es', channels: ['phone'] });
    expect(template?.definition.language).toBe('es');
  });

  it('returns undefined for an unknown key or language', () => {
    expect(findTemplate('fax', 'es')).toBeUndefined();
    expect(findTemplate('phone', 'fr')).toBeUndefined();
  });

  it('returns a copy the caller may change without touching the shared templates', () => {
    const copy = findTemplate('email', 'en')!;
    copy.definition.sections[0].questions[0].text = 'Changed';
    copy.definition.sections.pop();

    const again = findTemplate('email', 'en')!;
    expect(again.definition.sections[0].questions[0].text).not.toBe('Changed');
    expect(again.definition.sections).toHaveLength(copy.definition.sections.length + 1);
    expect(Object.isFrozen(QUESTIONNAIRE_TEMPLATES[0].definition.sections[0].questions[0])).toBe(true);
  });
});
