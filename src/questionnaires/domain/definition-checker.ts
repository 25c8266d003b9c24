// Finds everything wrong with a questionnaire definition (docs/domain.md §2, §4) before it can be saved
// or published. It reports every problem with the path of the offending field and never throws:
// the definition may come straight from an author's request.
import {
  CHANNELS,
  DIMENSIONS,
  KNOCKOUT_SCOPES,
  KPI_ROLES,
  LANGUAGES,
  QUESTION_TYPES,
  SCORABLE_TYPES,
  isScoredQuestion,
  listQuestions,
  type AnswerValue,
  type QuestionDefinition,
  type QuestionType,
  type QuestionnaireDefinition,
  type Problem,
  type SectionDefinition,
  type ShowIf,
  type ThemeDefinition,
} from './definition';
import { answerValueProblems, describeValue, isFiniteNumber } from './submission-validation';
import { words } from '../../kpis/domain/text-analysis';

const KEY_PATTERN = /^[a-z0-9_]+$/i;

/** Settings that only mean something on some question types. */
const SETTING_TYPES = {
  positive: ['yes_no'],
  min: ['scale'],
  max: ['scale'],
  options: ['single_choice', 'multi_choice'],
  thresholds: ['duration'],
  minLength: ['text'],
} as const satisfies Record<string, readonly QuestionType[]>;

type Report = (field: string, reason: string) => void;

/** Where a question sits, for `showIf` (which may only look back) and duplicate keys. */
interface QuestionPlace {
  question: QuestionDefinition;
  path: string;
  order: number;
}

export function checkDefinition(definition: QuestionnaireDefinition): Problem[] {
  const problems: Problem[] = [];
  const report: Report = (field, reason) => problems.push({ field, reason });

  checkNonEmptyText(definition.title, 'title', report);
  checkOneOf(definition.language, LANGUAGES, 'language', 'language', report);

  const sections = asList<SectionDefinition>(definition.sections);
  if (sections.length === 0) report('sections', 'a questionnaire needs at least one section');
  checkUniqueKeys(
    sections.map((section, index) => ({ key: section.key, path: `sections[${index}]` })),
    'section',
    report,
  );
  sections.forEach((section, index) => checkSection(section, `sections[${index}]`, report));

  const places = placeQuestions(sections);
  checkUniqueKeys(
    places.map(({ question, path }) => ({ key: question.key, path })),
    'question',
    report,
  );
  const firstPlaceByKey = new Map<string, QuestionPlace>();
  for (const place of places) {
    if (!firstPlaceByKey.has(place.question.key)) firstPlaceByKey.set(place.question.key, place);
  }
  for (const place of places) checkQuestion(place, firstPlaceByKey, report);
  if (definition.themes !== undefined) checkThemes(definition.themes, report);
  return problems;
}

/** Themes: unique keys, a label, and terms with at least one word each. */
function checkThemes(themes: ThemeDefinition[], report: Report): void {
  if (!Array.isArray(themes)) {
    report('themes', 'themes must be a list');
    return;
  }
  checkUniqueKeys(
    themes.map((theme, index) => ({ key: theme.key, path: `themes[${index}]` })),
    'theme',
    report,
  );
  themes.forEach((theme, index) => {
    const path = `themes[${index}]`;
    checkKey(theme.key, `${path}.key`, report);
    checkNonEmptyText(theme.label, `${path}.label`, report);
    const terms = asList<unknown>(theme.terms);
    if (terms.length === 0) report(`${path}.terms`, 'a theme needs at least one term');
    terms.forEach((term, termIndex) => {
      const field = `${path}.terms[${termIndex}]`;
      if (typeof term !== 'string' || term.trim() === '') {
        report(field, 'a term must be a non-empty text');
      } else if (words(term).length === 0) {
        report(field, `term "${term}" has no word to match, only punctuation`);
      }
    });
  });
}

function checkSection(section: SectionDefinition, path: string, report: Report): void {
  checkKey(section.key, `${path}.key`, report);
  checkNonEmptyText(section.title, `${path}.title`, report);
  if (!isFiniteNumber(section.weight) || section.weight <= 0) {
    report(`${path}.weight`, `weight must be a number greater than 0, got ${describeValue(section.weight)}`);
  }
  if (asList(section.questions).length === 0) report(`${path}.questions`, 'a section needs at least one question');
}

