// One report under review: answers with points, section and visit scores, narrative, evidence and the
// audit trail; approve, return with a comment, or correct answers with a reason. A correction sends the
// version the reviewer read: when someone else changed the report meanwhile (409) the page says so and
// offers to reload. Shortcuts: A approve, R return, N next (documented on the page).
import { Alert, Badge, Button, Card, Group, Kbd, Modal, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useFormat } from '../../shared/format/format';
import { ErrorState, Loading } from '../../shared/layout/states';
import { ScrollBox } from '../../shared/layout/ScrollBox';
import {
  ConsoleApiError,
  useAlerts,
  useApprove,
  useAudit,
  useConsoleCampaign,
  useEditAnswers,
  useQuestionnaire,
  useReport,
  useReturn,
  useReviewQueue,
  type AnswerInput as AnswerBody,
  type Questionnaire,
  type ReportListItem,
  type ReportView,
} from '../api';
import { AnswerInput, useAnswerText, type AnswerDraft, type AnswerValue } from '../components/answers';
import { EvidenceViewer } from '../components/EvidenceViewer';
import { isTyping, useChannelName } from '../components/labels';
import '../strings';

/**
 * The submitted report to open after this one: the oldest submitted after it, else the oldest of the queue
 * (never this one). Asked of a fresh queue, so it is right just after this report left it.
 */
function nextInQueue(queue: ReportListItem[], current: ReportView): string | null {
  const others = queue.filter((item) => item.id !== current.id);
  return (others.find((item) => item.submittedAt > current.submittedAt) ?? others[0])?.id ?? null;
}

/** Alert titles in the text colour: Mantine's light orange and red titles fall short of WCAG AA contrast. */
const DARK_TITLE = { title: { color: 'var(--mantine-color-text)' } };

export default function ReportPage() {
  const { reportId = '' } = useParams();
  const report = useReport(reportId);
  const questionnaire = useQuestionnaire(report.data?.questionnaireId);
  if (report.isPending || (report.data && questionnaire.isPending)) return <Loading />;
  if (report.isError) return <ErrorState error={report.error} onRetry={() => void report.refetch()} />;
  if (questionnaire.isError) return <ErrorState error={questionnaire.error} onRetry={() => void questionnaire.refetch()} />;
  return <ReportReview key={reportId} report={report.data} questionnaire={questionnaire.data!} onReload={() => void report.refetch()} />;
}

