// One question of the visit form, drawn for its type, with N/A where the question allows it, the
// required mark, and the API's problems with it (422 `details`) right under it.
import { Box, Checkbox, Group, NumberInput, Paper, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { QuestionDefinition } from '@server/questionnaires/domain/definition';
import { useTranslation } from 'react-i18next';
import type { AnswerState, EvidenceItem } from '../draft-store';
import { fromLocalInput, toLocalInput } from '../form-model';
import { DurationField } from './DurationField';
import { EvidenceField } from './EvidenceField';

export interface QuestionFieldProps {
  question: QuestionDefinition;
  state: AnswerState;
  onChange: (state: AnswerState) => void;
  problems: string[];
  disabled: boolean;
  /** evidence questions */
  assignmentId: string;
  evidence: EvidenceItem[];
  onEvidenceChange: (items: EvidenceItem[]) => Promise<unknown>;
  /** duration questions: when the stopwatch started, if running */
  stopwatchStartedAt: number | undefined;
  onStopwatchChange: (startedAt: number | undefined) => void;
}

export function QuestionField(props: QuestionFieldProps) {
  const { t } = useTranslation();
  const { question, state, onChange, problems, disabled } = props;
  const na = state.na === true;
  const errorId = `problem-${question.key}`;
  const label = (
    <>
      {question.text}
      {question.required && <RequiredMark />}
    </>
  );
  const common = {
    label,
    disabled: disabled || na,
    'aria-describedby': problems.length ? errorId : undefined,
    'aria-invalid': problems.length ? true : undefined,
  } as const;
  return (
    <Paper
      withBorder
      p="sm"
      className="question"
      data-question={question.key}
      data-type={question.type}
      data-problem={problems.length ? 'yes' : 'no'}
      tabIndex={-1}
    >
      <Stack gap="xs">
        <Input {...props} common={common} />
        {question.allowNa && (
          <Checkbox
            label={t('shopper.form.na')}
            checked={na}
            disabled={disabled}
            onChange={(event) => onChange({ ...state, na: event.currentTarget.checked })}
            aria-label={`${t('shopper.form.na')}: ${question.text}`}
          />
        )}
        {problems.length > 0 && (
          <Box id={errorId} role="alert">
            {problems.map((problem) => (
              <Text key={problem} size="sm" c="red.8" fw={500}>
                {problem}
              </Text>
            ))}
          </Box>
        )}
      </Stack>
    </Paper>
  );
}

/** The visible asterisk, and the word for screen readers. */
export function RequiredMark() {
  const { t } = useTranslation();
  return (
    <>
      <Text span c="red.8" ml={4} aria-hidden>
        *
      </Text>
      <span className="sr-only"> ({t('shopper.form.required')})</span>
    </>
  );
}

type Common = {
  label: React.ReactNode;
  disabled: boolean;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
};

function Input(props: QuestionFieldProps & { common: Common }) {
  const { t } = useTranslation();
  const { question, state, onChange, common } = props;
  const set = (value: AnswerState['value']) => onChange({ ...state, value });
  const { label, disabled } = common;
  const aria = { 'aria-describedby': common['aria-describedby'], 'aria-invalid': common['aria-invalid'] };
  switch (question.type) {
    case 'yes_no':
      return (
        <Radio.Group
          label={label}
          value={state.value === true ? 'yes' : state.value === false ? 'no' : null}
          onChange={(value) => set(value === 'yes')}
          {...aria}
        >
          <Group gap="lg" mt={6}>
            <Radio value="yes" label={t('shopper.form.yes')} disabled={disabled} size="md" />
            <Radio value="no" label={t('shopper.form.no')} disabled={disabled} size="md" />
          </Group>
        </Radio.Group>
      );
    case 'scale': {
      const min = question.min ?? 1;
      const max = question.max ?? 5;
      const steps = Array.from({ length: max - min + 1 }, (_, index) => min + index);
      return (
        <Radio.Group
          label={label}
          description={t('shopper.form.scaleHint', { min, max })}
          value={typeof state.value === 'number' ? String(state.value) : null}
          onChange={(value) => set(Number(value))}
          {...aria}
        >
          <Group gap="md" mt={6}>
            {steps.map((step) => (
              <Radio key={step} value={String(step)} label={String(step)} disabled={disabled} size="md" />
            ))}
          </Group>
        </Radio.Group>
      );
    }
    case 'single_choice':
      return (
        <Radio.Group label={label} value={typeof state.value === 'string' ? state.value : null} onChange={(value) => set(value)} {...aria}>
          <Stack gap="sm" mt={6}>
            {(question.options ?? []).map((option) => (
              <Radio key={option.key} value={option.key} label={option.label} disabled={disabled} size="md" />
            ))}
          </Stack>
        </Radio.Group>
      );
    case 'multi_choice':
      return (
        <Checkbox.Group label={label} value={Array.isArray(state.value) ? state.value : []} onChange={(value) => set(value)} {...aria}>
          <Stack gap="sm" mt={6}>
            {(question.options ?? []).map((option) => (
              <Checkbox key={option.key} value={option.key} label={option.label} disabled={disabled} size="md" />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'duration':
      return (
        <DurationField
          label={label}
          seconds={typeof state.value === 'number' ? state.value : null}
          onChange={(seconds) => set(seconds)}
          disabled={disabled}
          startedAt={props.stopwatchStartedAt}
          onStopwatchChange={props.onStopwatchChange}
          questionText={question.text}
          aria={aria}
        />
      );
    case 'number':
      return (
        <NumberInput
          label={label}
          value={typeof state.value === 'number' ? state.value : ''}
          onChange={(value) => set(typeof value === 'number' ? value : null)}
          disabled={disabled}
          inputMode="decimal"
          decimalSeparator={undefined}
          {...aria}
        />
      );
    case 'text': {
      const text = typeof state.value === 'string' ? state.value : '';
      const minLength = question.minLength ?? 0;
      return (
        <Textarea
          label={label}
          description={minLength > 0 ? t('shopper.form.minLength', { min: minLength, count: text.trim().length }) : undefined}
          value={text}
          onChange={(event) => set(event.currentTarget.value)}
          disabled={disabled}
          autosize
          minRows={2}
          maxLength={20_000}
          {...aria}
        />
      );
    }
    case 'datetime':
      return (
        <TextInput
          type="datetime-local"
          label={label}
          value={toLocalInput(typeof state.value === 'string' ? state.value : null)}
          onChange={(event) => set(fromLocalInput(event.currentTarget.value))}
          disabled={disabled}
          {...aria}
        />
      );
    case 'evidence':
      return (
        <EvidenceField
          label={label}
          questionKey={question.key}
          questionText={question.text}
          assignmentId={props.assignmentId}
          items={props.evidence}
          onChange={props.onEvidenceChange}
          disabled={disabled}
        />
      );
    default:
      return <Text>{question.text}</Text>;
  }
}
