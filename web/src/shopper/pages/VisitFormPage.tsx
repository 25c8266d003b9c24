// The visit form, generated from the questionnaire of the assignment's campaign for its channel: every
// answer is kept on the phone as it is typed, questions appear and disappear with the server's own
// show-if rules, and sending goes through the outbox (retried until stored, once).
import { Alert, Anchor, Button, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { Channel, QuestionDefinition } from '@server/questionnaires/domain/definition';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useSession } from '../../shared/auth/RequireAuth';
import { useFormat } from '../../shared/format/format';
import { ErrorState, Loading } from '../../shared/layout/states';
import {
  useAssignment,
  useAssignmentEvidence,
  useFormDefinition,
  useReport,
  type Assignment,
  type EvidenceFile,
  type FormDefinition,
  type ReturnedReport,
} from '../api';
import { AssignmentSummary } from '../components/AssignmentSummary';
import { QuestionField, RequiredMark } from '../components/QuestionField';
import { deleteDraft, newDraft, saveDraft, updateDraft, type AnswerState, type Draft, type EvidenceItem } from '../draft-store';
import { fromLocalInput, missingRequired, toLocalInput, visibleQuestionKeys } from '../form-model';
import { kick, queueDraft, rememberForm } from '../outbox';
import { useDraft } from '../useDraft';

function subscribeOnline(notify: () => void) {
  window.addEventListener('online', notify);
  window.addEventListener('offline', notify);
  return () => {
    window.removeEventListener('online', notify);
    window.removeEventListener('offline', notify);
  };
}
const useOnline = () => useSyncExternalStore(subscribeOnline, () => navigator.onLine);

export default function VisitFormPage() {
  const { assignmentId = '' } = useParams();
  const { t } = useTranslation();
  const session = useSession();
  const userId = session?.user.id;
  const assignment = useAssignment(assignmentId);
  const definition = useFormDefinition(assignmentId);
  const returned = assignment.data?.status === 'returned';
  const report = useReport(returned ? assignment.data?.reportId : null);
  const evidence = useAssignmentEvidence(assignmentId, returned);
  const draft = useDraft(userId, assignmentId);

  // A draft is made (with its Idempotency-Key) the first time the form opens for this round of the report.
  const round = returned ? (report.data?.version ?? null) : 0;
  const workable = assignment.data?.status === 'assigned' || returned;
  useEffect(() => {
    if (!userId || draft === undefined || !workable || round === null) return;
    if (returned && (!report.data || !evidence.data)) return;
    // A draft of an earlier round gives way when the report comes back again; so does the receipt of a sent
    // report, but only once a reviewer returned that very version (not while the lists catch up with it).
    const stale = draft && !draft.outbox && (draft.sent ? returned && round > draft.sent.version : draft.round !== round);
    if (draft && !stale) return;
    const prefill = returned ? prefillFromReport(report.data!, evidence.data!) : { visitedAt: defaultVisitedAt(assignment.data!) };
    void saveDraft(newDraft(userId, assignmentId, round, prefill));
  }, [userId, draft, workable, round, returned, report.data, evidence.data, assignment.data, assignmentId]);

  useEffect(() => {
    if (assignment.data && definition.data) {
      rememberForm(assignmentId, definition.data, assignment.data.touchpoint.channel);
      kick(); // a draft queued before a reload can go now that its form is known
    }
  }, [assignment.data, definition.data, assignmentId]);

  if (assignment.isError) return <ErrorState error={assignment.error} onRetry={() => void assignment.refetch()} />;
  if (definition.isError) return <ErrorState error={definition.error} onRetry={() => void definition.refetch()} />;
  if (!assignment.data || !definition.data || draft === undefined) return <Loading label={t('shopper.form.loadingForm')} />;
  if (draft?.sent) return <SentReceipt draft={draft} />;
  if (!workable && !draft?.outbox) return <NotWorkable assignment={assignment.data} />;
  if (!draft) return <Loading label={t('shopper.form.loadingForm')} />;
  return (
    <VisitForm
      assignment={assignment.data}
      definition={definition.data}
      draft={draft}
      returnComment={returned ? (report.data?.returnComment ?? null) : undefined}
    />
  );
}