function ReportReview({ report, questionnaire, onReload }: { report: ReportView; questionnaire: Questionnaire; onReload: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const channelName = useChannelName();
  const answerText = useAnswerText();
  const navigate = useNavigate();
  const queue = useReviewQueue();
  const alerts = useAlerts();
  const campaign = useConsoleCampaign(report.campaignId);
  const scenario = campaign.data?.scenarios.find((item) => item.key === report.scenarioKey);
  const approve = useApprove();
  const returnReport = useReturn();
  const edit = useEditAnswers();
  const location = useLocation();
  // After approving or returning, the next report opens saying what happened to the previous one.
  const arrivedAfter = (location.state as { notice?: 'approved' | 'returned' } | null)?.notice;
  const [notice, setNotice] = useState<string | null>(arrivedAfter ? t(`console.report.${arrivedAfter}`) : null);
  const [failure, setFailure] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const [editing, setEditing] = useState(false);
  const [drafts, setDrafts] = useState<Record<string, AnswerDraft>>({});
  const [reason, setReason] = useState('');

  const answers = useMemo(() => new Map(report.answers.map((answer) => [answer.questionKey, answer])), [report.answers]);
  const sectionScores = useMemo(() => new Map(report.sections.map((section) => [section.key, section])), [report.sections]);
  const reportAlerts = (alerts.data ?? []).filter((alert) => alert.visitReportId === report.id);
  const reviewable = report.status === 'submitted';

  /** Opens the next report of the queue (read afresh), saying what happened to this one. */
  const goNext = async (after?: 'approved' | 'returned') => {
    const next = nextInQueue((await queue.refetch()).data ?? [], report);
    if (next) navigate(`/console/reports/${next}`, after ? { state: { notice: after } } : undefined);
    else setNotice(after ? `${t(`console.report.${after}`)} ${t('console.report.queueDone')}` : t('console.report.queueDone'));
  };
  const fail = (error: unknown) => setFailure(error instanceof Error ? error.message : String(error));
  const doApprove = () => {
    if (!reviewable || approve.isPending) return;
    setFailure(null);
    approve.mutate(report.id, {
      onSuccess: () => void goNext('approved'),
      onError: fail,
    });
  };
  const doReturn = () => {
    if (!comment.trim()) return;
    setFailure(null);
    returnReport.mutate(
      { id: report.id, comment: comment.trim() },
      {
        onSuccess: () => {
          setReturning(false);
          setComment('');
          void goNext('returned');
        },
        onError: fail,
      },
    );
  };
  const changedAnswers = (): AnswerBody[] =>
    Object.entries(drafts)
      .filter(([key, draft]) => {
        const original = answers.get(key);
        return !original || original.na !== draft.na || JSON.stringify(original.value ?? null) !== JSON.stringify(draft.value ?? null);
      })
      .map(([questionKey, draft]) => (draft.na ? { questionKey, na: true } : { questionKey, value: draft.value as AnswerBody['value'] }));
  const saveEdit = () => {
    const changed = changedAnswers();
    if (changed.length === 0) {
      setFailure(t('console.report.editNothing'));
      return;
    }
    setFailure(null);
    edit.mutate(
      { id: report.id, version: report.version, reason: reason.trim(), answers: changed },
      {
        onSuccess: () => {
          setEditing(false);
          setDrafts({});
          setReason('');
          setNotice(t('console.report.saved'));
        },
        onError: (error) => {
          if (
            error instanceof ConsoleApiError &&
            error.status === 409 &&
            (error.code === 'STALE_VERSION' || error.code === 'CONCURRENT_CHANGE')
          )
            setStale(true);
          else fail(error);
        },
      },
    );
  };

  // Shortcuts, read through a ref so the listener always sees the current page state.
  const actions = useRef({ doApprove, goNext, openReturn: () => reviewable && setReturning(true) });
  actions.current = { doApprove, goNext, openReturn: () => reviewable && setReturning(true) };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event)) return;
      if (document.querySelector('[role="dialog"]')) return;
      const key = event.key.toLowerCase();
      if (key === 'a') actions.current.doApprove();
      else if (key === 'r') {
        event.preventDefault(); // the R must not land in the comment box that opens
        actions.current.openReturn();
      } else if (key === 'n') void actions.current.goNext();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const draftOf = (key: string): AnswerDraft => {
    if (drafts[key]) return drafts[key];
    const answer = answers.get(key);
    return { value: (answer?.value ?? null) as AnswerValue, na: answer?.na ?? false };
  };

  return (
    <Stack gap="md" data-testid="report" data-status={report.status} data-version={report.version}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Text size="sm">
            <Link to="/console">{t('console.report.back')}</Link>
          </Text>
          <Title order={1} size="h2">
            {t('console.report.title', { touchpoint: report.touchpoint.name })}
          </Title>
          <Group gap="xs">
            <Badge variant="light" data-testid="report-status">
              {t(`console.report.status.${report.status}`)}
            </Badge>
            <Text size="sm" c="dimmed">
              {channelName(report.touchpoint.channel)} · {report.touchpoint.region}
              {report.touchpoint.city ? ` · ${report.touchpoint.city}` : ''} · {t('console.report.version', { version: report.version })}
            </Text>
          </Group>
        </Stack>
        <Group gap="xs">
          <Button onClick={doApprove} disabled={!reviewable} loading={approve.isPending} data-testid="approve">
            {t('console.report.approve')}{' '}
            <Kbd ml={6} size="xs">
              A
            </Kbd>
          </Button>
          <Button onClick={() => setReturning(true)} disabled={!reviewable} variant="default" data-testid="return">
            {t('console.report.return')}{' '}
            <Kbd ml={6} size="xs">
              R
            </Kbd>
          </Button>
          <Button onClick={() => void goNext()} variant="default" data-testid="next">
            {t('console.report.next')}{' '}
            <Kbd ml={6} size="xs">
              N
            </Kbd>
          </Button>
        </Group>
      </Group>

      {notice && (
        <Alert
          color="teal"
          role="status"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setNotice(null)}
          data-testid="notice"
        >
          {notice}
        </Alert>
      )}
      {failure && (
        <Alert color="red" role="alert" data-testid="failure">
          {failure}
        </Alert>
      )}
      {stale && (
        <Alert color="yellow" role="alert" data-testid="stale">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('console.report.stale')}</Text>
            <Button
              size="xs"
              onClick={() => {
                setStale(false);
                setEditing(false);
                setDrafts({});
                onReload();
              }}
            >
              {t('console.report.reload')}
            </Button>
          </Stack>
        </Alert>
      )}
      {!reviewable && (
        <Text size="sm" c="dimmed">
          {t('console.report.notSubmitted', { status: t(`console.report.status.${report.status}`).toLowerCase() })}
        </Text>
      )}
      {report.returnComment && <Alert color="orange">{t('console.report.returnComment', { comment: report.returnComment })}</Alert>}

      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <Card withBorder padding="sm">
          <Text size="xs" c="dimmed">
            {t('console.report.score')}
          </Text>
          <Text size="xl" fw={700} data-testid="visit-score">
            {format.decimal(report.score)}
          </Text>
          {report.knockout && (
            <Badge color="red.9" data-testid="knockout">
              {t('console.report.knockout')}
            </Badge>
          )}
        </Card>
        <Card withBorder padding="sm">
          <Text size="xs" c="dimmed">
            {t('console.report.shopper')}
          </Text>
          <Text fw={500}>{report.shopper?.name ?? report.shopper?.email ?? '—'}</Text>
          <Text size="xs" c="dimmed">
            {report.shopper?.email}
          </Text>
        </Card>
        <Card withBorder padding="sm">
          <Text size="xs" c="dimmed">
            {t('console.report.visitedAt')}
          </Text>
          <Text fw={500}>{format.dateTime(report.visitedAt)}</Text>
          <Text size="xs" c="dimmed">
            {t('console.report.submittedAt')} {format.dateTime(report.submittedAt)}
          </Text>
        </Card>
        <Card withBorder padding="sm">
          <Text size="xs" c="dimmed">
            {t('console.report.scenario')}
          </Text>
          <Text fw={500}>{scenario?.title ?? report.scenarioKey ?? '—'}</Text>
          {scenario?.brief && (
            <Text size="xs" c="dimmed">
              {scenario.brief}
            </Text>
          )}
        </Card>
      </SimpleGrid>

      {(report.integritySignals?.length ?? 0) > 0 && (
        <Alert color="orange" title={t('console.report.integrity')} styles={DARK_TITLE} data-testid="integrity-signals">
          <Stack gap={2}>
            {report.integritySignals!.map((signal) => (
              <Text size="sm" key={signal.kind + signal.reason}>
                {signal.reason}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      {reportAlerts.length > 0 && (
        <Alert color="red" title={t('console.report.alerts')} styles={DARK_TITLE} data-testid="report-alerts">
          <Stack gap={2}>
            {reportAlerts.map((alert) => (
              <Text size="sm" key={alert.id}>
                {alert.reason}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}

      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('console.report.answers')}
        </Title>
        {editing ? (
          <Button variant="default" size="xs" onClick={() => (setEditing(false), setDrafts({}))}>
            {t('console.report.cancelEdit')}
          </Button>
        ) : (
          <Button variant="light" size="xs" onClick={() => setEditing(true)} data-testid="edit">
            {t('console.report.edit')}
          </Button>
        )}
      </Group>
      {questionnaire.sections.map((section) => {
        const score = sectionScores.get(section.key);
        return (
          <Card withBorder padding="sm" key={section.key} data-section={section.key}>
            <Group justify="space-between" mb="xs">
              <Title order={3} size="h4">
                {section.title}
              </Title>
              <Group gap="xs">
                {score?.knockedOut && <Badge color="red">{t('console.report.knockedOutSection')}</Badge>}
                <Text size="sm" data-testid={`section-score-${section.key}`}>
                  {score
                    ? t('console.report.sectionScore', {
                        score: format.decimal(score.score),
                        earned: format.decimal(score.earned, 1),
                        possible: format.decimal(score.possible, 1),
                        weight: format.decimal(score.weight, 0),
                      })
                    : '—'}
                </Text>
              </Group>
            </Group>
            <ScrollBox label={section.title}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w="45%">{t('console.report.question')}</Table.Th>
                    <Table.Th>{t('console.report.answer')}</Table.Th>
                    <Table.Th ta="right">{t('console.report.points')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {section.questions.map((question) => {
                    const answer = answers.get(question.key);
                    const applicable = answer?.applicable ?? true;
                    return (
                      <Table.Tr
                        key={question.key}
                        data-question={question.key}
                        data-passed={answer?.passed === null || answer?.passed === undefined ? '' : String(answer.passed)}
                      >
                        <Table.Td>
                          <Text size="sm">{question.text}</Text>
                          {question.critical && (
                            <Badge size="xs" color="red.9">
                              critical
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td>
                          {editing && question.type !== 'evidence' ? (
                            <AnswerInput
                              question={question}
                              label={question.text}
                              draft={draftOf(question.key)}
                              onChange={(draft) => setDrafts((current) => ({ ...current, [question.key]: draft }))}
                            />
                          ) : !applicable ? (
                            <Text size="sm" c="dimmed">
                              {t('console.report.notApplicable')}
                            </Text>
                          ) : (
                            <Text size="sm" data-testid="answer-text">
                              {answerText(question, (answer?.value ?? null) as AnswerValue, answer?.na ?? false)}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td ta="right">
                          <Group gap={4} justify="flex-end" wrap="nowrap">
                            {answer?.passed === false && (
                              <Badge size="xs" color="red.9">
                                {t('console.report.failed')}
                              </Badge>
                            )}
                            <Text size="sm" data-testid="points">
                              {answer?.possible ? `${format.decimal(answer.earned, 1)} / ${format.decimal(answer.possible, 1)}` : '—'}
                            </Text>
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </ScrollBox>
          </Card>
        );
      })}
      {editing && (
        <Card withBorder padding="sm">
          <Stack gap="xs">
            <Textarea
              label={t('console.report.editReason')}
              description={t('console.report.editReasonHint')}
              required
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Group>
              <Button onClick={saveEdit} disabled={!reason.trim()} loading={edit.isPending} data-testid="save-edit">
                {t('console.report.saveEdit')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}

      <Title order={2} size="h3">
        {t('console.report.narrative')}
      </Title>
      <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="narrative">
        {report.narrative || t('console.report.noNarrative')}
      </Text>

      <Title order={2} size="h3">
        {t('console.report.evidence')}
      </Title>
      <EvidenceViewer reportId={report.id} />

      <Title order={2} size="h3">
        {t('console.report.audit')}
      </Title>
      <AuditTrail reportId={report.id} version={report.version} questionnaire={questionnaire} />

      <Card withBorder padding="sm" bg="gray.0">
        <Title order={2} size="h5">
          {t('console.report.shortcuts')}
        </Title>
        <Text size="sm" data-testid="shortcuts-help">
          <Kbd>A</Kbd> <Kbd>R</Kbd> <Kbd>N</Kbd> — {t('console.report.shortcutsHelp')}
        </Text>
      </Card>

      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={returning}
        onClose={() => setReturning(false)}
        title={t('console.report.returnTitle')}
      >
        <Stack>
          <Textarea
            label={t('console.report.returnCommentLabel')}
            value={comment}
            onChange={(event) => setComment(event.currentTarget.value)}
            data-autofocus
            autosize
            minRows={3}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setReturning(false)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={doReturn} disabled={!comment.trim()} loading={returnReport.isPending} data-testid="return-send">
              {t('console.report.returnSend')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function AuditTrail({ reportId, version, questionnaire }: { reportId: string; version: number; questionnaire: Questionnaire }) {
  const { t } = useTranslation();
  const format = useFormat();
  const answerText = useAnswerText();
  const audit = useAudit(reportId);
  const questions = new Map(questionnaire.sections.flatMap((section) => section.questions.map((question) => [question.key, question])));
  useEffect(() => void audit.refetch(), [version]); // eslint-disable-line react-hooks/exhaustive-deps
  if (audit.isPending) return <Loading />;
  if (audit.isError) return <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />;
  if (audit.data.length === 0) return <Text c="dimmed">{t('console.report.noAudit')}</Text>;
  const show = (field: string, value: unknown) => {
    if (value === null || typeof value !== 'object') return value === null ? t('console.report.blank') : String(value);
    const answer = value as { value?: AnswerValue; na?: boolean };
    return answerText(questions.get(field.replace(/^answers\./, '')), answer.value ?? null, answer.na ?? false);
  };
  return (
    <ScrollBox label={t('console.report.audit')}>
      <Table data-testid="audit">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('console.report.when')}</Table.Th>
            <Table.Th>{t('console.report.who')}</Table.Th>
            <Table.Th>{t('console.report.field')}</Table.Th>
            <Table.Th>{t('console.report.old')}</Table.Th>
            <Table.Th>{t('console.report.new')}</Table.Th>
            <Table.Th>{t('console.report.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {audit.data.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td>{format.dateTime(entry.when)}</Table.Td>
              <Table.Td>{entry.who.name ?? entry.who.id}</Table.Td>
              <Table.Td>{questions.get(entry.field.replace(/^answers\./, ''))?.text ?? entry.field}</Table.Td>
              <Table.Td>{show(entry.field, entry.old)}</Table.Td>
              <Table.Td>{show(entry.field, entry.new)}</Table.Td>
              <Table.Td>{entry.reason}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollBox>
  );
}
