// What changed between two versions of a questionnaire: sections and questions matched by key, each
// setting compared (a question that moved to another section counts as changed: its `section`).
import type { QuestionnaireBody } from '../api';

export interface Change {
  kind: 'added' | 'removed' | 'changed';
  /** "section welcome" or "question greeting" */
  what: 'section' | 'question' | 'title';
  key: string;
  /** For `changed`: the settings that differ, with their old and new values as JSON. */
  fields: Array<{ field: string; before: string; after: string }>;
}

const show = (value: unknown) => (value === undefined ? '—' : JSON.stringify(value));

function compareFields(before: Record<string, unknown>, after: Record<string, unknown>, skip: string[]): Change['fields'] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...fields]
    .filter((field) => !skip.includes(field))
    .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
    .map((field) => ({ field, before: show(before[field]), after: show(after[field]) }));
}

export function diffVersions(before: QuestionnaireBody, after: QuestionnaireBody): Change[] {
  const changes: Change[] = [];
  if (before.title !== after.title)
    changes.push({
      kind: 'changed',
      what: 'title',
      key: 'title',
      fields: [{ field: 'title', before: show(before.title), after: show(after.title) }],
    });
  const sectionsBefore = new Map(before.sections.map((section) => [section.key, section]));
  const sectionsAfter = new Map(after.sections.map((section) => [section.key, section]));
  for (const section of after.sections) {
    const old = sectionsBefore.get(section.key);
    if (!old) changes.push({ kind: 'added', what: 'section', key: section.key, fields: [] });
    else {
      const fields = compareFields(old as unknown as Record<string, unknown>, section as unknown as Record<string, unknown>, ['questions']);
      if (fields.length) changes.push({ kind: 'changed', what: 'section', key: section.key, fields });
    }
  }
  for (const section of before.sections)
    if (!sectionsAfter.has(section.key)) changes.push({ kind: 'removed', what: 'section', key: section.key, fields: [] });

  const questions = (body: QuestionnaireBody) =>
    new Map(
      body.sections.flatMap((section) =>
        section.questions.map((question) => [question.key, { ...question, section: section.key } as Record<string, unknown>]),
      ),
    );
  const questionsBefore = questions(before);
  const questionsAfter = questions(after);
  for (const [key, question] of questionsAfter) {
    const old = questionsBefore.get(key);
    if (!old) changes.push({ kind: 'added', what: 'question', key, fields: [] });
    else {
      const fields = compareFields(old, question, []);
      if (fields.length) changes.push({ kind: 'changed', what: 'question', key, fields });
    }
  }
  for (const key of questionsBefore.keys())
    if (!questionsAfter.has(key)) changes.push({ kind: 'removed', what: 'question', key, fields: [] });
  return changes;
}
