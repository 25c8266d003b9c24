// The client's campaigns with their headline figures. Consultants and admins pick a client first and
// see exactly what that client's users see.
import { Alert, Anchor, Badge, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useCampaigns, useClients, type Campaign } from '../../shared/api/queries';
import { useSession } from '../../shared/auth/RequireAuth';
import { useFormat } from '../../shared/format/format';
import { ScrollBox } from '../../shared/layout/ScrollBox';
import { Empty, ErrorState, Loading } from '../../shared/layout/states';
import { ChangeText } from '../components/ChangeText';
import { ProgramList } from '../programs/ProgramList';

export default function CampaignListPage() {
  const { t } = useTranslation();
  const session = useSession();
  const isStaff = session?.user.role === 'admin' || session?.user.role === 'consultant';
  const [params, setParams] = useSearchParams();
  const clientId = isStaff ? (params.get('client') ?? undefined) : undefined;
  const clients = useClients(isStaff);

  return (
    <Stack>
      <Title order={1}>{t('campaigns.title')}</Title>
      {isStaff && (
        <>
          {clients.isPending ? (
            <Loading />
          ) : clients.isError ? (
            <ErrorState error={clients.error} onRetry={() => void clients.refetch()} />
          ) : clients.data.length === 0 ? (
            <Empty>{t('campaigns.noClients')}</Empty>
          ) : (
            <Select
              label={t('campaigns.client')}
              description={t('campaigns.pickClient')}
              placeholder={t('campaigns.pickClient')}
              data={clients.data.map((client) => ({ value: client.id, label: client.name }))}
              value={clientId ?? null}
              onChange={(value) => setParams(value ? { client: value } : {})}
              searchable
              maw={420}
            />
          )}
          {clientId && <Alert color="blue">{t('campaigns.viewingAs')}</Alert>}
        </>
      )}
      {(!isStaff || clientId) && <CampaignTable clientId={clientId} />}
      {(!isStaff || clientId) && <ProgramList clientId={clientId} />}
    </Stack>
  );
}

function CampaignTable({ clientId }: { clientId: string | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const campaigns = useCampaigns(clientId);
  if (campaigns.isPending) return <Loading />;
  if (campaigns.isError) return <ErrorState error={campaigns.error} onRetry={() => void campaigns.refetch()} />;
  const visible = campaigns.data.filter((campaign) => campaign.status !== 'draft');
  if (visible.length === 0) return <Empty>{t('campaigns.none')}</Empty>;
  const statusColor = (status: Campaign['status']) => (status === 'active' ? 'teal.9' : 'gray.7');
  return (
    <ScrollBox>
      <Table striped highlightOnHover verticalSpacing="sm" data-testid="campaign-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('campaigns.name')}</Table.Th>
            <Table.Th scope="col">{t('campaigns.period')}</Table.Th>
            <Table.Th scope="col">{t('campaigns.status')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('campaigns.approvedVisits')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('campaigns.overall')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('campaigns.change')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {visible.map((campaign) => (
            <Table.Tr key={campaign.id} data-campaign-id={campaign.id}>
              <Table.Td>
                <Anchor component={Link} to={`/portal/campaigns/${campaign.id}`} fw={600}>
                  {campaign.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {format.date(campaign.startsOn)} – {format.date(campaign.endsOn)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge color={statusColor(campaign.status)}>{t(`campaigns.statuses.${campaign.status}`)}</Badge>
              </Table.Td>
              <Table.Td ta="right" className="tabular" data-field="approvedVisits">
                {format.integer(campaign.summary?.approvedVisits)}
              </Table.Td>
              <Table.Td ta="right" className="tabular" data-field="overall">
                {format.decimal(campaign.summary?.overall)}
              </Table.Td>
              <Table.Td ta="right" className="tabular" data-field="change">
                <ChangeText value={campaign.summary?.change ?? null} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollBox>
  );
}
