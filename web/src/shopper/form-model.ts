// From the draft to what the API takes, with the server's own rules: which questions apply is decided by
// the same pure function the server validates with (src/questionnaires/domain/visibility.ts).
import type { Channel, QuestionDefinition, SubmittedAnswer } from '@server/questionnaires/domain/definition';
import { answersByQuestionKey, hasValue, questionApplicability } from '@server/questionnaires/domain/visibility';
import type { FormDefinition, SubmitBody } from './api';
import type { Draft, EvidenceItem } from './draft-store';

/** The draft's answers as the server reads them; an evidence question counts as answered once a file is picked. */
export function draftAnswers(
  draft: Pick<Draft, 'answers' | 'evidence'>,
  definition: FormDefinition,
  uploadedOnly: boolean,
): SubmittedAnswer[] {
  const answers: SubmittedAnswer[] = [];
  for (const section of definition.sections) {
    for (const question of section.questions) {
      const state = draft.answers[question.key] ?? {};
      if (state.na) {
        answers.push({ questionKey: question.key, na: true });
      } else if (question.type === 'evidence') {
        const ids = evidenceIds(draft.evidence[question.key] ?? [], uploadedOnly);
        if (ids.length) answers.push({ questionKey: question.key, value: ids });
      } else if (state.value !== undefined && state.value !== null && state.value !== '') {
        answers.push({ questionKey: question.key, value: state.value });
      }
    }
  }
  return answers;
}

function evidenceIds(items: EvidenceItem[], uploadedOnly: boolean): string[] {
  return items.filter((item) => !item.rejected && (item.evidenceId || !uploadedOnly)).map((item) => item.evidenceId ?? item.localId);
}

/** The keys of the questions that apply now (channel and show-if), live as the shopper answers. */
export function visibleQuestionKeys(draft: Pick<Draft, 'answers' | 'evidence'>, definition: FormDefinition, channel: Channel): Set<string> {
  const applicability = questionApplicability(definition, answersByQuestionKey(draftAnswers(draft, definition, false)), channel);
  return new Set([...applicability].filter(([, status]) => status.applies).map(([key]) => key));
}

/** The request body: answers of the questions that apply (a hidden question's answer stays in the draft, unsent). */
export function submissionBody(draft: Draft, definition: FormDefinition, channel: Channel): SubmitBody {
  const visible = visibleQuestionKeys(draft, definition, channel);
  const answers = draftAnswers(draft, definition, true).filter((answer) => visible.has(answer.questionKey));
  const body: SubmitBody = {
    visitedAt: draft.visitedAt ?? '',
    answers: answers.map(({ questionKey, value, na }) => (na ? { questionKey, na: true } : { questionKey, value: value as never })),
  };
  if (draft.narrative.trim()) body.narrative = draft.narrative;
  return body;
}

/** Questions that need an answer and have none yet (the server says the same in its 422; this saves a round trip). */
export function missingRequired(draft: Draft, definition: FormDefinition, channel: Channel): QuestionDefinition[] {
  const visible = visibleQuestionKeys(draft, definition, channel);
  const byKey = answersByQuestionKey(draftAnswers(draft, definition, false));
  return definition.sections
    .flatMap((section) => section.questions)
    .filter((question) => question.required && visible.has(question.key))
    .filter((question) => {
      const answer = byKey.get(question.key);
      return !(answer?.na || hasValue(answer));
    });
}

/** 75 → "01:15"; 3725 → "62:05". */
export function toMinutesSeconds(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  return `${String(Math.floor(whole / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
}

/** "1:15", "01:15" or "75" (seconds) → 75; anything else → null. */
export function parseMinutesSeconds(text: string): number | null {
  const trimmed = text.trim();
  const match = /^(\d{1,3}):([0-5]\d)$/.exec(trimmed);
  if (match) return Number(match[1]) * 60 + Number(match[2]);
  if (/^\d{1,5}$/.test(trimmed)) return Number(trimmed);
  return null;
}

/** An ISO instant → the value of an <input type="datetime-local"> in the phone's time zone. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** The value of an <input type="datetime-local"> (phone's time zone) → an ISO instant, or null. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