/** Now, when it falls inside the window (the usual case: the form is filled right after the visit). */
function defaultVisitedAt(assignment: Assignment): string | null {
  const now = Date.now();
  const inside = now >= new Date(assignment.windowStart).getTime() && now < new Date(assignment.windowEnd).getTime();
  return inside ? new Date(Math.floor(now / 60_000) * 60_000).toISOString() : null;
}

/** A returned report's answers as they were sent, to correct. */
function prefillFromReport(report: ReturnedReport, files: EvidenceFile[]): Partial<Draft> {
  const answers: Record<string, AnswerState> = {};
  const evidence: Record<string, EvidenceItem[]> = {};
  const filesById = new Map(files.map((file) => [file.id, file]));
  for (const answer of report.answers) {
    if (answer.na) answers[answer.questionKey] = { na: true };
    else if (answer.value === null) continue;
    else if (
      filesById.size &&
      (typeof answer.value === 'string' || Array.isArray(answer.value)) &&
      [answer.value].flat().every((id) => filesById.has(String(id)))
    ) {
      evidence[answer.questionKey] = [answer.value].flat().map((id) => {
        const file = filesById.get(String(id))!;
        return {
          localId: file.id,
          idempotencyKey: file.id,
          fileName: file.originalName ?? file.name,
          mimeType: file.mimeType,
          size: file.size,
          evidenceId: file.id,
        };
      });
    } else answers[answer.questionKey] = { value: answer.value };
  }
  return { answers, evidence, narrative: report.narrative ?? '', visitedAt: new Date(report.visitedAt).toISOString() };
}

