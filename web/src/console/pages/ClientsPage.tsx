// Clients and their touchpoints: create and rename clients; touchpoints grouped by channel and region,
// created and edited in a form with a time-zone picker and an opening-hours editor (intervals per weekday).
// Edits send the version read, so a stale one is refused (409) with the API's words.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CHANNELS } from '@server/questionnaires/domain/definition';
import { api } from '../../shared/api/client';
import type { components } from '../../shared/api/schema';
import { Empty, ErrorState, Loading } from '../../shared/layout/states';
import { ScrollBox } from '../../shared/layout/ScrollBox';
import { unwrapDetailed, useClientTouchpoints, useConsoleClients, type ErrorDetail } from '../api';
import { useChannelName } from '../components/labels';
import '../strings';

type Touchpoint = components['schemas']['TouchpointView'];
type Hours = Record<string, Array<{ opens: string; closes: string }>>;
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const TIME_ZONES: string[] = (Intl as unknown as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [
  'Europe/Madrid',
  'Atlantic/Canary',
  'Europe/London',
  'America/Mexico_City',
];

export default function ClientsPage() {
  const { t } = useTranslation();
  const channelName = useChannelName();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const clients = useConsoleClients();
  const clientId = params.get('clientId') ?? clients.data?.[0]?.id ?? null;
  const client = clients.data?.find((item) => item.id === clientId);
  const touchpoints = useClientTouchpoints(clientId);
  const [newName, setNewName] = useState('');
  const [rename, setRename] = useState<string | null>(null);
  const [editing, setEditing] = useState<Touchpoint | 'new' | null>(null);
  const createClient = useMutation({
    mutationFn: async () => unwrapDetailed(await api.POST('/clients', { body: { name: newName.trim() } })),
    onSuccess: (created) => {
      setNewName('');
      void queryClient.invalidateQueries({ queryKey: ['console', 'clients'] });
      setParams({ clientId: created.id });
    },
  });
  const renameClient = useMutation({
    mutationFn: async () =>
      unwrapDetailed(
        await api.PATCH('/clients/{id}', {
          params: { path: { id: client!.id } },
          body: { name: (rename ?? '').trim(), version: client!.version },
        }),
      ),
    onSuccess: () => {
      setRename(null);
      void queryClient.invalidateQueries({ queryKey: ['console', 'clients'] });
    },
  });
  // A client with data is archived, never deleted (docs/decisions.md): archiving stops new work only.
  const archiveClient = useMutation({
    mutationFn: async () =>
      unwrapDetailed(
        await api.PATCH('/clients/{id}', {
          params: { path: { id: client!.id } },
          body: { archived: !client!.archived, version: client!.version },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['console', 'clients'] }),
  });

  const groups = new Map<string, Touchpoint[]>();
  for (const touchpoint of touchpoints.data ?? []) {
    const key = `${touchpoint.channel}|${touchpoint.region}`;
    groups.set(key, [...(groups.get(key) ?? []), touchpoint]);
  }
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('console.clients.title')}
      </Title>
      <Group align="flex-end">
        <Select
          w={300}
          label={t('console.c.client')}
          data={(clients.data ?? []).map((item) => ({ value: item.id, label: item.name }))}
          value={clientId}
          allowDeselect={false}
          onChange={(value) => value && setParams({ clientId: value })}
        />
        <form
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            if (newName.trim()) createClient.mutate();
          }}
        >
          <Group align="flex-end" gap="xs">
            <TextInput label={t('console.clients.newClient')} value={newName} onChange={(event) => setNewName(event.currentTarget.value)} />
            <Button type="submit" variant="default" loading={createClient.isPending} data-testid="create-client">
              {t('console.clients.create')}
            </Button>
          </Group>
        </form>
      </Group>
      {(createClient.error || renameClient.error || archiveClient.error) && (
        <Alert color="red" role="alert">
          {(createClient.error ?? renameClient.error ?? archiveClient.error)!.message}
        </Alert>
      )}
      {clients.isPending ? (
        <Loading />
      ) : clients.isError ? (
        <ErrorState error={clients.error} />
      ) : !client ? (
        <Empty>{t('console.clients.none')}</Empty>
      ) : (
        <>
          <Group justify="space-between">
            {rename === null ? (
              <Group gap="xs">
                <Title order={2} size="h3">
                  {client.name}
                </Title>
                <Button size="compact-xs" variant="default" onClick={() => setRename(client.name)}>
                  {t('console.clients.rename')}
                </Button>
                <Button
                  size="compact-xs"
                  variant="default"
                  onClick={() => archiveClient.mutate()}
                  loading={archiveClient.isPending}
                  data-testid="archive-client"
                >
                  {client.archived ? t('console.clients.restore') : t('console.clients.archive')}
                </Button>
                {client.archived && (
                  <Text size="sm" c="dimmed" data-testid="client-archived">
                    {t('console.clients.archived')}
                  </Text>
                )}
              </Group>
            ) : (
              <Group gap="xs" align="flex-end">
                <TextInput label={t('console.clients.name')} value={rename} onChange={(event) => setRename(event.currentTarget.value)} />
                <Button size="xs" onClick={() => renameClient.mutate()} loading={renameClient.isPending}>
                  {t('console.clients.save')}
                </Button>
                <Button size="xs" variant="default" onClick={() => setRename(null)}>
                  {t('common.cancel')}
                </Button>
              </Group>
            )}
            <Button onClick={() => setEditing('new')} data-testid="new-touchpoint">
              {t('console.clients.newTouchpoint')}
            </Button>
          </Group>
          {touchpoints.isPending ? (
            <Loading />
          ) : touchpoints.isError ? (
            <ErrorState error={touchpoints.error} />
          ) : groups.size === 0 ? (
            <Empty>{t('console.clients.noTouchpoints')}</Empty>
          ) : (
            [...groups.entries()]
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([key, items]) => {
                const [channel, region] = key.split('|');
                return (
                  <Card withBorder padding="sm" key={key} data-group={key}>
                    <Title order={3} size="h5" mb="xs">
                      {channelName(channel)} · {region} ({items.length})
                    </Title>
                    <ScrollBox label={`${channelName(channel)} · ${region}`}>
                      <Table>
                        <Table.Tbody>
                          {items.map((touchpoint) => (
                            <Table.Tr key={touchpoint.id} data-touchpoint-id={touchpoint.id}>
                              <Table.Td>
                                <Anchor component="button" type="button" onClick={() => setEditing(touchpoint)}>
                                  {touchpoint.name}
                                </Anchor>
                                {!touchpoint.active && (
                                  <Badge size="xs" color="gray.7" ml="xs">
                                    {t('console.clients.inactive')}
                                  </Badge>
                                )}
                              </Table.Td>
                              <Table.Td>{touchpoint.city ?? '—'}</Table.Td>
                              <Table.Td>{touchpoint.address ?? touchpoint.handle ?? touchpoint.phone ?? touchpoint.url ?? '—'}</Table.Td>
                              <Table.Td>{touchpoint.timeZone}</Table.Td>
                              <Table.Td>
                                <Text size="xs">{hoursSummary(touchpoint.openingHours as Hours | null, t)}</Text>
                              </Table.Td>
                            </Table.Tr>
                          ))}
                        </Table.Tbody>
                      </Table>
                    </ScrollBox>
                  </Card>
                );
              })
          )}
        </>
      )}
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('console.clients.newTouchpoint') : t('console.clients.editTouchpoint')}
        size="xl"
      >
        {editing !== null && clientId && (
          <TouchpointForm clientId={clientId} touchpoint={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
        )}
      </Modal>
    </Stack>
  );
}

