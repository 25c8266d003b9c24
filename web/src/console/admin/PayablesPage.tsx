// Payables: what the consultancy owes its shoppers for a period (fees of approved visits, net of reversals),
// downloadable as Excel or CSV; admins mark the period paid as one payout batch, after a confirmation.
import { Alert, Button, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, authorizedFetch } from '../../shared/api/client';
import { saveFile } from '../../shared/api/save-file';
import { useSession } from '../../shared/auth/RequireAuth';
import { useFormat } from '../../shared/format/format';
import { Empty, ErrorState, Loading } from '../../shared/layout/states';
import { ScrollBox } from '../../shared/layout/ScrollBox';
import { unwrapDetailed } from '../api';
import './strings';

/** YYYY-MM-DD of a local date. */
function isoDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

export default function PayablesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const queryClient = useQueryClient();
  const isAdmin = session?.user.role === 'admin';
  const today = new Date();
  const [period, setPeriod] = useState({ from: isoDay(new Date(today.getFullYear(), today.getMonth(), 1)), to: isoDay(today) });
  const [confirming, setConfirming] = useState(false);
  const [download, setDownload] = useState<{ busy?: 'xlsx' | 'csv'; done?: string; failed?: string }>({});
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(period.from) && /^\d{4}-\d{2}-\d{2}$/.test(period.to);
  const payables = useQuery({
    queryKey: ['console', 'payables', period.from, period.to],
    queryFn: async () => unwrapDetailed(await api.GET('/payables', { params: { query: { from: period.from, to: period.to } } })),
    enabled: valid,
  });
  const payout = useMutation({
    mutationFn: async () => unwrapDetailed(await api.POST('/payouts', { body: { from: period.from, to: period.to } })),
    onSettled: async () => {
      setConfirming(false);
      await queryClient.invalidateQueries({ queryKey: ['console', 'payables'] });
    },
  });
  const money = (cents: number, currency: string) =>
    new Intl.NumberFormat(format.locale, { style: 'currency', currency }).format(cents / 100);
  const rows = payables.data ?? [];
  const currency = rows[0]?.currency ?? 'EUR';
  const unpaid = rows.reduce((sum, row) => sum + row.unpaidCents, 0);
  const owing = rows.filter((row) => row.unpaidCents > 0).length;

  const fetchFile = async (kind: 'xlsx' | 'csv') => {
    setDownload({ busy: kind });
    try {
      const response = await authorizedFetch(`/payables.${kind}?from=${period.from}&to=${period.to}`);
      setDownload({ done: await saveFile(response, `payables.${kind}`) });
    } catch (error) {
      setDownload({ failed: error instanceof ApiError ? error.message : t('common.networkError') });
    }
  };

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('console.admin.payables.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('console.admin.payables.intro')}
      </Text>
      <Group align="flex-end">
        <TextInput
          type="date"
          label={t('console.admin.payables.from')}
          value={period.from}
          onChange={(event) => setPeriod({ ...period, from: event.currentTarget.value })}
        />
        <TextInput
          type="date"
          label={t('console.admin.payables.to')}
          value={period.to}
          onChange={(event) => setPeriod({ ...period, to: event.currentTarget.value })}
        />
        <Button
          variant="light"
          disabled={!valid || Boolean(download.busy)}
          loading={download.busy === 'xlsx'}
          onClick={() => void fetchFile('xlsx')}
          data-testid="payables-xlsx"
        >
          {t('console.admin.payables.excel')}
        </Button>
        <Button
          variant="light"
          disabled={!valid || Boolean(download.busy)}
          loading={download.busy === 'csv'}
          onClick={() => void fetchFile('csv')}
          data-testid="payables-csv"
        >
          {t('console.admin.payables.csv')}
        </Button>
        {isAdmin && (
          <Button onClick={() => setConfirming(true)} disabled={!valid || rows.length === 0} data-testid="mark-paid">
            {t('console.admin.payables.markPaid')}
          </Button>
        )}
      </Group>
      <div aria-live="polite">
        {download.done && (
          <Text size="xs" c="dimmed" data-testid="payables-downloaded">
            {t('console.admin.payables.downloaded', { name: download.done })}
          </Text>
        )}
      </div>
      {download.failed && (
        <Alert color="red" role="alert">
          {download.failed}
        </Alert>
      )}
      {payout.isError && (
        <Alert color="red" role="alert" data-testid="payout-refused">
          {t('console.admin.payables.refused', { message: payout.error.message })}
        </Alert>
      )}
      {payout.data && !payout.isError && (
        <Alert color="teal" role="status" data-testid="payout-done">
          {t('console.admin.payables.done', {
            total: money(payout.data.totalCents, payout.data.currency),
            shoppers: payout.data.shoppers,
            entries: payout.data.entries,
          })}
        </Alert>
      )}
      {!valid ? null : payables.isPending ? (
        <Loading />
      ) : payables.isError ? (
        <ErrorState error={payables.error} onRetry={() => void payables.refetch()} />
      ) : rows.length === 0 ? (
        <Empty>{t('console.admin.payables.none')}</Empty>
      ) : (
        <ScrollBox label={t('console.admin.payables.title')}>
          <Table striped data-testid="payables">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('console.admin.payables.shopper')}</Table.Th>
                <Table.Th ta="right">{t('console.admin.payables.visits')}</Table.Th>
                <Table.Th ta="right">{t('console.admin.payables.total')}</Table.Th>
                <Table.Th ta="right">{t('console.admin.payables.unpaid')}</Table.Th>
                <Table.Th>{t('console.admin.payables.paid')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.shopperId} data-shopper-id={row.shopperId}>
                  <Table.Td>{row.name ?? row.shopperId}</Table.Td>
                  <Table.Td ta="right" data-field="visits">
                    {format.integer(row.visits)}
                  </Table.Td>
                  <Table.Td ta="right" data-field="total">
                    {money(row.totalCents, row.currency)}
                  </Table.Td>
                  <Table.Td ta="right" data-field="unpaid">
                    {money(row.unpaidCents, row.currency)}
                  </Table.Td>
                  <Table.Td data-field="paid">
                    {row.paid ? t('console.admin.payables.paidYes') : t('console.admin.payables.paidNo')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollBox>
      )}
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('console.admin.payables.confirmTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="sm">
          <Text size="sm" data-testid="payout-confirm-text">
            {t('console.admin.payables.confirm', {
              from: format.date(period.from),
              to: format.date(period.to),
              total: money(unpaid, currency),
              count: owing,
            })}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button loading={payout.isPending} onClick={() => payout.mutate()} data-testid="payout-confirm">
              {t('console.admin.payables.confirmSubmit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
