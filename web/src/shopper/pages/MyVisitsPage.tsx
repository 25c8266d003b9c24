// The shopper's own visits by state: returned (with the reviewer's comment), to do, sent, approved (with
// what each earned, from the fee ledger: the visit fee plus any channel bonus, paid or still owed).
import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../shared/auth/RequireAuth';
import { Empty, ErrorState, Loading } from '../../shared/layout/states';
import { useMyAssignments, useReport, useStatement, type Assignment, type Statement } from '../api';
import { AssignmentSummary, useMoney } from '../components/AssignmentSummary';
import { useDraft } from '../useDraft';

/** Returned visits first: they wait for the shopper's correction. */
const GROUPS = ['returned', 'assigned', 'submitted', 'approved'] as const;
type Group = (typeof GROUPS)[number];

export default function MyVisitsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const mine = useMyAssignments();
  const statement = useStatement(session?.user.id);
  const money = useMoney();
  if (mine.isPending) return <Loading />;
  if (mine.isError) return <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />;
  const byGroup = new Map<Group, Assignment[]>(GROUPS.map((group) => [group, mine.data.filter((a) => a.status === group)]));
  const earnings = earningsByReport(statement.data);
  const earnedCents = byGroup.get('approved')!.reduce((sum, assignment) => sum + (earnings.get(assignment.reportId ?? '')?.cents ?? 0), 0);
  return (
    <Stack gap="lg" data-testid="my-visits">
      <Title order={1} size="h2">
        {t('shopper.visits.title')}
      </Title>
      {mine.data.length === 0 && <Empty>{t('shopper.visits.none')}</Empty>}
      {mine.data.length > 0 &&
        GROUPS.map((group) => (
          <section key={group} aria-labelledby={`group-${group}`} data-group={group}>
            <Title order={2} size="h4" id={`group-${group}`} mb="xs">
              {t(`shopper.visits.groups.${group}`)} ({byGroup.get(group)!.length})
            </Title>
            {byGroup.get(group)!.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t(`shopper.visits.empty.${group}`)}
              </Text>
            ) : (
              <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {byGroup.get(group)!.map((assignment) => (
                  <li key={assignment.id}>
                    <VisitCard assignment={assignment} earning={earnings.get(assignment.reportId ?? '')} />
                  </li>
                ))}
              </Stack>
            )}
            {group === 'approved' && earnedCents > 0 && (
              <Text size="sm" fw={600} mt="xs" data-testid="earned-total">
                {t('shopper.visits.total', { amount: money(earnedCents / 100) })}
              </Text>
            )}
          </section>
        ))}
    </Stack>
  );
}

/** What each report earned: its ledger entries summed (an approval owes, a reopening reverses), and whether all are paid. */
function earningsByReport(statement: Statement | undefined): Map<string, { cents: number; paid: boolean }> {
  const byReport = new Map<string, { cents: number; paid: boolean }>();
  for (const item of statement?.items ?? []) {
    const current = byReport.get(item.visitReportId) ?? { cents: 0, paid: true };
    byReport.set(item.visitReportId, { cents: current.cents + item.amountCents, paid: current.paid && item.payoutId !== null });
  }
  return byReport;
}

function VisitCard({ assignment, earning }: { assignment: Assignment; earning: { cents: number; paid: boolean } | undefined }) {
  const { t } = useTranslation();
  const session = useSession();
  const money = useMoney();
  // Approved: what the ledger says it earned; before that, the visit's fee (a channel bonus may add to it).
  const amount = assignment.status === 'approved' ? (earning ? money(earning.cents / 100) : null) : money(assignment.fee);
  const draft = useDraft(session?.user.id, assignment.id);
  const report = useReport(assignment.status === 'returned' ? assignment.reportId : null);
  const workable = assignment.status === 'assigned' || assignment.status === 'returned';
  const action =
    assignment.status === 'returned' ? t('shopper.visits.correct') : draft ? t('shopper.visits.continue') : t('shopper.visits.start');
  return (
    <Card withBorder padding="md" data-assignment={assignment.id}>
      <Stack gap="sm">
        <AssignmentSummary assignment={assignment} />
        {assignment.status === 'returned' && report.data && (
          <Text size="sm" c="red.8" data-testid="return-comment">
            {report.data.returnComment
              ? t('shopper.visits.reviewerSays', { comment: report.data.returnComment })
              : t('shopper.form.returnedNoComment')}
          </Text>
        )}
        <Group justify="space-between" align="center" gap="xs">
          <Group gap="xs">
            {draft?.outbox && <Badge color="orange.9">{t('shopper.visits.waitingToSend')}</Badge>}
            {draft && !draft.outbox && !draft.sent && workable && <Badge color="gray.7">{t('shopper.visits.draftSaved')}</Badge>}
            {amount && (
              <Text size="sm" fw={600} data-testid="amount">
                {assignment.status === 'approved'
                  ? t(earning?.paid ? 'shopper.visits.earnedPaid' : 'shopper.visits.earned', { amount })
                  : t('shopper.visits.earns', { amount })}
              </Text>
            )}
          </Group>
          {workable && (
            <Anchor
              component={Link}
              to={`/shopper/visits/${assignment.id}`}
              fw={600}
              aria-label={`${action}: ${assignment.touchpoint.name}`}
            >
              {action}
            </Anchor>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