function hoursSummary(hours: Hours | null, t: (key: string) => string): string {
  if (!hours) return t('console.clients.alwaysOpen');
  return DAYS.filter((day) => hours[day]?.length)
    .map((day) => `${t(`console.clients.days.${day}`)} ${hours[day].map((interval) => `${interval.opens}–${interval.closes}`).join(', ')}`)
    .join(' · ');
}

function TouchpointForm({ clientId, touchpoint, onDone }: { clientId: string; touchpoint: Touchpoint | null; onDone: () => void }) {
  const { t } = useTranslation();
  const channelName = useChannelName();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({
    name: touchpoint?.name ?? '',
    channel: touchpoint?.channel ?? 'in_person',
    region: touchpoint?.region ?? '',
    city: touchpoint?.city ?? '',
    address: touchpoint?.address ?? '',
    phone: touchpoint?.phone ?? '',
    handle: touchpoint?.handle ?? '',
    url: touchpoint?.url ?? '',
    timeZone: touchpoint?.timeZone ?? 'Europe/Madrid',
    active: touchpoint?.active ?? true,
  });
  const [alwaysOpen, setAlwaysOpen] = useState(!touchpoint?.openingHours);
  const [hours, setHours] = useState<Hours>(
    (touchpoint?.openingHours as Hours | null) ?? {
      mon: [{ opens: '09:00', closes: '14:00' }],
      tue: [{ opens: '09:00', closes: '14:00' }],
      wed: [{ opens: '09:00', closes: '14:00' }],
      thu: [{ opens: '09:00', closes: '14:00' }],
      fri: [{ opens: '09:00', closes: '14:00' }],
    },
  );
  const [problems, setProblems] = useState<ErrorDetail[]>([]);
  const problem = (field: string) =>
    problems
      .filter((item) => item.field === field || item.field.startsWith(`${field}.`))
      .map((item) => item.reason)
      .join('; ') || undefined;
  const optional = (value: string) => (value.trim() ? value.trim() : touchpoint ? null : undefined);
  const save = useMutation({
    mutationFn: async () => {
      const openingHours = alwaysOpen ? null : Object.fromEntries(DAYS.filter((day) => hours[day]?.length).map((day) => [day, hours[day]]));
      const common = {
        name: form.name.trim(),
        region: form.region.trim(),
        city: optional(form.city),
        address: optional(form.address),
        phone: optional(form.phone),
        handle: optional(form.handle),
        url: optional(form.url),
        timeZone: form.timeZone,
        openingHours,
      };
      if (touchpoint)
        return unwrapDetailed(
          await api.PATCH('/clients/{clientId}/touchpoints/{id}', {
            params: { path: { clientId, id: touchpoint.id } },
            body: { ...common, active: form.active, version: touchpoint.version } as never,
          }),
        );
      return unwrapDetailed(
        await api.POST('/clients/{clientId}/touchpoints', {
          params: { path: { clientId } },
          body: { ...common, channel: form.channel } as never,
        }),
      );
    },
    onMutate: () => setProblems([]),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['console', 'touchpoints', clientId] });
      onDone();
    },
    onError: (error) =>
      setProblems(
        'details' in error && Array.isArray(error.details) && error.details.length
          ? (error.details as ErrorDetail[])
          : [{ field: '', reason: error.message }],
      ),
  });
  const setInterval = (day: string, index: number, field: 'opens' | 'closes', value: string) =>
    setHours({ ...hours, [day]: (hours[day] ?? []).map((interval, i) => (i === index ? { ...interval, [field]: value } : interval)) });
  return (
    <form
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        save.mutate();
      }}
      data-testid="touchpoint-form"
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('console.clients.name')}
            required
            value={form.name}
            error={problem('name')}
            onChange={(event) => setForm({ ...form, name: event.currentTarget.value })}
          />
          <Select
            label={t('console.queue.channel')}
            data={CHANNELS.map((value) => ({ value, label: channelName(value) }))}
            value={form.channel}
            disabled={Boolean(touchpoint)}
            allowDeselect={false}
            error={problem('channel')}
            onChange={(value) => value && setForm({ ...form, channel: value as typeof form.channel })}
          />
          <TextInput
            label={t('console.queue.region')}
            required
            value={form.region}
            error={problem('region')}
            onChange={(event) => setForm({ ...form, region: event.currentTarget.value })}
          />
          <TextInput
            label={t('console.clients.city')}
            value={form.city}
            error={problem('city')}
            onChange={(event) => setForm({ ...form, city: event.currentTarget.value })}
          />
          <TextInput
            label={t('console.clients.address')}
            value={form.address}
            error={problem('address')}
            onChange={(event) => setForm({ ...form, address: event.currentTarget.value })}
          />
          <TextInput
            label={t('console.clients.phone')}
            value={form.phone}
            error={problem('phone')}
            onChange={(event) => setForm({ ...form, phone: event.currentTarget.value })}
          />
          <TextInput
            label={t('console.clients.handle')}
            value={form.handle}
            error={problem('handle')}
            onChange={(event) => setForm({ ...form, handle: event.currentTarget.value })}
          />
          <TextInput
            label={t('console.clients.url')}
            value={form.url}
            error={problem('url')}
            onChange={(event) => setForm({ ...form, url: event.currentTarget.value })}
          />
          <Select
            label={t('console.clients.timeZone')}
            data={TIME_ZONES}
            searchable
            value={form.timeZone}
            allowDeselect={false}
            error={problem('timeZone')}
            onChange={(value) => value && setForm({ ...form, timeZone: value })}
            limit={50}
          />
        </SimpleGrid>
        {touchpoint && (
          <Checkbox
            label={t('console.clients.active')}
            checked={form.active}
            onChange={(event) => setForm({ ...form, active: event.currentTarget.checked })}
          />
        )}
        <Checkbox
          label={t('console.clients.alwaysOpen')}
          checked={alwaysOpen}
          onChange={(event) => setAlwaysOpen(event.currentTarget.checked)}
          data-testid="always-open"
        />
        {!alwaysOpen && (
          <Stack gap={4} data-testid="opening-hours">
            <Text size="sm" fw={600}>
              {t('console.clients.openingHours')}
            </Text>
            {problem('openingHours') && (
              <Text size="xs" c="red.9">
                {problem('openingHours')}
              </Text>
            )}
            {DAYS.map((day) => (
              <Group key={day} gap="xs" data-day={day}>
                <Text size="sm" w={90}>
                  {t(`console.clients.days.${day}`)}
                </Text>
                {(hours[day] ?? []).map((interval, index) => (
                  <Group key={index} gap={4}>
                    <TextInput
                      type="time"
                      size="xs"
                      aria-label={`${t(`console.clients.days.${day}`)} ${index + 1}: ${t('console.clients.opens')}`}
                      value={interval.opens}
                      onChange={(event) => setInterval(day, index, 'opens', event.currentTarget.value)}
                    />
                    <Text size="xs">–</Text>
                    <TextInput
                      type="time"
                      size="xs"
                      aria-label={`${t(`console.clients.days.${day}`)} ${index + 1}: ${t('console.clients.closes')}`}
                      value={interval.closes}
                      onChange={(event) => setInterval(day, index, 'closes', event.currentTarget.value)}
                    />
                    <Button
                      size="compact-xs"
                      variant="default"
                      aria-label={`${t('console.clients.removeInterval')}: ${t(`console.clients.days.${day}`)} ${index + 1}`}
                      onClick={() => setHours({ ...hours, [day]: hours[day].filter((_, i) => i !== index) })}
                    >
                      ×
                    </Button>
                  </Group>
                ))}
                <Button
                  size="compact-xs"
                  variant="light"
                  aria-label={`${t('console.clients.addInterval')}: ${t(`console.clients.days.${day}`)}`}
                  onClick={() => setHours({ ...hours, [day]: [...(hours[day] ?? []), { opens: '16:00', closes: '20:00' }] })}
                >
                  +
                </Button>
                {!(hours[day] ?? []).length && (
                  <Text size="xs" c="dimmed">
                    {t('console.clients.closed')}
                  </Text>
                )}
              </Group>
            ))}
          </Stack>
        )}
        {problems.length > 0 && (
          <Alert color="red" role="alert" data-testid="touchpoint-problems">
            {problems.map((item) => `${item.field ? `${item.field}: ` : ''}${item.reason}`).join(' · ')}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="touchpoint-save">
            {t('console.clients.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
