// An answer as the reviewer reads it, and the input that corrects it, for every question type.
import { Checkbox, Group, MultiSelect, NumberInput, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/format/format';
import type { QuestionBody } from '../api';

export type AnswerValue = boolean | number | string | string[] | null;
/** What the reviewer set for one question: a value, or N/A. */
export interface AnswerDraft {
  value: AnswerValue;
  na: boolean;
}

export function useAnswerText(): (question: QuestionBody | undefined, value: AnswerValue, na: boolean) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return (question, value, na) => {
    if (na) return t('console.report.na');
    if (value === null || value === undefined || value === '') return t('console.report.blank');
    const label = (key: string) => question?.options?.find((option) => option.key === key)?.label ?? key;
    switch (question?.type) {
      case 'yes_no':
        return value === true ? t('console.report.answerYes') : t('console.report.answerNo');
      case 'single_choice':
        return label(String(value));
      case 'multi_choice':
        return Array.isArray(value) ? (value.length ? value.map(label).join(', ') : '∅') : String(value);
      case 'duration':
        return typeof value === 'number' ? format.duration(value) : String(value);
      case 'datetime':
        return format.dateTime(String(value));
      case 'evidence':
        return Array.isArray(value) ? `${value.length} ×` : '1 ×';
      case 'scale':
      case 'number':
        return typeof value === 'number' ? format.decimal(value, Number.isInteger(value) ? 0 : 1) : String(value);
      default:
        return Array.isArray(value) ? value.join(', ') : String(value);
    }
  };
}

/** The input that sets one answer; `label` names it for screen readers (the question's text). */
export function AnswerInput({
  question,
  draft,
  onChange,
  label,
}: {
  question: QuestionBody;
  draft: AnswerDraft;
  onChange: (draft: AnswerDraft) => void;
  label: string;
}) {
  const { t } = useTranslation();
  const set = (value: AnswerValue) => onChange({ value, na: false });
  const disabled = draft.na;
  let input: React.ReactNode;
  switch (question.type) {
    case 'yes_no':
      input = (
        <Select
          aria-label={label}
          size="xs"
          w={110}
          disabled={disabled}
          data={[
            { value: 'true', label: t('console.report.answerYes') },
            { value: 'false', label: t('console.report.answerNo') },
          ]}
          value={draft.value === true ? 'true' : draft.value === false ? 'false' : null}
          onChange={(value) => set(value === null ? null : value === 'true')}
        />
      );
      break;
    case 'single_choice':
      input = (
        <Select
          aria-label={label}
          size="xs"
          disabled={disabled}
          data={(question.options ?? []).map((option) => ({ value: option.key, label: option.label }))}
          value={typeof draft.value === 'string' ? draft.value : null}
          onChange={(value) => set(value)}
        />
      );
      break;
    case 'multi_choice':
      input = (
        <MultiSelect
          aria-label={label}
          size="xs"
          disabled={disabled}
          data={(question.options ?? []).map((option) => ({ value: option.key, label: option.label }))}
          value={Array.isArray(draft.value) ? draft.value : []}
          onChange={(value) => set(value)}
        />
      );
      break;
    case 'scale':
    case 'number':
    case 'duration':
      input = (
        <NumberInput
          aria-label={label}
          size="xs"
          w={120}
          disabled={disabled}
          min={question.type === 'scale' ? question.min : undefined}
          max={question.type === 'scale' ? question.max : undefined}
          value={typeof draft.value === 'number' ? draft.value : ''}
          onChange={(value) => set(typeof value === 'number' ? value : value === '' ? null : Number(value))}
        />
      );
      break;
    case 'evidence':
      input = null; // files are the shopper's; a reviewer does not swap them
      break;
    default:
      input = (
        <TextInput
          aria-label={label}
          size="xs"
          disabled={disabled}
          value={typeof draft.value === 'string' ? draft.value : ''}
          onChange={(event) => set(event.currentTarget.value)}
        />
      );
  }
  return (
    <Group gap="xs" wrap="nowrap">
      {input}
      {question.allowNa && (
        <Checkbox
          size="xs"
          label={t('console.report.na')}
          aria-label={`${t('console.report.na')}: ${label}`}
          checked={draft.na}
          onChange={(event) => onChange({ value: draft.value, na: event.currentTarget.checked })}
        />
      )}
    </Group>
  );
}
