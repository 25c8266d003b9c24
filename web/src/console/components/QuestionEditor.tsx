// One question of the editor: every setting the definition takes, each input carrying the checker's
// problem for its path. `onChange(field, value)` sets one field of the question (undefined removes it).
import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CHANNELS, DIMENSIONS, KPI_ROLES, QUESTION_TYPES } from '@server/questionnaires/domain/definition';
import { useReportLabels } from '../../shared/i18n';
import type { QuestionBody } from '../api';
import { OtherProblems, problemAt, useProblems } from './problems';

type Field = keyof QuestionBody;

/** Paths of a question that have their own input here (their problems show beside it). */
export function isQuestionFieldPath(prefix: string, path: string): boolean {
  const rest = path.slice(prefix.length);
  return (
    /^\.(key|text|type|maxPoints|required|allowNa|bonus|critical|knockoutScope|positive|min|max|minLength|options|thresholds|channels|showIf|showIf\.questionKey|showIf\.equals|kpi|dimension|recommendation)$/.test(
      rest,
    ) ||
    /^\.options\[\d+\]\.(key|label|points)$/.test(rest) ||
    /^\.thresholds\[\d+\]\.(upToSeconds|fraction)$/.test(rest)
  );
}

function numberOrUndefined(value: string | number): number | undefined {
  if (value === '' || value === null) return undefined;
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : undefined;
}

