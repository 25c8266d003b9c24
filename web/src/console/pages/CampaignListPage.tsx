// Campaigns, with their client, period and status; a new one is made step by step.
import { Anchor, Badge, Button, Group, Stack, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../shared/format/format';
import { Empty, ErrorState, Loading } from '../../shared/layout/states';
import { ScrollBox } from '../../shared/layout/ScrollBox';
import { useConsoleCampaigns, useConsoleClients } from '../api';
import '../strings';

export default function CampaignListPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const campaigns = useConsoleCampaigns();
  const clients = useConsoleClients();
  const clientName = new Map((clients.data ?? []).map((client) => [client.id, client.name]));
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('console.c.title')}
        </Title>
        <Button component={Link} to="/console/campaigns/new" data-testid="new-campaign">
          {t('console.c.new')}
        </Button>
      </Group>
      {campaigns.isPending ? (
        <Loading />
      ) : campaigns.isError ? (
        <ErrorState error={campaigns.error} onRetry={() => void campaigns.refetch()} />
      ) : campaigns.data.length === 0 ? (
        <Empty>{t('console.c.empty')}</Empty>
      ) : (
        <ScrollBox label={t('console.c.title')}>
          <Table striped data-testid="campaigns">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('console.c.name')}</Table.Th>
                <Table.Th>{t('console.c.client')}</Table.Th>
                <Table.Th>{t('console.c.stepPeriod')}</Table.Th>
                <Table.Th>{t('console.q.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {campaigns.data.map((campaign) => (
                <Table.Tr key={campaign.id} data-campaign-id={campaign.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/console/campaigns/${campaign.id}`}>
                      {campaign.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{clientName.get(campaign.clientId) ?? '—'}</Table.Td>
                  <Table.Td>
                    {format.date(campaign.startsOn)} – {format.date(campaign.endsOn)}
                  </Table.Td>
                  <Table.Td>
                    <Badge size="sm" color={campaign.status === 'active' ? 'teal.9' : 'gray.7'}>
                      {t(`console.c.status.${campaign.status}`)}
                    </Badge>
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