function VisitForm({
  assignment,
  definition,
  draft,
  returnComment,
}: {
  assignment: Assignment;
  definition: FormDefinition;
  draft: Draft;
  returnComment: string | null | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const online = useOnline();
  const channel = assignment.touchpoint.channel as Channel;
  const visible = useMemo(() => visibleQuestionKeys(draft, definition, channel), [draft, definition, channel]);
  const [missing, setMissing] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const frozen = draft.outbox !== null;
  const { userId, assignmentId } = draft;

  const change = (update: (current: Draft) => Draft) => updateDraft(userId, assignmentId, update);
  const setAnswer = (key: string, state: AnswerState) =>
    void change((current) => ({ ...current, answers: { ...current.answers, [key]: state } }));

  const problemsByField = new Map<string, string[]>();
  for (const problem of draft.refusal?.problems ?? []) {
    problemsByField.set(problem.field, [...(problemsByField.get(problem.field) ?? []), problem.reason]);
  }
  const knownFields = new Set([
    'visitedAt',
    ...definition.sections.flatMap((section) => section.questions.map((question) => question.key)),
  ]);
  const otherProblems = (draft.refusal?.problems ?? []).filter((problem) => !knownFields.has(problem.field));

  // After a refusal, the first question it names gets the focus (and the screen).
  const refusalShown = useRef<unknown>(null);
  useEffect(() => {
    if (!draft.refusal || refusalShown.current === draft.refusal) return;
    refusalShown.current = draft.refusal;
    const first = draft.refusal.problems.find((problem) => knownFields.has(problem.field));
    const target = first
      ? formRef.current?.querySelector<HTMLElement>(
          first.field === 'visitedAt' ? '#visited-at' : `[data-question="${CSS.escape(first.field)}"]`,
        )
      : formRef.current?.querySelector<HTMLElement>('[data-testid="refusal"]');
    target?.scrollIntoView({ block: 'center' });
    target?.focus();
  });

  const send = async () => {
    const absent = missingRequired(draft, definition, channel);
    if (!draft.visitedAt) {
      setMissing(t('shopper.form.missingVisitedAt'));
      document.getElementById('visited-at')?.focus();
      return;
    }
    if (absent.length) {
      setMissing(t('shopper.form.missing', { questions: absent.map((question) => question.text).join(' · ') }));
      formRef.current?.querySelector<HTMLElement>(`[data-question="${CSS.escape(absent[0].key)}"]`)?.focus();
      return;
    }
    setMissing(null);
    await queueDraft(draft);
  };

  const sections = definition.sections
    .map((section) => ({ section, questions: section.questions.filter((question) => visible.has(question.key)) }))
    .filter(({ questions }) => questions.length > 0);

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
      data-testid="visit-form"
      data-frozen={frozen ? 'yes' : 'no'}
    >
      <Stack gap="md">
        <div>
          <Title order={1} size="h2">
            {t('shopper.form.title')}
          </Title>
        </div>
        <AssignmentSummary assignment={assignment} headingLevel={2} />
        {returnComment !== undefined && (
          <Alert color="orange" title={t('shopper.form.returnedTitle')} data-testid="returned">
            {returnComment ? t('shopper.form.returnedBody', { comment: returnComment }) : t('shopper.form.returnedNoComment')}
          </Alert>
        )}
        {draft.refusal && (
          <Alert
            color="red"
            role="alert"
            title={t('shopper.form.refused')}
            data-testid="refusal"
            tabIndex={-1}
            data-code={draft.refusal.code ?? ''}
          >
            <Text size="sm">{draft.refusal.message}</Text>
            {draft.refusal.problems.length > 0 && <Text size="sm">{t('shopper.form.fixProblems')}</Text>}
            {otherProblems.map((problem) => (
              <Text size="sm" key={`${problem.field}:${problem.reason}`}>
                {problem.field}: {problem.reason}
              </Text>
            ))}
          </Alert>
        )}
        <Text size="sm" c="dimmed">
          {t('shopper.form.requiredLegend')}
        </Text>
        <TextInput
          id="visited-at"
          type="datetime-local"
          label={
            <>
              {t('shopper.form.visitedAt')}
              <RequiredMark />
            </>
          }
          description={`${t('shopper.form.visitedAtHint')} ${format.dateTime(assignment.windowStart)} – ${format.dateTime(assignment.windowEnd)}`}
          value={toLocalInput(draft.visitedAt)}
          onChange={(event) => {
            const visitedAt = fromLocalInput(event.currentTarget.value);
            void change((current) => ({ ...current, visitedAt }));
          }}
          error={problemsByField.get('visitedAt')?.join(' ')}
          disabled={frozen}
          aria-required
        />
        {sections.map(({ section, questions }) => (
          <section key={section.key} aria-labelledby={`section-${section.key}`} data-section={section.key}>
            <Title order={2} size="h4" id={`section-${section.key}`} mb="xs">
              {section.title}
            </Title>
            <Stack gap="sm">
              {questions.map((question: QuestionDefinition) => (
                <QuestionField
                  key={question.key}
                  question={question}
                  state={draft.answers[question.key] ?? {}}
                  onChange={(state) => setAnswer(question.key, state)}
                  problems={problemsByField.get(question.key) ?? []}
                  disabled={frozen}
                  assignmentId={assignmentId}
                  evidence={draft.evidence[question.key] ?? []}
                  onEvidenceChange={(items) =>
                    change((current) => ({ ...current, evidence: { ...current.evidence, [question.key]: items } }))
                  }
                  stopwatchStartedAt={draft.stopwatches[question.key]}
                  onStopwatchChange={(startedAt) =>
                    void change((current) => {
                      const stopwatches = { ...current.stopwatches };
                      if (startedAt === undefined) delete stopwatches[question.key];
                      else stopwatches[question.key] = startedAt;
                      return { ...current, stopwatches };
                    })
                  }
                />
              ))}
            </Stack>
          </section>
        ))}
        <Textarea
          label={t('shopper.form.narrative')}
          description={t('shopper.form.narrativeHint')}
          value={draft.narrative}
          onChange={(event) => {
            const narrative = event.currentTarget.value;
            void change((current) => ({ ...current, narrative }));
          }}
          autosize
          minRows={4}
          maxLength={20_000}
          disabled={frozen}
          error={problemsByField.get('narrative')?.join(' ')}
        />
        <div className="sticky-send">
          <SendStatus draft={draft} online={online} />
          {missing && (
            <Text size="sm" c="red.8" role="alert" mb="xs" data-testid="missing">
              {missing}
            </Text>
          )}
          <Button type="submit" fullWidth size="md" disabled={frozen} loading={frozen && online}>
            {!frozen ? t('shopper.form.send') : online ? t('shopper.form.sending') : t('shopper.visits.waitingToSend')}
          </Button>
          <Text size="xs" c="dimmed" ta="center" mt={4} data-testid="saved-at">
            {t('shopper.form.savedAt', {
              time: new Date(draft.updatedAt).toLocaleTimeString(format.locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' }),
            })}
          </Text>
        </div>
      </Stack>
    </form>
  );
}

/** Where sending stands: offline (kept, will send), retrying with backoff, sending now. */
function SendStatus({ draft, online }: { draft: Draft; online: boolean }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!draft.outbox) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [draft.outbox]);
  let message: string | null = null;
  let state = 'editing';
  if (draft.outbox && !online) {
    message = t('shopper.form.queuedOffline');
    state = 'queued-offline';
  } else if (draft.outbox && draft.outbox.attempts > 0 && draft.outbox.nextAttemptAt > now) {
    message = t('shopper.form.retrying', {
      seconds: Math.ceil((draft.outbox.nextAttemptAt - now) / 1000),
      attempts: draft.outbox.attempts,
    });
    state = 'retrying';
  } else if (draft.outbox) {
    message = t('shopper.form.sendingNow');
    state = 'sending';
  } else if (!online) {
    message = t('shopper.form.offline');
    state = 'offline';
  }
  // Beside the send button, where the shopper looks; a live region, so screen readers hear it too.
  return (
    <div role="status" aria-live="polite" data-testid="send-status" data-state={state}>
      {message && (
        <Group gap="xs" wrap="nowrap" align="center" mb="xs" className="send-status" data-tone={state === 'sending' ? 'calm' : 'warn'}>
          <Text size="sm" style={{ flex: 1 }}>
            {message}
          </Text>
          {state === 'retrying' && (
            <Button size="compact-sm" variant="light" onClick={() => kick()}>
              {t('shopper.form.sendNow')}
            </Button>
          )}
        </Group>
      )}
    </div>
  );
}

function SentReceipt({ draft }: { draft: Draft }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Stack gap="md" data-testid="sent" data-report-id={draft.sent?.id}>
      <Alert color="teal" title={t('shopper.form.sentTitle')} role="status">
        {t('shopper.form.sentBody')}
      </Alert>
      <Button
        onClick={() => {
          void deleteDraft(draft).then(() => navigate('/shopper/visits'));
        }}
      >
        {t('shopper.form.backToVisits')}
      </Button>
    </Stack>
  );
}

function NotWorkable({ assignment }: { assignment: Assignment }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="not-workable">
      <AssignmentSummary assignment={assignment} headingLevel={2} />
      <Alert color="gray">
        {assignment.status === 'submitted' || assignment.status === 'approved' ? t('shopper.form.alreadySent') : t('shopper.form.notYours')}{' '}
        {t('shopper.form.status', { status: t(`shopper.statuses.${assignment.status}`) })}
      </Alert>
      <Anchor component={Link} to="/shopper/visits">
        {t('shopper.form.backToVisits')}
      </Anchor>
    </Stack>
  );
}