export function QuestionEditor({
  path,
  n,
  question,
  earlier,
  onChange,
  onRemove,
  onMove,
}: {
  path: string;
  n: number;
  question: QuestionBody;
  /** The questions before this one (show-if may only look back). */
  earlier: QuestionBody[];
  onChange: (field: Field, value: unknown) => void;
  onRemove: () => void;
  onMove: (delta: -1 | 1) => void;
}) {
  const { t } = useTranslation();
  const labels = useReportLabels();
  const at = (field: string) => `${path}.${field}`;
  const problems = useProblems();
  const problem = (field: string) => problemAt(problems, at(field));
  const type = question.type;
  const options = question.options ?? [];
  const thresholds = question.thresholds ?? [];
  const dependsOn = earlier.find((item) => item.key === question.showIf?.questionKey);
  const label = t('console.editor.question', { n });

  const setOption = (index: number, field: 'key' | 'label' | 'points', value: unknown) =>
    onChange(
      'options',
      options.map((option, i) => (i === index ? { ...option, [field]: value } : option)),
    );
  const setThreshold = (index: number, field: 'upToSeconds' | 'fraction', value: unknown) =>
    onChange(
      'thresholds',
      thresholds.map((threshold, i) => (i === index ? { ...threshold, [field]: value } : threshold)),
    );

  const showIfValueInput = () => {
    const showIf = question.showIf;
    if (!showIf || !dependsOn) return null;
    const setEquals = (equals: unknown) => onChange('showIf', { questionKey: showIf.questionKey, equals });
    const common = { label: t('console.editor.showIfValue'), error: problem('showIf.equals'), size: 'xs' as const };
    if (dependsOn.type === 'yes_no')
      return (
        <Select
          {...common}
          data={[
            { value: 'true', label: t('console.report.answerYes') },
            { value: 'false', label: t('console.report.answerNo') },
          ]}
          value={showIf.equals === true ? 'true' : showIf.equals === false ? 'false' : null}
          onChange={(value) => setEquals(value === null ? undefined : value === 'true')}
        />
      );
    if (dependsOn.type === 'single_choice' || dependsOn.type === 'multi_choice')
      return (
        <Select
          {...common}
          data={(dependsOn.options ?? [])
            .filter((option) => option.key)
            .map((option) => ({ value: option.key, label: option.label || option.key }))}
          value={typeof showIf.equals === 'string' ? showIf.equals : null}
          onChange={(value) => setEquals(value ?? undefined)}
        />
      );
    if (['scale', 'number', 'duration'].includes(dependsOn.type))
      return (
        <NumberInput
          {...common}
          value={typeof showIf.equals === 'number' ? showIf.equals : ''}
          onChange={(value) => setEquals(numberOrUndefined(value))}
        />
      );
    return (
      <TextInput
        {...common}
        value={typeof showIf.equals === 'string' ? showIf.equals : ''}
        onChange={(event) => setEquals(event.currentTarget.value)}
      />
    );
  };

  return (
    <Card withBorder padding="sm" data-question-path={path} aria-label={label} component="section">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600} size="sm">
            {label}
          </Text>
          <Group gap={4}>
            <Button size="compact-xs" variant="default" onClick={() => onMove(-1)} aria-label={`${t('console.editor.moveUp')}: ${label}`}>
              ↑
            </Button>
            <Button size="compact-xs" variant="default" onClick={() => onMove(1)} aria-label={`${t('console.editor.moveDown')}: ${label}`}>
              ↓
            </Button>
            <Button size="compact-xs" variant="default" color="red" onClick={onRemove}>
              {t('console.editor.removeQuestion')}
            </Button>
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          <TextInput
            size="xs"
            label={t('console.editor.key')}
            value={question.key}
            error={problem('key')}
            onChange={(event) => onChange('key', event.currentTarget.value)}
            data-field="key"
          />
          <Select
            size="xs"
            label={t('console.editor.type')}
            data={QUESTION_TYPES.map((value) => ({ value, label: t(`console.editor.types.${value}`) }))}
            value={type}
            error={problem('type')}
            allowDeselect={false}
            onChange={(value) => value && onChange('type', value)}
            data-field="type"
          />
          <NumberInput
            size="xs"
            label={t('console.editor.maxPoints')}
            description={t('console.editor.maxPointsHint')}
            min={0}
            value={question.maxPoints ?? ''}
            error={problem('maxPoints')}
            onChange={(value) => onChange('maxPoints', numberOrUndefined(value))}
            data-field="maxPoints"
          />
        </SimpleGrid>
        <Textarea
          size="xs"
          label={t('console.editor.text')}
          autosize
          minRows={1}
          value={question.text}
          error={problem('text')}
          onChange={(event) => onChange('text', event.currentTarget.value)}
          data-field="text"
        />
        <Group gap="md">
          <Checkbox
            size="xs"
            label={t('console.editor.required')}
            checked={question.required ?? true}
            onChange={(event) => onChange('required', event.currentTarget.checked)}
            error={problem('required')}
          />
          <Checkbox
            size="xs"
            label={t('console.editor.allowNa')}
            checked={question.allowNa ?? false}
            onChange={(event) => onChange('allowNa', event.currentTarget.checked)}
            error={problem('allowNa')}
          />
          <Checkbox
            size="xs"
            label={t('console.editor.bonus')}
            checked={question.bonus ?? false}
            onChange={(event) => onChange('bonus', event.currentTarget.checked)}
            error={problem('bonus')}
          />
          <Checkbox
            size="xs"
            label={t('console.editor.critical')}
            checked={question.critical ?? false}
            onChange={(event) => onChange('critical', event.currentTarget.checked)}
            error={problem('critical')}
          />
          {question.critical && (
            <Select
              size="xs"
              label={t('console.editor.knockoutScope')}
              data={(['section', 'visit'] as const).map((value) => ({ value, label: t(`console.editor.knockoutScopes.${value}`) }))}
              value={question.knockoutScope ?? 'section'}
              allowDeselect={false}
              error={problem('knockoutScope')}
              onChange={(value) => value && onChange('knockoutScope', value)}
            />
          )}
        </Group>

        {type === 'yes_no' && (
          <Select
            size="xs"
            w={240}
            label={t('console.editor.positive')}
            data={[
              { value: 'true', label: t('console.report.answerYes') },
              { value: 'false', label: t('console.report.answerNo') },
            ]}
            value={question.positive === false ? 'false' : 'true'}
            allowDeselect={false}
            error={problem('positive')}
            onChange={(value) => onChange('positive', value !== 'false')}
          />
        )}
        {type === 'scale' && (
          <Group>
            <NumberInput
              size="xs"
              w={120}
              label={t('console.editor.min')}
              value={question.min ?? ''}
              error={problem('min')}
              onChange={(value) => onChange('min', numberOrUndefined(value))}
            />
            <NumberInput
              size="xs"
              w={120}
              label={t('console.editor.max')}
              value={question.max ?? ''}
              error={problem('max')}
              onChange={(value) => onChange('max', numberOrUndefined(value))}
            />
          </Group>
        )}
        {type === 'text' && (
          <NumberInput
            size="xs"
            w={180}
            label={t('console.editor.minLength')}
            min={0}
            value={question.minLength ?? ''}
            error={problem('minLength')}
            onChange={(value) => onChange('minLength', numberOrUndefined(value))}
          />
        )}
        {(type === 'single_choice' || type === 'multi_choice') && (
          <Stack gap={4} data-field="options">
            <Text size="xs" fw={500}>
              {t('console.editor.options')}
            </Text>
            {problem('options') && (
              <Text size="xs" c="red.9">
                {problem('options')}
              </Text>
            )}
            <Table withRowBorders={false} verticalSpacing={2}>
              <Table.Tbody>
                {options.map((option, index) => (
                  <Table.Tr key={index}>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        aria-label={`${t('console.editor.optionKey')} ${index + 1}`}
                        placeholder={t('console.editor.optionKey')}
                        value={option.key}
                        error={problem(`options[${index}].key`)}
                        onChange={(event) => setOption(index, 'key', event.currentTarget.value)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        aria-label={`${t('console.editor.optionLabel')} ${index + 1}`}
                        placeholder={t('console.editor.optionLabel')}
                        value={option.label}
                        error={problem(`options[${index}].label`)}
                        onChange={(event) => setOption(index, 'label', event.currentTarget.value)}
                      />
                    </Table.Td>
                    <Table.Td w={110}>
                      <NumberInput
                        size="xs"
                        aria-label={`${t('console.editor.optionPoints')} ${index + 1}`}
                        placeholder={t('console.editor.optionPoints')}
                        value={option.points ?? ''}
                        error={problem(`options[${index}].points`)}
                        onChange={(value) => setOption(index, 'points', numberOrUndefined(value))}
                      />
                    </Table.Td>
                    <Table.Td w={40}>
                      <ActionIcon
                        variant="default"
                        size="sm"
                        aria-label={t('console.editor.removeOption', { n: index + 1 })}
                        onClick={() =>
                          onChange(
                            'options',
                            options.filter((_, i) => i !== index),
                          )
                        }
                      >
                        ×
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Group>
              <Button
                size="compact-xs"
                variant="light"
                onClick={() => onChange('options', [...options, { key: '', label: '', points: 0 }])}
              >
                {t('console.editor.addOption')}
              </Button>
            </Group>
          </Stack>
        )}
        {type === 'duration' && (
          <Stack gap={4} data-field="thresholds">
            <Text size="xs" fw={500}>
              {t('console.editor.thresholds')}
            </Text>
            {problem('thresholds') && (
              <Text size="xs" c="red.9">
                {problem('thresholds')}
              </Text>
            )}
            {thresholds.map((threshold, index) => (
              <Group key={index} gap="xs" align="flex-end">
                <NumberInput
                  size="xs"
                  w={150}
                  label={t('console.editor.upToSeconds')}
                  min={0}
                  value={threshold.upToSeconds ?? ''}
                  error={problem(`thresholds[${index}].upToSeconds`)}
                  onChange={(value) => setThreshold(index, 'upToSeconds', numberOrUndefined(value))}
                />
                <NumberInput
                  size="xs"
                  w={170}
                  label={t('console.editor.fraction')}
                  min={0}
                  max={1}
                  step={0.25}
                  decimalScale={3}
                  value={threshold.fraction ?? ''}
                  error={problem(`thresholds[${index}].fraction`)}
                  onChange={(value) => setThreshold(index, 'fraction', numberOrUndefined(value))}
                />
                <ActionIcon
                  variant="default"
                  size="md"
                  aria-label={t('console.editor.removeThreshold', { n: index + 1 })}
                  onClick={() =>
                    onChange(
                      'thresholds',
                      thresholds.filter((_, i) => i !== index),
                    )
                  }
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                size="compact-xs"
                variant="light"
                onClick={() => onChange('thresholds', [...thresholds, { upToSeconds: 0, fraction: 1 }])}
              >
                {t('console.editor.addThreshold')}
              </Button>
            </Group>
          </Stack>
        )}

        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          <MultiSelect
            size="xs"
            label={t('console.editor.channels')}
            data={CHANNELS.map((value) => ({ value, label: labels.channelNames[value] ?? value }))}
            value={question.channels ?? []}
            error={problem('channels')}
            onChange={(value) => onChange('channels', value)}
          />
          <Select
            size="xs"
            label={t('console.editor.kpi')}
            placeholder={t('console.editor.none')}
            data={KPI_ROLES.map((value) => ({ value, label: labels.kpiNames[value] ?? value }))}
            value={question.kpi ?? null}
            clearable
            error={problem('kpi')}
            onChange={(value) => onChange('kpi', value ?? undefined)}
          />
          <Select
            size="xs"
            label={t('console.editor.dimension')}
            placeholder={t('console.editor.none')}
            data={DIMENSIONS.map((value) => ({ value, label: labels.dimensionNames[value] ?? value }))}
            value={question.dimension ?? null}
            clearable
            error={problem('dimension')}
            onChange={(value) => onChange('dimension', value ?? undefined)}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <Select
            size="xs"
            label={`${t('console.editor.showIf')}: ${t('console.editor.showIfQuestion')}`}
            placeholder={t('console.editor.showIfNone')}
            data={earlier.filter((item) => item.key).map((item) => ({ value: item.key, label: `${item.key} · ${item.text}`.slice(0, 80) }))}
            value={question.showIf?.questionKey ?? null}
            clearable
            error={problem('showIf.questionKey') ?? problem('showIf')}
            onChange={(value) => onChange('showIf', value ? { questionKey: value } : undefined)}
          />
          {showIfValueInput()}
        </SimpleGrid>
        <Textarea
          size="xs"
          label={t('console.editor.recommendation')}
          autosize
          minRows={1}
          value={question.recommendation ?? ''}
          error={problem('recommendation')}
          onChange={(event) => onChange('recommendation', event.currentTarget.value || undefined)}
        />
        <OtherProblems prefix={path} shown={(field) => isQuestionFieldPath(path, field)} />
      </Stack>
    </Card>
  );
}
