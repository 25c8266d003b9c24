// The approved visits behind a campaign's figures (the dashboard's filters apply), paged and sortable.
import { Anchor, Badge, Group, Pagination, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { channelName } from '@server/exports/i18n';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useCampaign, useVisits, type VisitListQuery } from '../../shared/api/queries';
import { useFormat } from '../../shared/format/format';
import { useReportLabels } from '../../shared/i18n';
import { ScrollBox } from '../../shared/layout/ScrollBox';
import { Empty, ErrorState, Loading } from '../../shared/layout/states';
import { FilterBar } from '../components/FilterBar';
import { filterQuery, useUrlFilters } from '../components/filters';

export const PAGE_SIZE = 25;
type Sort = VisitListQuery['sort'];
const SORTS: Sort[] = ['visitedAt', 'touchpoint', 'score'];

export default function VisitListPage() {
  const { campaignId = '' } = useParams();
  const { t } = useTranslation();
  const labels = useReportLabels();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const [filters, setFilters] = useUrlFilters();
  const sort: Sort = SORTS.includes(params.get('sort') as Sort) ? (params.get('sort') as Sort) : 'visitedAt';
  const order = params.get('order') === 'asc' ? 'asc' : 'desc';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const campaign = useCampaign(campaignId);
  const visits = useVisits(campaignId, { ...filters, sort, order, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next);
  };
  const sortBy = (column: Sort) =>
    update({
      sort: column,
      order: column === sort ? (order === 'asc' ? 'desc' : 'asc') : column === 'touchpoint' ? 'asc' : 'desc',
      page: null,
    });

  if (campaign.isPending) return <Loading />;
  if (campaign.isError) return <ErrorState error={campaign.error} onRetry={() => void campaign.refetch()} />;
  const scenarioTitles = new Map(campaign.data.scenarios.map((scenario) => [scenario.key, scenario.title]));
  const query = filterQuery(filters);

  const SortHeader = ({ column, label, align }: { column: Sort; label: string; align?: 'right' }) => (
    <Table.Th scope="col" ta={align} aria-sort={sort === column ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton onClick={() => sortBy(column)} fw={700} fz="sm" data-sort={column} aria-label={t('visits.sortBy', { column: label })}>
        {label} {sort === column ? (order === 'asc' ? '▲' : '▼') : '↕'}
      </UnstyledButton>
    </Table.Th>
  );

  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to={`/portal/campaigns/${campaignId}${query ? `?${query}` : ''}`} size="sm">
          ← {campaign.data.name}
        </Anchor>
        <Title order={1} mt={4}>
          {t('visits.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('visits.of', { name: campaign.data.name })}
        </Text>
      </div>
      <FilterBar campaign={campaign.data} filters={filters} onChange={setFilters} />
      {visits.isPending ? (
        <Loading />
      ) : visits.isError ? (
        <ErrorState error={visits.error} onRetry={() => void visits.refetch()} />
      ) : visits.data.total === 0 ? (
        <Empty>{t('visits.none')}</Empty>
      ) : (
        <>
          <Text size="sm" data-testid="visit-total">
            {t('visits.total', { n: format.integer(visits.data.total) })}
          </Text>
          <ScrollBox>
            <Table striped highlightOnHover verticalSpacing="xs" data-testid="visit-table">
              <Table.Thead>
                <Table.Tr>
                  <SortHeader column="visitedAt" label={t('visits.date')} />
                  <SortHeader column="touchpoint" label={t('visits.touchpoint')} />
                  <Table.Th scope="col">{t('visits.channel')}</Table.Th>
                  <Table.Th scope="col">{t('visits.region')}</Table.Th>
                  <Table.Th scope="col">{t('visits.scenario')}</Table.Th>
                  <SortHeader column="score" label={t('visits.score')} align="right" />
                  <Table.Th scope="col">{t('visits.knockout')}</Table.Th>
                  <Table.Th scope="col">{t('visits.appeal')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {visits.data.items.map((visit) => (
                  <Table.Tr key={visit.id} data-visit-id={visit.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Anchor component={Link} to={`/portal/visits/${visit.id}`}>
                        {format.dateTime(visit.visitedAt)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{visit.touchpoint.name}</Table.Td>
                    <Table.Td>{channelName(labels, visit.touchpoint.channel)}</Table.Td>
                    <Table.Td>{visit.touchpoint.region}</Table.Td>
                    <Table.Td>{visit.scenario ? (scenarioTitles.get(visit.scenario) ?? visit.scenario) : '—'}</Table.Td>
                    <Table.Td ta="right" className="tabular" data-field="score">
                      {format.decimal(visit.score)}
                    </Table.Td>
                    <Table.Td>{visit.knockout ? <Badge color="#C0392B">{t('visits.knockout')}</Badge> : t('common.no')}</Table.Td>
                    <Table.Td>
                      {visit.appeals.count > 0 ? (
                        <Badge color={visit.appeals.open > 0 ? 'blue.9' : 'gray.7'}>
                          {visit.appeals.open > 0 ? t('visit.appealStatus.open') : visit.appeals.count}
                        </Badge>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollBox>
          {visits.data.total > PAGE_SIZE && (
            <Group justify="center">
              <Pagination
                total={Math.ceil(visits.data.total / PAGE_SIZE)}
                value={page}
                onChange={(value) => update({ page: value === 1 ? null : String(value) })}
                getItemProps={(value) => ({
                  'aria-label': t('common.page', { page: value, pages: Math.ceil(visits.data.total / PAGE_SIZE) }),
                })}
                getControlProps={(control) => ({
                  'aria-label': t(
                    `common.${control === 'previous' ? 'previousPage' : control === 'next' ? 'nextPage' : control === 'first' ? 'firstPage' : 'lastPage'}`,
                  ),
                })}
              />
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
