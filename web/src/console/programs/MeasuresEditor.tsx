// The program's own measures: each a key and a title over question keys picked from the client's
// questionnaires, so differently keyed questions (one per channel's questionnaire) count as one measure.
// The API's problems (`measures[1].key`: a key used twice) show on their field.
import { Button, Card, Group, MultiSelect, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ErrorDetail, Questionnaire } from '../api';
import { problemAt } from '../components/problems';
import { useClientCampaigns, useQuestionnairesById, type MeasureBody } from './api';
import './strings';

export interface QuestionOption {
  value: string;
  label: string;
}

/** One option per distinct question key, naming its text and the questionnaires that ask it. */
export function questionOptions(questionnaires: Questionnaire[]): QuestionOption[] {
  const byKey = new Map<string, { text: string; titles: string[] }>();
  for (const questionnaire of questionnaires)
    for (const section of questionnaire.sections)
      for (const question of section.questions) {
        const entry = byKey.get(question.key) ?? { text: question.text, titles: [] };
        if (!entry.titles.includes(questionnaire.title)) entry.titles.push(questionnaire.title);
        byKey.set(question.key, entry);
      }
  return [...byKey]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, entry]) => ({ value: key, label: `${key}: ${entry.text} (${entry.titles.join(', ')})` }));
}

/** The question keys of the questionnaires the client's campaigns use. */
export function useClientQuestionOptions(clientId: string | null | undefined): QuestionOption[] {
  const campaigns = useClientCampaigns(clientId);
  const ids = [...new Set((campaigns.data ?? []).map((campaign) => campaign.questionnaireId))];
  const questionnaires = useQuestionnairesById(ids);
  return questionOptions(questionnaires.flatMap((query) => (query.data ? [query.data] : [])));
}

export function MeasuresEditor({
  measures,
  onChange,
  options,
  problems,
}: {
  measures: MeasureBody[];
  onChange: (measures: MeasureBody[]) => void;
  options: QuestionOption[];
  problems: ErrorDetail[];
}) {
  const { t } = useTranslation();
  const change = (index: number, patch: Partial<MeasureBody>) =>
    onChange(measures.map((measure, at) => (at === index ? { ...measure, ...patch } : measure)));
  // A key the questionnaires no longer ask stays selectable, so an edit never drops it silently.
  const known = new Set(options.map((option) => option.value));
  const extra = measures.flatMap((measure) => measure.questionKeys).filter((key) => !known.has(key));
  const data = [...options, ...[...new Set(extra)].map((key) => ({ value: key, label: key }))];
  return (
    <Stack gap="xs" data-testid="measures">
      <Text size="sm" c="dimmed">
        {t('console.programs.measuresIntro')}
      </Text>
      {measures.map((measure, index) => (
        <Card key={index} withBorder padding="sm" data-measure-index={index}>
          <Group align="flex-start" grow>
            <TextInput
              label={t('console.programs.measureTitle', { n: index + 1 })}
              value={measure.title}
              required
              onChange={(event) => change(index, { title: event.currentTarget.value })}
              error={problemAt(problems, `measures[${index}].title`)}
            />
            <TextInput
              label={t('console.programs.measureKey', { n: index + 1 })}
              description={t('console.programs.keyHint')}
              value={measure.key}
              required
              onChange={(event) => change(index, { key: event.currentTarget.value })}
              error={problemAt(problems, `measures[${index}].key`)}
            />
          </Group>
          <MultiSelect
            mt="xs"
            label={t('console.programs.measureQuestions', { n: index + 1 })}
            data={data}
            value={measure.questionKeys}
            searchable
            onChange={(questionKeys) => change(index, { questionKeys })}
            error={problemAt(problems, `measures[${index}].questionKeys`)}
          />
          <Group justify="flex-end" mt="xs">
            <Button size="compact-xs" variant="default" onClick={() => onChange(measures.filter((_, at) => at !== index))}>
              {t('console.programs.removeMeasure', { n: index + 1 })}
            </Button>
          </Group>
        </Card>
      ))}
      <Group>
        <Button size="xs" variant="default" onClick={() => onChange([...measures, { key: '', title: '', questionKeys: [] }])}>
          {t('console.programs.addMeasure')}
        </Button>
      </Group>
    </Stack>
  );
}
