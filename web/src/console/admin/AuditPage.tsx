// The audit log of administrative changes (admins): newest first, optionally of one kind of record or one
// record, a page at a time; each change as its fields before → after.
import { Button, Code, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { api } from '../../shared/api/client';
import { useSession } from '../../shared/auth/RequireAuth';
import { useFormat } from '../../shared/format/format';
import { Empty, ErrorState, Loading } from '../../shared/layout/states';
import { ScrollBox } from '../../shared/layout/ScrollBox';
import { unwrapDetailed, useUsers } from '../api';
import type { components } from '../../shared/api/schema';
import './strings';

type Entry = components['schemas']['AuditLogEntryView'];
type Entity = Entry['entity'];
const ENTITIES: Entity[] = ['user', 'client', 'touchpoint', 'campaign', 'assignment', 'payout'];
const PAGE = 50;

function shown(value: unknown): string {
  if (value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** One line per field that either side names: "field: before → after". */
function Change({ entry }: { entry: Entry }) {
  const fields = [...new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})])];
  if (fields.length === 0) return <Text size="sm">—</Text>;
  return (
    <Stack gap={2}>
      {fields.map((field) => (
        <Text key={field} size="sm" data-change-field={field}>
          <Code>{field}</Code> {shown(entry.before?.[field])} → {shown(entry.after?.[field])}
        </Text>
      ))}
    </Stack>
  );
}

export default function AuditPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const [entity, setEntity] = useState<Entity | null>(null);
  const [entityId, setEntityId] = useState('');
  const [offset, setOffset] = useState(0);
  const admins = useUsers('admin');
  const consultants = useUsers('consultant');
  const names = new Map([...(admins.data ?? []), ...(consultants.data ?? [])].map((user) => [user.id, user.name ?? user.email]));
  const id = entityId.trim();
  const log = useQuery({
    queryKey: ['console', 'audit-log', entity, id, offset],
    queryFn: async () =>
      unwrapDetailed(
        await api.GET('/audit', {
          params: { query: { ...(entity ? { entity } : {}), ...(id ? { entityId: id } : {}), limit: PAGE, offset } },
        }),
      ),
  });
  if (session?.user.role !== 'admin') return <Navigate to="/console" replace />;
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('console.admin.audit.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('console.admin.audit.intro')}
      </Text>
      <Group align="flex-end">
        <Select
          w={220}
          label={t('console.admin.audit.entity')}
          placeholder={t('console.admin.audit.any')}
          clearable
          data={ENTITIES.map((value) => ({ value, label: t(`console.admin.audit.entities.${value}`) }))}
          value={entity}
          onChange={(value) => {
            setEntity(value as Entity | null);
            setOffset(0);
          }}
        />
        <TextInput
          w={340}
          label={t('console.admin.audit.entityId')}
          value={entityId}
          onChange={(event) => {
            setEntityId(event.currentTarget.value);
            setOffset(0);
          }}
        />
      </Group>
      {log.isPending ? (
        <Loading />
      ) : log.isError ? (
        <ErrorState error={log.error} onRetry={() => void log.refetch()} />
      ) : log.data.length === 0 ? (
        <Empty>{t('console.admin.audit.none')}</Empty>
      ) : (
        <ScrollBox label={t('console.admin.audit.title')}>
          <Table striped data-testid="audit-log">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('console.admin.audit.when')}</Table.Th>
                <Table.Th>{t('console.admin.audit.who')}</Table.Th>
                <Table.Th>{t('console.admin.audit.record')}</Table.Th>
                <Table.Th>{t('console.admin.audit.action')}</Table.Th>
                <Table.Th>{t('console.admin.audit.change')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {log.data.map((entry) => (
                <Table.Tr key={entry.id} data-entity={entry.entity} data-entity-id={entry.entityId} data-action={entry.action}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(entry.at)}</Table.Td>
                  <Table.Td>{entry.userId ? (names.get(entry.userId) ?? entry.userId) : t('console.admin.audit.system')}</Table.Td>
                  <Table.Td>
                    {t(`console.admin.audit.entities.${entry.entity}`)}
                    <Text size="xs" c="dimmed" ff="monospace">
                      {entry.entityId}
                    </Text>
                  </Table.Td>
                  <Table.Td>{entry.action}</Table.Td>
                  <Table.Td>
                    <Change entry={entry} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollBox>
      )}
      <Group>
        <Button variant="default" size="xs" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
          {t('common.previousPage')}
        </Button>
        <Button variant="default" size="xs" disabled={(log.data?.length ?? 0) < PAGE} onClick={() => setOffset(offset + PAGE)}>
          {t('common.nextPage')}
        </Button>
      </Group>
    </Stack>
  );
}
