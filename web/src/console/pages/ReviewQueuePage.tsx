// The review queue: submitted reports, oldest first, with their integrity signals and alerts marked.
import { Anchor, Badge, Group, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../shared/format/format';
import { Empty, ErrorState, Loading } from '../../shared/layout/states';
import { ScrollBox } from '../../shared/layout/ScrollBox';
import { useAlerts, useReviewQueue } from '../api';
import { useChannelName } from '../components/labels';
import '../strings';

export default function ReviewQueuePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const channelName = useChannelName();
  const queue = useReviewQueue();
  const alerts = useAlerts();
  if (queue.isPending) return <Loading />;
  if (queue.isError) return <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />;
  const alertsByReport = new Map<string, string[]>();
  for (const alert of alerts.data ?? []) {
    alertsByReport.set(alert.visitReportId, [...(alertsByReport.get(alert.visitReportId) ?? []), alert.reason]);
  }
  return (
    <Stack gap="sm">
      <Title order={1} size="h2">
        {t('console.queue.title')}
      </Title>
      <Text c="dimmed">{t('console.queue.intro')}</Text>
      {queue.data.length === 0 ? (
        <Empty>{t('console.queue.empty')}</Empty>
      ) : (
        <>
          <Text size="sm" data-testid="queue-count">
            {t('console.queue.count', { count: queue.data.length })}
          </Text>
          <ScrollBox>
            <Table striped highlightOnHover data-testid="review-queue">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('console.queue.submitted')}</Table.Th>
                  <Table.Th>{t('console.queue.touchpoint')}</Table.Th>
                  <Table.Th>{t('console.queue.channel')}</Table.Th>
                  <Table.Th>{t('console.queue.region')}</Table.Th>
                  <Table.Th>{t('console.queue.visited')}</Table.Th>
                  <Table.Th ta="right">{t('console.queue.score')}</Table.Th>
                  <Table.Th>{t('console.queue.flags')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {queue.data.map((report) => {
                  const reportAlerts = alertsByReport.get(report.id) ?? [];
                  return (
                    <Table.Tr key={report.id} data-report-id={report.id}>
                      <Table.Td>{format.dateTime(report.submittedAt)}</Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/console/reports/${report.id}`}>
                          {report.touchpoint.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{channelName(report.touchpoint.channel)}</Table.Td>
                      <Table.Td>{report.touchpoint.region}</Table.Td>
                      <Table.Td>{format.dateTime(report.visitedAt)}</Table.Td>
                      <Table.Td ta="right">{format.decimal(report.score)}</Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {report.knockout && (
                            <Badge color="red.9" size="sm">
                              {t('console.queue.knockout')}
                            </Badge>
                          )}
                          {reportAlerts.length > 0 && (
                            <Tooltip label={reportAlerts.join(' · ')} multiline maw={320}>
                              <Badge color="red.9" variant="outline" size="sm" data-testid="alert-badge" tabIndex={0}>
                                {t('console.queue.alerts', { count: reportAlerts.length })}
                              </Badge>
                            </Tooltip>
                          )}
                          {report.integritySignals.length > 0 && (
                            <Tooltip label={report.integritySignals.map((signal) => signal.reason).join(' · ')} multiline maw={320}>
                              <Badge color="#9a4a00" variant="outline" size="sm" data-testid="signal-badge" tabIndex={0}>
                                {t('console.queue.signals', { count: report.integritySignals.length })}
                              </Badge>
                            </Tooltip>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollBox>
        </>
      )}
    </Stack>
  );
}
