// The program's common measures (docs/kpis.md §5b): what can be compared across a wave's questionnaires.
// - a consultant-defined measure maps one or more question keys (differently keyed in different
//   questionnaires) onto one measure;
// - a scored question key that two or more of the wave's questionnaires share;
// - each dimension key of a scored question.
// A measure is measured only where a questionnaire has it: the model never shows it as 0 elsewhere.
import { isScoredQuestion, listQuestions, QuestionnaireDefinition } from '../../questionnaires/domain/definition';

export type MeasureKind = 'custom' | 'question' | 'dimension';

export interface CustomMeasure {
  key: string;
  title: string;
  questionKeys: string[];
}

export interface Measure {
  key: string;
  title: string;
  kind: MeasureKind;
  /** The questions counted (custom and question measures); empty for a dimension. */
  questionKeys: string[];
  /** The dimension key (dimension measures). */
  dimension?: string;
  /** The `recommendation` texts of the measure's questions, each once, in questionnaire order. */
  advice: string[];
}

const scoredQuestions = (definition: QuestionnaireDefinition) =>
  listQuestions(definition)
    .filter(({ question }) => isScoredQuestion(question))
    .map(({ question }) => question);

/** The `recommendation` texts of the given questions in these questionnaires, each once, in questionnaire order. */
export function measureAdvice(questionKeys: string[], questionnaires: QuestionnaireDefinition[]): string[] {
  const texts: string[] = [];
  for (const question of questionnaires.flatMap(scoredQuestions)) {
    const text = question.recommendation?.trim();
    if (questionKeys.includes(question.key) && text && !texts.includes(text)) texts.push(text);
  }
  return texts;
}

/**
 * The measures of a wave, in this order: the consultant's (as defined), shared question keys (in
 * order of first appearance), dimensions (in order of first appearance). A shared key that a
 * consultant's measure maps, or whose key it uses, is left out (the consultant's mapping wins), and so
 * is a dimension whose key is taken.
 * `questionnaires` holds each distinct questionnaire version of the wave once.
 */
export function programMeasures(questionnaires: QuestionnaireDefinition[], custom: CustomMeasure[]): Measure[] {
  const scored = questionnaires.map(scoredQuestions);
  const adviceOf = (keys: string[]): string[] => measureAdvice(keys, questionnaires);
  const textOf = (key: string): string => scored.flat().find((question) => question.key === key)?.text ?? key;

  const measures: Measure[] = custom.map((measure) => ({
    key: measure.key,
    title: measure.title,
    kind: 'custom',
    questionKeys: [...measure.questionKeys],
    advice: adviceOf(measure.questionKeys),
  }));
  const taken = new Set(measures.map((measure) => measure.key));
  const mapped = new Set(custom.flatMap((measure) => measure.questionKeys));

  const questionnairesWithKey = new Map<string, number>();
  for (const questions of scored) {
    for (const key of new Set(questions.map((question) => question.key)))
      questionnairesWithKey.set(key, (questionnairesWithKey.get(key) ?? 0) + 1);
  }
  for (const [key, count] of questionnairesWithKey) {
    if (count < 2 || taken.has(key) || mapped.has(key)) continue;
    taken.add(key);
    measures.push({ key, title: textOf(key), kind: 'question', questionKeys: [key], advice: adviceOf([key]) });
  }

  for (const question of scored.flat()) {
    const dimension = question.dimension;
    if (dimension === undefined || taken.has(dimension)) continue;
    taken.add(dimension);
    measures.push({ key: dimension, title: dimension, kind: 'dimension', questionKeys: [], dimension, advice: [] });
  }
  return measures;
}
