// Users and shopper quality. Users: list by role, create consultants (admins only), shoppers and client
// users. Quality: each shopper's mean deviation from the other shoppers at the same touchpoints (the
// KPI model's `shoppers`, consultants only) for a chosen campaign, and the visits behind it.
import {
  Alert,
  Anchor,
  Button,
  Group,
  PasswordInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../shared/api/client';
import { useSession } from '../../shared/auth/RequireAuth';
import { useFormat } from '../../shared/format/format';
import { Empty, ErrorState, Loading } from '../../shared/layout/states';
import { ScrollBox } from '../../shared/layout/ScrollBox';
import { UserEditor } from '../admin/UserEditor';
import { unwrapDetailed, useConsoleCampaigns, useConsoleClients, useUsers } from '../api';
import '../strings';

type Role = 'shopper' | 'client' | 'consultant' | 'admin';

export default function PeoplePage() {
  const { t } = useTranslation();
  const session = useSession();
  const isAdmin = session?.user.role === 'admin';
  const roles: Role[] = isAdmin ? ['shopper', 'client', 'consultant', 'admin'] : ['shopper', 'client'];
  const [role, setRole] = useState<Role>('shopper');
  const [editing, setEditing] = useState<string | null>(null);
  const users = useUsers(role);
  const clients = useConsoleClients();
  const clientName = new Map((clients.data ?? []).map((client) => [client.id, client.name]));
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('console.people.title')}
      </Title>
      <CreateUser roles={roles} />
      <SegmentedControl
        w="fit-content"
        value={role}
        onChange={(value) => {
          setRole(value as Role);
          setEditing(null);
        }}
        data={roles.map((value) => ({ value, label: t(`console.people.roles.${value}`) }))}
      />
      {users.isPending ? (
        <Loading />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : users.data.length === 0 ? (
        <Empty>{t('console.people.none')}</Empty>
      ) : (
        <ScrollBox label={t('console.people.title')}>
          <Table striped data-testid="users">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('console.people.name')}</Table.Th>
                <Table.Th>{t('console.people.email')}</Table.Th>
                {role === 'client' && <Table.Th>{t('console.c.client')}</Table.Th>}
                <Table.Th>{t('console.admin.status')}</Table.Th>
                <Table.Th>{t('console.admin.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.map((user) => (
                <Table.Tr key={user.id} data-user-email={user.email}>
                  <Table.Td>{user.name ?? '—'}</Table.Td>
                  <Table.Td>{user.email}</Table.Td>
                  {role === 'client' && <Table.Td>{user.clientId ? (clientName.get(user.clientId) ?? '—') : '—'}</Table.Td>}
                  <Table.Td data-field="active">{user.active ? t('console.admin.activeShort') : t('console.admin.inactive')}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={`${t('console.admin.edit')}: ${user.email}`}
                      aria-expanded={editing === user.id}
                      onClick={() => setEditing(editing === user.id ? null : user.id)}
                    >
                      {t('console.admin.edit')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollBox>
      )}
      {(() => {
        const user = users.data?.find((candidate) => candidate.id === editing);
        return user ? <UserEditor key={user.id} user={user} roles={roles} onClose={() => setEditing(null)} /> : null;
      })()}
      <ShopperQuality />
    </Stack>
  );
}

function CreateUser({ roles }: { roles: Role[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const clients = useConsoleClients();
  const [form, setForm] = useState({ role: 'shopper' as Role, email: '', name: '', password: '', clientId: null as string | null });
  const [done, setDone] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: async () =>
      unwrapDetailed(
        await api.POST('/users', {
          body: {
            role: form.role,
            email: form.email.trim(),
            password: form.password,
            ...(form.name.trim() ? { name: form.name.trim() } : {}),
            ...(form.role === 'client' && form.clientId ? { clientId: form.clientId } : {}),
          },
        }),
      ),
    onMutate: () => setDone(null),
    onSuccess: (user) => {
      setDone(t('console.people.created', { email: user.email }));
      setForm({ ...form, email: '', name: '', password: '' });
      void queryClient.invalidateQueries({ queryKey: ['console', 'users'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={submit} data-testid="create-user">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('console.people.create')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3, lg: 5 }}>
          <Select
            label={t('console.people.role')}
            data={roles.map((value) => ({ value, label: t(`console.people.roles.${value}`) }))}
            value={form.role}
            allowDeselect={false}
            onChange={(value) => value && setForm({ ...form, role: value as Role })}
          />
          <TextInput
            label={t('console.people.email')}
            type="email"
            required
            value={form.email}
            onChange={(event) => setForm({ ...form, email: event.currentTarget.value })}
          />
          <TextInput
            label={t('console.people.name')}
            value={form.name}
            onChange={(event) => setForm({ ...form, name: event.currentTarget.value })}
          />
          <PasswordInput
            label={t('console.people.password')}
            required
            value={form.password}
            onChange={(event) => setForm({ ...form, password: event.currentTarget.value })}
          />
          {form.role === 'client' && (
            <Select
              label={t('console.c.client')}
              required
              data={(clients.data ?? []).map((client) => ({ value: client.id, label: client.name }))}
              value={form.clientId}
              onChange={(value) => setForm({ ...form, clientId: value })}
            />
          )}
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={create.isPending} data-testid="create-user-submit">
            {t('console.people.createSubmit')}
          </Button>
        </Group>
        {create.isError && (
          <Alert color="red" role="alert" data-testid="create-user-failure">
            {create.error.message}
          </Alert>
        )}
        {done && (
          <Alert color="teal" role="status" data-testid="create-user-done">
            {done}
          </Alert>
        )}
      </Stack>
    </form>
  );
}

/** A shopper's reports in this campaign, newest first (the review list read whole, filtered here). */
function ShopperHistory({ shopperId, campaignId }: { shopperId: string; campaignId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const reports = useQuery({
    queryKey: ['console', 'reports-of-campaign', campaignId],
    queryFn: async () => unwrapDetailed(await api.GET('/visit-reports', { params: { query: { campaignId, limit: 500 } } })),
  });
  if (reports.isPending) return <Loading />;
  if (reports.isError) return <ErrorState error={reports.error} />;
  const own = reports.data.filter((report) => report.shopperId === shopperId).reverse();
  return (
    <Table fz="xs" data-testid="shopper-history">
      <Table.Tbody>
        {own.map((report) => (
          <Table.Tr key={report.id}>
            <Table.Td>{format.dateTime(report.visitedAt)}</Table.Td>
            <Table.Td>
              <Anchor component={Link} to={`/console/reports/${report.id}`} fz="xs">
                {report.touchpoint.name}
              </Anchor>
            </Table.Td>
            <Table.Td>{t(`console.report.status.${report.status}`)}</Table.Td>
            <Table.Td ta="right">{format.decimal(report.score)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function ShopperQuality() {
  const { t } = useTranslation();
  const format = useFormat();
  const campaigns = useConsoleCampaigns();
  const [chosen, setChosen] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const campaignId = chosen ?? campaigns.data?.find((campaign) => campaign.status === 'active')?.id ?? campaigns.data?.[0]?.id ?? null;
  const model = useQuery({
    queryKey: ['console', 'calibration', campaignId],
    queryFn: async () =>
      unwrapDetailed(
        await api.GET('/campaigns/{id}/kpis', { params: { path: { id: campaignId! }, query: { includeUnapproved: 'true' } as never } }),
      ),
    enabled: Boolean(campaignId),
  });
  const shoppers = [...(model.data?.shoppers ?? [])].sort((a, b) => Math.abs(b.meanDeviation ?? 0) - Math.abs(a.meanDeviation ?? 0));
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {t('console.people.quality')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('console.people.qualityHint')}
      </Text>
      <Select
        w={320}
        label={t('console.c.campaign')}
        data={(campaigns.data ?? []).map((campaign) => ({ value: campaign.id, label: campaign.name }))}
        value={campaignId}
        allowDeselect={false}
        onChange={setChosen}
      />
      {model.isPending && campaignId ? (
        <Loading />
      ) : model.isError ? (
        <ErrorState error={model.error} />
      ) : shoppers.length === 0 ? (
        <Empty>{t('console.people.noCalibration')}</Empty>
      ) : (
        <ScrollBox label={t('console.people.quality')}>
          <Table striped data-testid="calibration">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('console.report.shopper')}</Table.Th>
                <Table.Th ta="right">{t('console.people.deviation')}</Table.Th>
                <Table.Th ta="right">n</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shoppers.map((shopper) => (
                <Table.Tr key={shopper.shopperId} data-shopper-id={shopper.shopperId}>
                  <Table.Td>
                    <Anchor
                      component="button"
                      type="button"
                      fz="sm"
                      onClick={() => setOpen(open === shopper.shopperId ? null : shopper.shopperId)}
                      aria-expanded={open === shopper.shopperId}
                    >
                      {shopper.name ?? shopper.shopperId}
                    </Anchor>
                    {open === shopper.shopperId && campaignId && <ShopperHistory shopperId={shopper.shopperId} campaignId={campaignId} />}
                  </Table.Td>
                  <Table.Td ta="right" data-field="deviation" c={Math.abs(shopper.meanDeviation ?? 0) >= 10 ? 'red.9' : undefined}>
                    {format.change(shopper.meanDeviation)}
                  </Table.Td>
                  <Table.Td ta="right" data-field="n">
                    {shopper.n}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollBox>
      )}
    </Stack>
  );
}