function placeQuestions(sections: SectionDefinition[]): QuestionPlace[] {
  const listable = sections.map((section) => ({ ...section, questions: asList(section.questions) }));
  return listQuestions({ sections: listable }).map(({ question, sectionIndex, questionIndex, order }) => ({
    question,
    path: `sections[${sectionIndex}].questions[${questionIndex}]`,
    order,
  }));
}

function checkQuestion(place: QuestionPlace, firstPlaceByKey: ReadonlyMap<string, QuestionPlace>, report: Report): void {
  const { question, path } = place;
  checkKey(question.key, `${path}.key`, report);
  checkNonEmptyText(question.text, `${path}.text`, report);
  checkOneOf(question.knockoutScope, KNOCKOUT_SCOPES, `${path}.knockoutScope`, 'knockout scope', report);
  if (question.dimension !== undefined) {
    checkOneOf(question.dimension, DIMENSIONS, `${path}.dimension`, 'dimension', report);
  }
  checkChannels(question, path, report);
  if (question.showIf != null) checkShowIf(question.showIf, place, firstPlaceByKey, report);
  checkKpi(question, path, report);

  const typeIsKnown = checkOneOf(question.type, QUESTION_TYPES, `${path}.type`, 'question type', report);
  // The rules below depend on what the type means; an unknown type has already been reported.
  if (!typeIsKnown) return;
  checkPoints(question, path, report);
  checkMisplacedSettings(question, path, report);
  switch (question.type) {
    case 'yes_no':
      if (question.positive !== undefined && typeof question.positive !== 'boolean') {
        report(`${path}.positive`, `positive must be true or false, got ${describeValue(question.positive)}`);
      }
      break;
    case 'scale':
      checkScale(question, path, report);
      break;
    case 'single_choice':
    case 'multi_choice':
      checkOptions(question, path, report);
      break;
    case 'duration':
      checkThresholds(question, path, report);
      break;
    case 'text':
      if (question.minLength !== undefined && !(Number.isInteger(question.minLength) && question.minLength >= 0)) {
        const got = describeValue(question.minLength);
        report(`${path}.minLength`, `minLength must be a whole number of 0 or more, got ${got}`);
      }
      break;
    case 'number':
    case 'datetime':
    case 'evidence':
      break; // no settings of their own
  }
}

function checkPoints(question: QuestionDefinition, path: string, report: Report): void {
  if (!isFiniteNumber(question.maxPoints) || question.maxPoints < 0) {
    report(`${path}.maxPoints`, `maxPoints must be a number of 0 or more, got ${describeValue(question.maxPoints)}`);
  } else if (question.maxPoints > 0 && !SCORABLE_TYPES.includes(question.type)) {
    report(`${path}.maxPoints`, `maxPoints must be 0: a ${question.type} question is never scored`);
  }
  const scored = isScoredQuestion(question);
  if (question.critical && !scored) {
    report(`${path}.critical`, 'only a scored question can be critical: an unscored one can never fail');
  }
  if (question.bonus && question.critical) {
    report(`${path}.bonus`, 'a question cannot be both a bonus and critical: a bonus is extra credit');
  } else if (question.bonus && !scored) {
    report(`${path}.bonus`, 'only a scored question can be a bonus');
  }
}

function checkKpi(question: QuestionDefinition, path: string, report: Report): void {
  if (question.kpi === undefined) return;
  if (!checkOneOf(question.kpi, KPI_ROLES, `${path}.kpi`, 'kpi', report)) return;
  if (question.kpi === 'fcr') {
    const passable = (question.type === 'yes_no' || question.type === 'single_choice') && isScoredQuestion(question);
    if (!passable) {
      report(`${path}.kpi`, 'the fcr kpi needs a scored yes_no or single_choice question (it counts passes)');
    }
  } else if (question.type !== 'duration') {
    report(`${path}.kpi`, `the ${question.kpi} kpi needs a duration question`);
  }
}

