// One campaign: its settings; activate a draft (the plan is then made); the plan as a calendar of planned
// visits with their windows; progress by day (planned, open, assigned, submitted, approved); close.
import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../shared/api/client';
import { useFormat } from '../../shared/format/format';
import { ErrorState, Loading } from '../../shared/layout/states';
import { ScrollBox } from '../../shared/layout/ScrollBox';
import { unwrapDetailed, useAssignments, useConsoleCampaign, type Assignment } from '../api';
import { useChannelName } from '../components/labels';
import '../strings';
import '../admin/strings';

const DAY = 86_400_000;
const dayOf = (iso: string) => iso.slice(0, 10);
/** Status colours dark enough for white text (WCAG AA). */
export const STATUS_COLORS: Record<string, string> = {
  open: 'cyan.9',
  assigned: 'navy.7',
  submitted: 'grape.9',
  returned: '#9a4a00',
  approved: 'teal.9',
  cancelled: 'red.9',
  expired: 'gray.7',
};

export default function CampaignPage() {
  const { campaignId = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const channelName = useChannelName();
  const queryClient = useQueryClient();
  const campaign = useConsoleCampaign(campaignId);
  const assignments = useAssignments(campaign.data && campaign.data.status !== 'draft' ? campaignId : undefined);
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const transition = useMutation({
    mutationFn: async (action: 'activate' | 'close' | 'cancel') =>
      action === 'activate'
        ? unwrapDetailed(await api.POST('/campaigns/{id}/activate', { params: { path: { id: campaignId } } }))
        : action === 'close'
          ? unwrapDetailed(await api.POST('/campaigns/{id}/close', { params: { path: { id: campaignId } } }))
          : unwrapDetailed(await api.POST('/campaigns/{id}/cancel', { params: { path: { id: campaignId } } })),
    onMutate: () => (setFailure(null), setNotice(null)),
    onSuccess: (result, action) => {
      if (action === 'activate')
        setNotice(t('console.c.activated', { count: (result as { assignmentsCreated?: number }).assignmentsCreated ?? 0 }));
      void queryClient.invalidateQueries({ queryKey: ['console', 'campaign', campaignId] });
      void queryClient.invalidateQueries({ queryKey: ['console', 'campaigns'] });
      void queryClient.invalidateQueries({ queryKey: ['console', 'assignments', campaignId] });
    },
    onError: (error) => setFailure(error.message),
  });
  if (campaign.isPending) return <Loading />;
  if (campaign.isError) return <ErrorState error={campaign.error} onRetry={() => void campaign.refetch()} />;
  const data = campaign.data;
  return (
    <Stack gap="md" data-testid="campaign" data-status={data.status}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Text size="sm">
            <Link to="/console/campaigns">{t('console.c.allCampaigns')}</Link>
          </Text>
          <Title order={1} size="h2">
            {data.name}
          </Title>
          <Group gap="xs">
            <Badge color={data.status === 'active' ? 'teal.9' : 'gray.7'}>{t(`console.c.status.${data.status}`)}</Badge>
            <Text size="sm" c="dimmed">
              {format.date(data.startsOn)} – {format.date(data.endsOn)} · {t('console.c.visitsEach', { count: data.visitsPerTouchpoint })} ·{' '}
              {t('console.c.touchpointsChosen', { count: data.touchpointIds.length })}
            </Text>
          </Group>
        </Stack>
        <Group gap="xs">
          {data.status === 'draft' && (
            <Button component={Link} to={`/console/campaigns/${data.id}/edit`} variant="default" data-testid="edit-campaign">
              {t('console.admin.edit')}
            </Button>
          )}
          {data.status === 'draft' && (
            <Button onClick={() => transition.mutate('activate')} loading={transition.isPending} data-testid="activate">
              {t('console.c.activate')}
            </Button>
          )}
          {(data.status === 'draft' || data.status === 'active') && (
            <Button
              variant="default"
              onClick={() => window.confirm(t('console.c.cancelConfirm')) && transition.mutate('cancel')}
              loading={transition.isPending}
              data-testid="cancel-campaign"
            >
              {t('console.c.cancel')}
            </Button>
          )}
          {data.status === 'active' && (
            <>
              <Button component={Link} to={`/console/fieldwork?campaignId=${data.id}`} variant="default">
                {t('console.nav.fieldwork')}
              </Button>
              <Button
                variant="default"
                onClick={() => transition.mutate('close')}
                loading={transition.isPending}
                data-testid="close-campaign"
              >
                {t('console.c.close')}
              </Button>
            </>
          )}
        </Group>
      </Group>
      {data.status === 'active' && <ExtendEndDate campaignId={data.id} endsOn={data.endsOn} version={data.version} />}
      {notice && (
        <Alert color="teal" role="status" data-testid="campaign-notice">
          {notice}
        </Alert>
      )}
      {failure && (
        <Alert color="red" role="alert" data-testid="campaign-failure">
          {failure}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Card withBorder padding="sm">
          <Text size="xs" c="dimmed">
            {t('console.c.stepScenarios')}
          </Text>
          <Text size="sm">{data.scenarios.map((scenario) => scenario.title).join(', ') || '—'}</Text>
        </Card>
        <Card withBorder padding="sm">
          <Text size="xs" c="dimmed">
            {t('console.c.sla')}
          </Text>
          <Text size="sm">
            {Object.entries(data.slaSeconds)
              .map(([channel, seconds]) => `${channelName(channel)}: ${format.duration(seconds)}`)
              .join(' · ') || '—'}
          </Text>
        </Card>
        <Card withBorder padding="sm">
          <Text size="xs" c="dimmed">
            {t('console.c.targets')}
          </Text>
          <Text size="sm">
            {Object.entries(data.targets)
              .map(([key, value]) => `${key}: ${format.decimal(value, 0)}`)
              .join(' · ') || '—'}
          </Text>
        </Card>
      </SimpleGrid>
      {data.status === 'draft' ? (
        <Text c="dimmed">{t('console.c.draftHint')}</Text>
      ) : assignments.isPending ? (
        <Loading />
      ) : assignments.isError ? (
        <ErrorState error={assignments.error} onRetry={() => void assignments.refetch()} />
      ) : (
        <>
          <Title order={2} size="h3">
            {t('console.c.plan')}
          </Title>
          <PlanCalendar assignments={assignments.data} startsOn={data.startsOn} endsOn={data.endsOn} />
          <Title order={2} size="h3">
            {t('console.c.progress')}
          </Title>
          <ProgressByDay assignments={assignments.data} />
        </>
      )}
    </Stack>
  );
}

/** Month grids from the first to the last planned day; each day lists its planned visits, each with its window. */
function PlanCalendar({ assignments, startsOn, endsOn }: { assignments: Assignment[]; startsOn: string; endsOn: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const channelName = useChannelName();
  const byDay = new Map<string, Assignment[]>();
  for (const assignment of assignments)
    byDay.set(dayOf(assignment.plannedAt), [...(byDay.get(dayOf(assignment.plannedAt)) ?? []), assignment]);
  const start = new Date(`${startsOn}T00:00:00Z`);
  const end = new Date(`${endsOn}T00:00:00Z`);
  // Weeks from the Monday on or before the start to the Sunday on or after the end.
  const first = new Date(start.getTime() - ((start.getUTCDay() + 6) % 7) * DAY);
  const weeks: Date[][] = [];
  for (let monday = first; monday <= end; monday = new Date(monday.getTime() + 7 * DAY)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => new Date(monday.getTime() + i * DAY)));
  }
  const weekday = new Intl.DateTimeFormat(format.locale, { weekday: 'short', timeZone: 'UTC' });
  const dayLabel = new Intl.DateTimeFormat(format.locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return (
    <ScrollBox label={t('console.c.plan')}>
      <Table withColumnBorders withTableBorder layout="fixed" miw={840} data-testid="plan-calendar">
        <Table.Thead>
          <Table.Tr>
            {weeks[0]?.map((day) => (
              <Table.Th key={day.toISOString()}>{weekday.format(day)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {weeks.map((week) => (
            <Table.Tr key={week[0].toISOString()}>
              {week.map((day) => {
                const key = day.toISOString().slice(0, 10);
                const inPeriod = day >= start && day <= end;
                const planned = byDay.get(key) ?? [];
                return (
                  <Table.Td key={key} valign="top" bg={inPeriod ? undefined : 'gray.1'} data-day={key} data-planned={planned.length} h={84}>
                    <Text size="xs" fw={600} c={inPeriod ? undefined : 'dimmed'}>
                      {dayLabel.format(day)}
                    </Text>
                    <Stack gap={2} mt={2}>
                      {planned.slice(0, 4).map((assignment) => (
                        <Tooltip
                          key={assignment.id}
                          label={`${assignment.touchpoint.name} · ${channelName(assignment.touchpoint.channel)} · ${t('console.c.window')}: ${format.dateTime(assignment.windowStart)} – ${format.dateTime(assignment.windowEnd)}`}
                          multiline
                          maw={320}
                        >
                          <Badge
                            size="xs"
                            color={STATUS_COLORS[assignment.status]}
                            fullWidth
                            radius="xs"
                            tabIndex={0}
                            style={{ textTransform: 'none' }}
                            data-assignment-id={assignment.id}
                          >
                            {assignment.touchpoint.name}
                          </Badge>
                        </Tooltip>
                      ))}
                      {planned.length > 4 && (
                        <Text size="xs" c="dimmed">
                          +{planned.length - 4}
                        </Text>
                      )}
                    </Stack>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollBox>
  );
}

const PROGRESS_STATUSES = ['open', 'assigned', 'submitted', 'approved'] as const;

/** Per planned day: visits planned, and how many of them are now open, assigned, submitted (or returned) and approved. */
export function ProgressByDay({ assignments }: { assignments: Assignment[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const days = new Map<string, Record<string, number>>();
  for (const assignment of assignments) {
    if (assignment.status === 'cancelled') continue;
    const row = days.get(dayOf(assignment.plannedAt)) ?? { planned: 0, open: 0, assigned: 0, submitted: 0, approved: 0 };
    row.planned += 1;
    const bucket = assignment.status === 'returned' ? 'submitted' : assignment.status === 'expired' ? 'open' : assignment.status;
    row[bucket] = (row[bucket] ?? 0) + 1;
    days.set(dayOf(assignment.plannedAt), row);
  }
  const rows = [...days.entries()].sort(([a], [b]) => a.localeCompare(b));
  const totals = rows.reduce<Record<string, number>>((sum, [, row]) => {
    for (const key of ['planned', ...PROGRESS_STATUSES]) sum[key] = (sum[key] ?? 0) + (row[key] ?? 0);
    return sum;
  }, {});
  return (
    <ScrollBox label={t('console.c.progress')}>
      <Table striped data-testid="progress">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('console.c.day')}</Table.Th>
            {['planned', ...PROGRESS_STATUSES].map((key) => (
              <Table.Th key={key} ta="right">
                {t(`console.c.progressNames.${key}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(([day, row]) => (
            <Table.Tr key={day} data-progress-day={day}>
              <Table.Td>{format.date(day)}</Table.Td>
              {['planned', ...PROGRESS_STATUSES].map((key) => (
                <Table.Td key={key} ta="right" data-count={key}>
                  {row[key] ?? 0}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
          <Table.Tr fw={700} data-progress-day="total">
            <Table.Td>{t('console.c.total')}</Table.Td>
            {['planned', ...PROGRESS_STATUSES].map((key) => (
              <Table.Td key={key} ta="right" data-count={key}>
                {totals[key] ?? 0}
              </Table.Td>
            ))}
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </ScrollBox>
  );
}

/** An active campaign's end date moved later (PATCH with the version read); the API's refusal in words. */
function ExtendEndDate({ campaignId, endsOn, version }: { campaignId: string; endsOn: string; version: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [date, setDate] = useState(endsOn);
  const extend = useMutation({
    mutationFn: async () =>
      unwrapDetailed(await api.PATCH('/campaigns/{id}', { params: { path: { id: campaignId } }, body: { endsOn: date, version } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['console', 'campaign', campaignId] }),
  });
  return (
    <Group align="flex-end" gap="xs" data-testid="extend-end">
      <TextInput type="date" label={t('console.admin.newEnd')} value={date} onChange={(event) => setDate(event.currentTarget.value)} />
      <Button
        variant="default"
        onClick={() => extend.mutate()}
        loading={extend.isPending}
        disabled={date === endsOn}
        data-testid="extend-submit"
      >
        {t('console.admin.extend')}
      </Button>
      {extend.isError && (
        <Alert color="red" role="alert" py={6}>
          {extend.error.message}
        </Alert>
      )}
      {extend.isSuccess && (
        <Text size="sm" role="status">
          {t('console.admin.extended', { date: format.date(extend.data.endsOn) })}
        </Text>
      )}
    </Group>
  );
}
