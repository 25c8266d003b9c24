// Alerts and appeals. Alerts (failed critical questions, knockouts) link to their report. An open appeal is
// resolved as upheld (the visit stands) or overturned with corrected answers (the report is re-scored).
import { Alert, Anchor, Badge, Button, Group, Modal, SegmentedControl, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../shared/api/client';
import { useFormat } from '../../shared/format/format';
import { Empty, ErrorState, Loading } from '../../shared/layout/states';
import { ScrollBox } from '../../shared/layout/ScrollBox';
import { unwrapDetailed, useAlerts, useQuestionnaire, useReport, type AnswerInput as AnswerBody } from '../api';
import { AnswerInput, useAnswerText, type AnswerDraft, type AnswerValue } from '../components/answers';
import { useChannelName } from '../components/labels';
import '../strings';

type Appeal = {
  id: string;
  visitReportId: string;
  questionKey: string | null;
  reason: string;
  status: string;
  createdAt: string;
  touchpoint: { name: string; channel: string; region: string };
};

export default function InboxPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const channelName = useChannelName();
  const alerts = useAlerts();
  const [status, setStatus] = useState<'open' | 'upheld' | 'overturned'>('open');
  const appeals = useQuery({
    queryKey: ['console', 'appeals', status],
    queryFn: async () => unwrapDetailed(await api.GET('/appeals', { params: { query: { status, limit: 500 } } })),
  });
  const [resolving, setResolving] = useState<Appeal | null>(null);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('console.inbox.appeals')}
      </Title>
      <SegmentedControl
        w="fit-content"
        value={status}
        onChange={(value) => setStatus(value as typeof status)}
        data={(['open', 'upheld', 'overturned'] as const).map((value) => ({ value, label: t(`console.inbox.appealStatus.${value}`) }))}
      />
      {appeals.isPending ? (
        <Loading />
      ) : appeals.isError ? (
        <ErrorState error={appeals.error} onRetry={() => void appeals.refetch()} />
      ) : appeals.data.length === 0 ? (
        <Empty>{t('console.inbox.noAppeals')}</Empty>
      ) : (
        <ScrollBox label={t('console.inbox.appeals')}>
          <Table striped data-testid="appeals">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('console.inbox.filed')}</Table.Th>
                <Table.Th>{t('console.queue.touchpoint')}</Table.Th>
                <Table.Th>{t('console.inbox.question')}</Table.Th>
                <Table.Th>{t('console.report.reason')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {appeals.data.map((appeal) => (
                <Table.Tr key={appeal.id} data-appeal-id={appeal.id}>
                  <Table.Td>{format.dateTime(appeal.createdAt)}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/console/reports/${appeal.visitReportId}`}>
                      {appeal.touchpoint.name}
                    </Anchor>{' '}
                    <Text span size="xs" c="dimmed">
                      {channelName(appeal.touchpoint.channel)} · {appeal.touchpoint.region}
                    </Text>
                  </Table.Td>
                  <Table.Td>{appeal.questionKey ?? t('console.inbox.wholeVisit')}</Table.Td>
                  <Table.Td>{appeal.reason}</Table.Td>
                  <Table.Td>
                    {appeal.status === 'open' ? (
                      <Button size="xs" onClick={() => setResolving(appeal)}>
                        {t('console.inbox.resolve')}
                      </Button>
                    ) : (
                      <Badge color={appeal.status === 'upheld' ? 'gray.7' : 'teal.9'}>
                        {t(`console.inbox.appealStatus.${appeal.status}`)}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollBox>
      )}

      <Title order={2} size="h2">
        {t('console.inbox.alerts')}
      </Title>
      {alerts.isPending ? (
        <Loading />
      ) : alerts.isError ? (
        <ErrorState error={alerts.error} onRetry={() => void alerts.refetch()} />
      ) : alerts.data.length === 0 ? (
        <Empty>{t('console.inbox.noAlerts')}</Empty>
      ) : (
        <ScrollBox label={t('console.inbox.alerts')}>
          <Table striped data-testid="alerts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('console.inbox.raised')}</Table.Th>
                <Table.Th>{t('console.queue.touchpoint')}</Table.Th>
                <Table.Th>{t('console.inbox.kind')}</Table.Th>
                <Table.Th>{t('console.report.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {alerts.data.map((alert) => (
                <Table.Tr key={alert.id} data-alert-id={alert.id}>
                  <Table.Td>{format.dateTime(alert.createdAt)}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/console/reports/${alert.visitReportId}`}>
                      {alert.touchpoint.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge color="red.9" size="sm">
                      {t(`console.inbox.kinds.${alert.kind}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{alert.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollBox>
      )}
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={resolving !== null}
        onClose={() => setResolving(null)}
        title={t('console.inbox.resolveTitle')}
        size="lg"
      >
        {resolving && <ResolveAppeal appeal={resolving} onDone={() => setResolving(null)} />}
      </Modal>
    </Stack>
  );
}

function ResolveAppeal({ appeal, onDone }: { appeal: Appeal; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const answerText = useAnswerText();
  const report = useReport(appeal.visitReportId);
  const questionnaire = useQuestionnaire(report.data?.questionnaireId);
  const [decision, setDecision] = useState<'upheld' | 'overturned'>('upheld');
  const [comment, setComment] = useState('');
  const [drafts, setDrafts] = useState<Record<string, AnswerDraft>>({});
  const resolve = useMutation({
    mutationFn: async () => {
      const answers: AnswerBody[] = Object.entries(drafts).map(([questionKey, draft]) =>
        draft.na ? { questionKey, na: true } : { questionKey, value: draft.value as AnswerBody['value'] },
      );
      return unwrapDetailed(
        await api.POST('/appeals/{id}/resolve', {
          params: { path: { id: appeal.id } },
          body: { decision, ...(comment.trim() ? { comment: comment.trim() } : {}), ...(decision === 'overturned' ? { answers } : {}) },
        }),
      );
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['console', 'appeals'] });
      void queryClient.invalidateQueries({ queryKey: ['console', 'report', appeal.visitReportId] });
      onDone();
    },
  });
  if (report.isPending || questionnaire.isPending) return <Loading />;
  if (report.isError) return <ErrorState error={report.error} />;
  const questions = (questionnaire.data?.sections ?? []).flatMap((section) => section.questions);
  const shown = appeal.questionKey ? questions.filter((question) => question.key === appeal.questionKey) : questions;
  const answers = new Map(report.data.answers.map((answer) => [answer.questionKey, answer]));
  return (
    <Stack gap="sm" data-testid="resolve-appeal">
      <Text size="sm">{appeal.reason}</Text>
      <SegmentedControl
        value={decision}
        onChange={(value) => setDecision(value as typeof decision)}
        data={[
          { value: 'upheld', label: t('console.inbox.upheld') },
          { value: 'overturned', label: t('console.inbox.overturned') },
        ]}
      />
      {decision === 'overturned' && (
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            {t('console.inbox.correct')}
          </Text>
          {shown
            .filter((question) => question.type !== 'evidence')
            .map((question) => {
              const answer = answers.get(question.key);
              const original: AnswerDraft = { value: (answer?.value ?? null) as AnswerValue, na: answer?.na ?? false };
              return (
                <Group key={question.key} justify="space-between" wrap="nowrap" data-correct={question.key}>
                  <Stack gap={0}>
                    <Text size="sm">{question.text}</Text>
                    <Text size="xs" c="dimmed">
                      {t('console.report.old')}: {answerText(question, original.value, original.na)}
                    </Text>
                  </Stack>
                  <AnswerInput
                    question={question}
                    label={question.text}
                    draft={drafts[question.key] ?? original}
                    onChange={(draft) => setDrafts({ ...drafts, [question.key]: draft })}
                  />
                </Group>
              );
            })}
        </Stack>
      )}
      <Textarea
        label={t('console.inbox.comment')}
        value={comment}
        onChange={(event) => setComment(event.currentTarget.value)}
        autosize
        minRows={2}
      />
      {resolve.isError && (
        <Alert color="red" role="alert" data-testid="resolve-failure">
          {resolve.error.message}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button onClick={() => resolve.mutate()} loading={resolve.isPending} data-testid="resolve-send">
          {t('console.inbox.resolveSend')}
        </Button>
      </Group>
    </Stack>
  );
}
