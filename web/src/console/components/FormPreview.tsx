// The form as a shopper sees it on a chosen channel: which questions show is decided live, as answers are
// given, by the server's own visibility function (src/questionnaires/domain/visibility.ts), imported.
import { Card, Select, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type Channel, type QuestionnaireDefinition, type SubmittedAnswer } from '@server/questionnaires/domain/definition';
import { answersByQuestionKey, questionApplicability } from '@server/questionnaires/domain/visibility';
import { useReportLabels } from '../../shared/i18n';
import type { QuestionnaireBody } from '../api';
import { AnswerInput, type AnswerDraft } from './answers';

/** The editor's body with the defaults the server's normaliser would fill, as far as visibility needs them. */
function asDefinition(body: QuestionnaireBody): QuestionnaireDefinition {
  return {
    ...body,
    sections: body.sections.map((section) => ({
      ...section,
      questions: section.questions.map((question) => ({ ...question, channels: question.channels ?? [] })),
    })),
  } as unknown as QuestionnaireDefinition;
}

export function FormPreview({ body }: { body: QuestionnaireBody }) {
  const { t } = useTranslation();
  const labels = useReportLabels();
  const [channel, setChannel] = useState<Channel>('in_person');
  const [answers, setAnswers] = useState<Record<string, AnswerDraft>>({});
  const submitted: SubmittedAnswer[] = Object.entries(answers).map(([questionKey, draft]) =>
    draft.na ? { questionKey, na: true } : { questionKey, value: (draft.value ?? undefined) as SubmittedAnswer['value'] },
  );
  const applicability = useMemo(
    () => questionApplicability(asDefinition(body), answersByQuestionKey(submitted), channel),
    [body, channel, JSON.stringify(submitted)], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const hidden = [...applicability.values()].filter((status) => !status.applies).length;
  return (
    <Stack gap="sm" data-testid="preview">
      <Select
        label={t('console.editor.previewChannel')}
        data={CHANNELS.map((value) => ({ value, label: labels.channelNames[value] ?? value }))}
        value={channel}
        allowDeselect={false}
        onChange={(value) => value && setChannel(value as Channel)}
        size="xs"
      />
      <Text size="xs" c="dimmed" data-testid="preview-hidden">
        {t('console.editor.previewHidden', { count: hidden })}
      </Text>
      {body.sections.map((section, sectionIndex) => {
        const visible = section.questions.filter((question) => applicability.get(question.key)?.applies);
        if (visible.length === 0) return null;
        return (
          <Card withBorder padding="xs" key={`${section.key}-${sectionIndex}`}>
            <Title order={3} size="h5" mb={4}>
              {section.title || section.key}
            </Title>
            <Stack gap={6}>
              {visible.map((question, index) => (
                <Stack gap={2} key={`${question.key}-${index}`} data-preview-question={question.key}>
                  <Text size="sm">
                    {question.text || question.key}
                    {question.required !== false && <span aria-hidden> *</span>}
                  </Text>
                  <AnswerInput
                    question={question}
                    label={question.text || question.key}
                    draft={answers[question.key] ?? { value: null, na: false }}
                    onChange={(draft) => setAnswers((current) => ({ ...current, [question.key]: draft }))}
                  />
                </Stack>
              ))}
            </Stack>
          </Card>
        );
      })}
      {body.sections.every((section) => section.questions.length === 0) && <Text c="dimmed">{t('console.editor.previewEmpty')}</Text>}
    </Stack>
  );
}