function checkChannels(question: QuestionDefinition, path: string, report: Report): void {
  if (!Array.isArray(question.channels)) {
    report(`${path}.channels`, 'channels must be a list (empty means every channel)');
    return;
  }
  question.channels.forEach((channel, index) => checkOneOf(channel, CHANNELS, `${path}.channels[${index}]`, 'channel', report));
}

function checkMisplacedSettings(question: QuestionDefinition, path: string, report: Report): void {
  for (const [setting, types] of Object.entries(SETTING_TYPES)) {
    const applies = (types as readonly QuestionType[]).includes(question.type);
    if (!applies && question[setting as keyof typeof SETTING_TYPES] != null) {
      report(`${path}.${setting}`, `${setting} applies only to ${types.join(' and ')} questions, not ${question.type}`);
    }
  }
}

function checkShowIf(showIf: ShowIf, place: QuestionPlace, firstPlaceByKey: ReadonlyMap<string, QuestionPlace>, report: Report): void {
  const path = `${place.path}.showIf`;
  const targetKey = showIf.questionKey;
  const target = firstPlaceByKey.get(targetKey);
  if (targetKey === place.question.key) {
    report(`${path}.questionKey`, 'a question cannot depend on itself');
  } else if (!target) {
    report(`${path}.questionKey`, `there is no question "${targetKey}" to depend on`);
  } else if (target.order > place.order) {
    report(`${path}.questionKey`, `question "${targetKey}" comes later; a question can only depend on an earlier one`);
  }

  const hasEquals = showIf.equals !== undefined;
  const hasIn = showIf.in !== undefined;
  if (!hasEquals && !hasIn) report(path, 'showIf needs a value to compare with: equals or in');
  if (hasEquals && hasIn) report(path, 'showIf takes either equals or in, not both');
  if (hasIn && (!Array.isArray(showIf.in) || showIf.in.length === 0)) {
    report(`${path}.in`, 'in must list at least one value');
  }

  const dependsOn = target && target.order !== place.order ? target.question : undefined;
  if (!dependsOn || !QUESTION_TYPES.includes(dependsOn.type)) return;
  if (hasEquals) checkConditionValue(dependsOn, showIf.equals as AnswerValue, `${path}.equals`, report);
  if (Array.isArray(showIf.in)) {
    showIf.in.forEach((value, index) => checkConditionValue(dependsOn, value, `${path}.in[${index}]`, report));
  }
}

/** A condition can only hold if the question it tests can be given that value. */
function checkConditionValue(dependsOn: QuestionDefinition, value: AnswerValue, field: string, report: Report): void {
  // Against a multi_choice answer, a single option key means "that option was chosen" (see visibility.ts).
  const asAnswer = dependsOn.type === 'multi_choice' && typeof value === 'string' ? [value] : value;
  const problems = answerValueProblems(dependsOn, asAnswer);
  if (problems.length > 0) {
    report(field, `question "${dependsOn.key}" can never have this value: ${problems.join('; ')}`);
  }
}

function checkScale(question: QuestionDefinition, path: string, report: Report): void {
  const { min, max } = question;
  if (!Number.isInteger(min)) report(`${path}.min`, `a scale needs a whole-number min, got ${describeValue(min)}`);
  if (!Number.isInteger(max)) report(`${path}.max`, `a scale needs a whole-number max, got ${describeValue(max)}`);
  if (Number.isInteger(min) && Number.isInteger(max) && min! >= max!) {
    report(`${path}.max`, `max ${max} must be greater than min ${min}`);
  }
}

