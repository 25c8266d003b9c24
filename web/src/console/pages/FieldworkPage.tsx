// The assignment board of one campaign, filtered by status, channel, region and shopper (in the URL);
// assign a shopper or unassign one, with the broken rule said in words (the 409's message, not its code);
// and the campaign's progress by day.
import { Alert, Badge, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../shared/api/client';
import { useFormat } from '../../shared/format/format';
import { Empty, ErrorState, Loading } from '../../shared/layout/states';
import { ScrollBox } from '../../shared/layout/ScrollBox';
import { unwrapDetailed, useAssignments, useConsoleCampaigns, useUsers, type Assignment } from '../api';
import { useChannelName } from '../components/labels';
import { ProgressByDay, STATUS_COLORS } from './CampaignPage';
import '../strings';

const STATUSES = ['open', 'assigned', 'submitted', 'returned', 'approved', 'cancelled', 'expired'] as const;

export default function FieldworkPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const channelName = useChannelName();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const campaigns = useConsoleCampaigns();
  const active = (campaigns.data ?? []).filter((campaign) => campaign.status !== 'draft');
  const campaignId = params.get('campaignId') ?? active.find((campaign) => campaign.status === 'active')?.id ?? active[0]?.id;
  const assignments = useAssignments(campaignId);
  const shoppers = useUsers('shopper');
  const [picked, setPicked] = useState<Record<string, string | null>>({});
  const [outcome, setOutcome] = useState<{ id: string; ok: boolean; message: string } | null>(null);
  const filter = (key: string) => params.get(key);
  const setFilter = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const shopperName = new Map((shoppers.data ?? []).map((shopper) => [shopper.id, shopper.name ?? shopper.email]));

  const act = useMutation({
    mutationFn: async ({
      assignment,
      action,
      shopperId,
    }: {
      assignment: Assignment;
      action: 'assign' | 'unassign' | 'cancel';
      shopperId?: string;
    }) =>
      action === 'assign'
        ? unwrapDetailed(
            await api.POST('/assignments/{id}/assign', { params: { path: { id: assignment.id } }, body: { shopperId: shopperId! } }),
          )
        : action === 'unassign'
          ? unwrapDetailed(await api.POST('/assignments/{id}/unassign', { params: { path: { id: assignment.id } } }))
          : unwrapDetailed(await api.POST('/assignments/{id}/cancel', { params: { path: { id: assignment.id } } })),
    onMutate: () => setOutcome(null),
    onSuccess: (_result, { assignment, action, shopperId }) => {
      setOutcome({
        id: assignment.id,
        ok: true,
        message:
          action === 'assign'
            ? t('console.f.assigned', { shopper: shopperName.get(shopperId!) ?? '', touchpoint: assignment.touchpoint.name })
            : t(action === 'unassign' ? 'console.f.unassigned' : 'console.f.cancelled', { touchpoint: assignment.touchpoint.name }),
      });
      void queryClient.invalidateQueries({ queryKey: ['console', 'assignments', campaignId] });
    },
    onError: (error, { assignment }) => setOutcome({ id: assignment.id, ok: false, message: error.message }),
  });

  if (campaigns.isPending) return <Loading />;
  if (campaigns.isError) return <ErrorState error={campaigns.error} onRetry={() => void campaigns.refetch()} />;
  const all = assignments.data ?? [];
  const regions = [...new Set(all.map((assignment) => assignment.touchpoint.region))].sort();
  const channels = [...new Set(all.map((assignment) => assignment.touchpoint.channel))].sort();
  const shown = all
    .filter((assignment) => !filter('status') || assignment.status === filter('status'))
    .filter((assignment) => !filter('channel') || assignment.touchpoint.channel === filter('channel'))
    .filter((assignment) => !filter('region') || assignment.touchpoint.region === filter('region'))
    .filter((assignment) => !filter('shopperId') || assignment.shopperId === filter('shopperId'))
    .sort((a, b) => a.plannedAt.localeCompare(b.plannedAt));

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('console.f.title')}
      </Title>
      <Group align="flex-end" gap="sm">
        <Select
          label={t('console.c.campaign')}
          data={active.map((campaign) => ({ value: campaign.id, label: campaign.name }))}
          value={campaignId ?? null}
          allowDeselect={false}
          onChange={(value) => setFilter('campaignId', value)}
          w={280}
        />
        <Select
          label={t('console.q.status')}
          placeholder={t('common.all')}
          clearable
          data={STATUSES.map((value) => ({ value, label: t(`console.f.status.${value}`) }))}
          value={filter('status')}
          onChange={(value) => setFilter('status', value)}
          w={150}
        />
        <Select
          label={t('console.queue.channel')}
          placeholder={t('common.all')}
          clearable
          data={channels.map((value) => ({ value, label: channelName(value) }))}
          value={filter('channel')}
          onChange={(value) => setFilter('channel', value)}
          w={150}
        />
        <Select
          label={t('console.queue.region')}
          placeholder={t('common.all')}
          clearable
          data={regions}
          value={filter('region')}
          onChange={(value) => setFilter('region', value)}
          w={150}
        />
        <Select
          label={t('console.report.shopper')}
          placeholder={t('common.all')}
          clearable
          searchable
          data={(shoppers.data ?? []).map((shopper) => ({ value: shopper.id, label: shopper.name ?? shopper.email }))}
          value={filter('shopperId')}
          onChange={(value) => setFilter('shopperId', value)}
          w={200}
        />
      </Group>
      {outcome && (
        <Alert
          color={outcome.ok ? 'teal' : 'red'}
          role={outcome.ok ? 'status' : 'alert'}
          data-testid={outcome.ok ? 'board-notice' : 'board-failure'}
          styles={{ title: { color: 'var(--mantine-color-text)' } }}
        >
          {outcome.message}
        </Alert>
      )}
      {!campaignId ? (
        <Empty>{t('console.c.empty')}</Empty>
      ) : assignments.isPending ? (
        <Loading />
      ) : assignments.isError ? (
        <ErrorState error={assignments.error} onRetry={() => void assignments.refetch()} />
      ) : (
        <>
          <Text size="sm" c="dimmed" data-testid="board-count">
            {t('console.f.count', { shown: shown.length, total: all.length })}
          </Text>
          <ScrollBox label={t('console.f.title')}>
            <Table striped data-testid="board">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('console.f.planned')}</Table.Th>
                  <Table.Th>{t('console.queue.touchpoint')}</Table.Th>
                  <Table.Th>{t('console.queue.channel')}</Table.Th>
                  <Table.Th>{t('console.queue.region')}</Table.Th>
                  <Table.Th>{t('console.c.window')}</Table.Th>
                  <Table.Th>{t('console.q.status')}</Table.Th>
                  <Table.Th>{t('console.report.shopper')}</Table.Th>
                  <Table.Th>{t('console.f.action')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((assignment) => (
                  <Table.Tr key={assignment.id} data-assignment-id={assignment.id} data-status={assignment.status}>
                    <Table.Td>{format.date(assignment.plannedAt)}</Table.Td>
                    <Table.Td>{assignment.touchpoint.name}</Table.Td>
                    <Table.Td>{channelName(assignment.touchpoint.channel)}</Table.Td>
                    <Table.Td>{assignment.touchpoint.region}</Table.Td>
                    <Table.Td>
                      <Text size="xs">
                        {format.dateTime(assignment.windowStart)} – {format.dateTime(assignment.windowEnd)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge size="sm" color={STATUS_COLORS[assignment.status]}>
                        {t(`console.f.status.${assignment.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{assignment.shopperId ? (shopperName.get(assignment.shopperId) ?? '—') : '—'}</Table.Td>
                    <Table.Td>
                      {assignment.status === 'open' && (
                        <Group gap={4} wrap="nowrap">
                          <Select
                            size="xs"
                            w={170}
                            aria-label={t('console.f.shopperFor', { touchpoint: assignment.touchpoint.name })}
                            placeholder={t('console.f.pickShopper')}
                            searchable
                            data={(shoppers.data ?? []).map((shopper) => ({ value: shopper.id, label: shopper.name ?? shopper.email }))}
                            value={picked[assignment.id] ?? null}
                            onChange={(value) => setPicked({ ...picked, [assignment.id]: value })}
                          />
                          <Button
                            size="xs"
                            disabled={!picked[assignment.id]}
                            loading={act.isPending && act.variables?.assignment.id === assignment.id}
                            onClick={() => act.mutate({ assignment, action: 'assign', shopperId: picked[assignment.id]! })}
                          >
                            {t('console.f.assign')}
                          </Button>
                        </Group>
                      )}
                      {assignment.status === 'assigned' && (
                        <Button
                          size="xs"
                          variant="default"
                          loading={act.isPending && act.variables?.assignment.id === assignment.id}
                          onClick={() => act.mutate({ assignment, action: 'unassign' })}
                        >
                          {t('console.f.unassign')}
                        </Button>
                      )}
                      {(assignment.status === 'open' || assignment.status === 'assigned') && (
                        <Button
                          size="xs"
                          variant="default"
                          mt={4}
                          onClick={() =>
                            window.confirm(t('console.f.cancelConfirm', { touchpoint: assignment.touchpoint.name })) &&
                            act.mutate({ assignment, action: 'cancel' })
                          }
                        >
                          {t('console.f.cancel')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollBox>
          <Title order={2} size="h3">
            {t('console.c.progress')}
          </Title>
          <ProgressByDay assignments={all} />
        </>
      )}
    </Stack>
  );
}