function checkOptions(question: QuestionDefinition, path: string, report: Report): void {
  const options = asList<NonNullable<QuestionDefinition['options']>[number]>(question.options);
  if (options.length === 0) {
    report(`${path}.options`, 'a choice question needs at least one option');
    return;
  }
  const keyed = options.map((option, index) => ({ key: option.key, path: `${path}.options[${index}]` }));
  checkUniqueKeys(keyed, 'option', report);
  options.forEach((option, index) => {
    const optionPath = `${path}.options[${index}]`;
    checkKey(option.key, `${optionPath}.key`, report);
    checkNonEmptyText(option.label, `${optionPath}.label`, report);
    if (!isFiniteNumber(option.points) || option.points < 0) {
      report(`${optionPath}.points`, `points must be a number of 0 or more, got ${describeValue(option.points)}`);
    } else if (isFiniteNumber(question.maxPoints) && option.points > question.maxPoints) {
      report(`${optionPath}.points`, `points ${option.points} exceed the question's maxPoints ${question.maxPoints}`);
    }
  });

  // A question whose answers cannot reach maxPoints could never pass (and, if critical, would always knock out).
  if (!isScoredQuestion(question)) return;
  const points = options.map((option) => option.points).filter((value) => isFiniteNumber(value) && value > 0);
  const best = question.type === 'single_choice' ? Math.max(0, ...points) : points.reduce((sum, value) => sum + value, 0);
  if (best < question.maxPoints) {
    const what = question.type === 'single_choice' ? 'the best option earns' : 'all options together earn';
    report(`${path}.maxPoints`, `${what} ${best} of maxPoints ${question.maxPoints}, so the question could never pass`);
  }
}

function checkThresholds(question: QuestionDefinition, path: string, report: Report): void {
  const thresholds = asList<NonNullable<QuestionDefinition['thresholds']>[number]>(question.thresholds);
  const scored = isScoredQuestion(question);
  if (thresholds.length === 0) {
    if (scored) report(`${path}.thresholds`, 'a scored duration question needs at least one threshold');
    return;
  }
  thresholds.forEach((threshold, index) => {
    const thresholdPath = `${path}.thresholds[${index}]`;
    const previous = thresholds[index - 1];
    const { upToSeconds, fraction } = threshold;
    if (!isFiniteNumber(upToSeconds) || upToSeconds < 0) {
      const got = describeValue(upToSeconds);
      report(`${thresholdPath}.upToSeconds`, `upToSeconds must be a number of 0 or more, got ${got}`);
    } else if (previous && isFiniteNumber(previous.upToSeconds) && upToSeconds <= previous.upToSeconds) {
      report(
        `${thresholdPath}.upToSeconds`,
        `upToSeconds ${upToSeconds} must be greater than the previous threshold's ${previous.upToSeconds}`,
      );
    }
    if (!isFiniteNumber(fraction) || fraction < 0 || fraction > 1) {
      report(`${thresholdPath}.fraction`, `fraction must be between 0 and 1, got ${describeValue(fraction)}`);
    } else if (previous && isFiniteNumber(previous.fraction) && fraction > previous.fraction) {
      report(
        `${thresholdPath}.fraction`,
        `fraction ${fraction} is more than the previous threshold's ${previous.fraction}: ` + 'a slower answer cannot earn more',
      );
    }
  });
  if (scored && !thresholds.some((threshold) => threshold.fraction === 1)) {
    report(`${path}.thresholds`, 'no threshold earns the full points (fraction 1), so the question could never pass');
  }
}

function checkUniqueKeys(items: { key: unknown; path: string }[], what: string, report: Report): void {
  const firstPathByKey = new Map<unknown, string>();
  for (const { key, path } of items) {
    const firstPath = firstPathByKey.get(key);
    if (firstPath !== undefined) {
      report(`${path}.key`, `${what} key ${JSON.stringify(key)} is already used by ${firstPath}`);
    } else if (typeof key === 'string' && key !== '') {
      firstPathByKey.set(key, path);
    }
  }
}

function checkKey(key: unknown, field: string, report: Report): void {
  if (typeof key !== 'string' || key === '') {
    report(field, 'key must not be empty');
  } else if (!KEY_PATTERN.test(key)) {
    report(field, `key "${key}" may contain only letters, digits and underscores`);
  }
}

function checkNonEmptyText(text: unknown, field: string, report: Report): void {
  const name = field.slice(field.lastIndexOf('.') + 1);
  if (typeof text !== 'string' || text.trim() === '') report(field, `${name} must not be empty`);
}

/** Reports a value outside `allowed`; returns whether it is allowed. */
function checkOneOf(value: unknown, allowed: readonly string[], field: string, what: string, report: Report): boolean {
  if (allowed.includes(value as string)) return true;
  report(field, `unknown ${what} ${describeValue(value)}; expected one of ${allowed.join(', ')}`);
  return false;
}

function asList<T>(value: T[] | undefined): T[] {
  return Array.isArray(value) ? value : [];
}
