// A campaign's results, from GET /campaigns/:id/kpis with the filters in the URL: the PDF's tiles,
// charts and tables on one page, each chart beside the table of its figures.
import { Anchor, Badge, Group, List, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { channelName, dimensionName } from '@server/exports/i18n';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCampaign, useKpis, type KpiModel } from '../../shared/api/queries';
import { EChart } from '../../shared/charts/EChart';
import {
  channelsChart,
  dimensionsChart,
  distributionChart,
  regionsChart,
  sectionsChart,
  trendChart,
  trendRows,
  useChartStyle,
} from '../../shared/charts/options';
import { useFormat } from '../../shared/format/format';
import { useReportLabels } from '../../shared/i18n';
import { ScrollBox } from '../../shared/layout/ScrollBox';
import { Empty, ErrorState, Loading } from '../../shared/layout/states';
import { ChangeText } from '../components/ChangeText';
import { Downloads } from '../components/Downloads';
import { Figure } from '../components/Figure';
import { FilterBar } from '../components/FilterBar';
import { filterQuery, useUrlFilters } from '../components/filters';
import { Section } from '../components/Section';
import { POLARITY_COLOR, polarityLabel, ThemesTable } from '../components/ThemesTable';
import { Tile } from '../components/Tile';

const barsHeight = (count: number) => Math.max(140, 40 + count * 34);

export default function DashboardPage() {
  const { campaignId = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const [filters, setFilters] = useUrlFilters();
  const campaign = useCampaign(campaignId);
  const kpis = useKpis(campaignId, filters);

  if (campaign.isPending) return <Loading />;
  if (campaign.isError) return <ErrorState error={campaign.error} onRetry={() => void campaign.refetch()} />;
  const query = filterQuery(filters);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Anchor component={Link} to="/portal" size="sm">
            ← {t('nav.campaigns')}
          </Anchor>
          <Title order={1} mt={4}>
            {campaign.data.name}
          </Title>
          <Text c="dimmed" size="sm">
            {kpis.data?.campaign.clientName} · {format.date(campaign.data.startsOn)} – {format.date(campaign.data.endsOn)}
            {kpis.data && (
              <>
                {' · '}
                <span data-testid="visits-counted">{t('dashboard.visitsCounted', { n: format.integer(kpis.data.n) })}</span>
              </>
            )}
          </Text>
        </div>
        <Group gap="sm" align="flex-start">
          <Anchor component={Link} to={`/portal/campaigns/${campaignId}/visits${query ? `?${query}` : ''}`} fw={600} py={6}>
            {t('dashboard.visitsLink')} →
          </Anchor>
          <Downloads campaignId={campaignId} filters={filters} visits={kpis.data?.n} />
        </Group>
      </Group>
      <FilterBar campaign={campaign.data} filters={filters} onChange={setFilters} />
      {kpis.isPending ? (
        <Loading />
      ) : kpis.isError ? (
        <ErrorState error={kpis.error} onRetry={() => void kpis.refetch()} />
      ) : (
        <div aria-busy={kpis.isFetching} data-testid="dashboard" data-loaded={kpis.isFetching ? 'no' : 'yes'}>
          {kpis.isFetching && (
            <Group gap="xs" mb="xs" role="status">
              <Loader size="xs" aria-hidden />
              <Text size="sm" c="dimmed">
                {t('common.loading')}
              </Text>
            </Group>
          )}
          {kpis.data.n === 0 ? <Empty>{t('dashboard.noVisits')}</Empty> : <Results model={kpis.data} />}
        </div>
      )}
    </Stack>
  );
}

function Results({ model }: { model: KpiModel }) {
  const { t } = useTranslation();
  const labels = useReportLabels();
  const format = useFormat();
  const style = useChartStyle();
  const sectionTitles = useMemo(() => new Map(model.sections.map((section) => [section.key, section.title])), [model]);
  const questionTexts = useMemo(() => new Map(model.questions.map((question) => [question.key, question.text])), [model]);
  const charts = useMemo(
    () => ({
      sections: sectionsChart(model, labels, style),
      dimensions: dimensionsChart(model, labels, style),
      channels: channelsChart(model, labels, style),
      regions: regionsChart(model, labels, style),
      trend: trendChart(model, labels, style),
      distribution: distributionChart(model, labels, style),
    }),
    [model, labels, style],
  );
  const { overall, trend } = model;
  const scoredSections = model.sections.filter((section) => section.mean !== null);
  const ranking = [...model.touchpoints].sort((a, b) => (b.mean ?? -1) - (a.mean ?? -1));
  const scoredQuestions = model.questions.filter((question) => question.compliance !== null);

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, md: 3, lg: 5 }} spacing="sm">
        <Tile
          testId="tile-overall"
          label={labels.overallScore}
          value={<Figure kpi="overall.mean" format="decimal" value={overall.mean} />}
          note={
            <>
              {overall.ci95 ? (
                <>
                  {labels.ci95} <Figure kpi="overall.ci95[0]" format="decimal" value={overall.ci95[0]} /> –{' '}
                  <Figure kpi="overall.ci95[1]" format="decimal" value={overall.ci95[1]} />
                </>
              ) : (
                labels.notEnoughData
              )}
              <br />
              {overall.target !== undefined ? (
                <>
                  {labels.target} <Figure kpi="overall.target" format="decimal" value={overall.target} /> ·{' '}
                  <Text span inherit c={overall.met ? '#2E7D32' : '#C0392B'} fw={600}>
                    {overall.met ? labels.targetMet : labels.targetNotMet}
                  </Text>
                </>
              ) : (
                labels.noTarget
              )}
            </>
          }
        />
        <Tile
          testId="tile-fcr"
          label={labels.fcr}
          value={<Figure kpi="fcr.rate" format="percent" value={model.fcr.rate} />}
          note={
            <>
              n = <Figure kpi="fcr.n" format="integer" value={model.fcr.n} />
            </>
          }
        />
        <Tile
          testId="tile-knockout"
          label={labels.knockoutRate}
          value={<Figure kpi="knockoutRate" format="percent" value={model.knockoutRate} />}
          note={
            <>
              n = <Figure kpi="n" format="integer" value={model.n} />
            </>
          }
        />
        <Tile
          testId="tile-consistency"
          label={labels.consistencyIndex}
          value={<Figure kpi="consistency.index" format="decimal" value={model.consistency.index} />}
          note={
            model.consistency.index === null ? (
              labels.consistencyNeedsTwoChannels
            ) : (
              <>
                {labels.spread}: <Figure kpi="consistency.spread" format="decimal" value={model.consistency.spread} /> {labels.points}
              </>
            )
          }
        />
        <Tile
          testId="tile-change"
          label={labels.vsPreviousWave}
          value={trend ? <ChangeText value={trend.overall.change} kpi="trend.overall.change" /> : '—'}
          note={
            trend ? (
              <>
                {t('dashboard.vsPrevious', { name: trend.previousCampaignName })}
                <br />
                {trend.overall.significant === null ? (
                  labels.notEnoughData
                ) : (
                  <>
                    <Text span inherit fw={600} data-testid="significance">
                      {trend.overall.significant ? labels.significant : labels.notSignificant}
                    </Text>{' '}
                    (p = <Figure kpi="trend.overall.pValue" format="pValue" value={trend.overall.pValue} />)
                  </>
                )}
              </>
            ) : (
              labels.noPreviousWave
            )
          }
        />
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section id="priorities" title={labels.topPriorities}>
          {model.recommendations.length === 0 ? (
            <Text c="dimmed">{labels.noRecommendations}</Text>
          ) : (
            <List type="ordered" spacing="sm">
              {model.recommendations.slice(0, 5).map((item) => (
                <List.Item key={item.questionKey} data-question={item.questionKey}>
                  <Text fw={600} size="sm">
                    {item.text}
                  </Text>
                  <Text size="sm" c="gray.7">
                    {labels.compliance}:{' '}
                    <Figure kpi={`recommendations[questionKey=${item.questionKey}].compliance`} format="percent" value={item.compliance} />{' '}
                    · {labels.impact}:{' '}
                    <Figure kpi={`recommendations[questionKey=${item.questionKey}].impact`} format="decimal" value={item.impact} />
                  </Text>
                  {item.recommendation && (
                    <Text size="sm" mt={2}>
                      <Text span inherit fw={600}>
                        {t('dashboard.advice')}:
                      </Text>{' '}
                      {item.recommendation}
                    </Text>
                  )}
                </List.Item>
              ))}
            </List>
          )}
        </Section>
        <Section id="strengths" title={labels.topStrengths}>
          {model.strengths.length === 0 ? (
            <Text c="dimmed">{labels.noData}</Text>
          ) : (
            <List type="ordered" spacing="sm">
              {model.strengths.slice(0, 5).map((item) => (
                <List.Item key={item.questionKey}>
                  <Text fw={600} size="sm">
                    {item.text}
                  </Text>
                  <Text size="sm" c="gray.7">
                    {labels.compliance}:{' '}
                    <Figure kpi={`strengths[questionKey=${item.questionKey}].compliance`} format="percent" value={item.compliance} />
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
        </Section>
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section id="sections" title={labels.scoresBySection} description={t('dashboard.chartSummary')}>
          <EChart option={charts.sections} height={barsHeight(scoredSections.length)} label={labels.scoresBySection} />
          <ScoreTable
            head={[labels.section, labels.weight, labels.n, labels.score]}
            rows={scoredSections.map((section) => ({
              key: section.key,
              cells: [
                section.title,
                <Figure key="w" kpi={`sections[key=${section.key}].weight`} format="decimal" value={section.weight} />,
                <Figure key="n" kpi={`sections[key=${section.key}].n`} format="integer" value={section.n} />,
                <Figure key="m" kpi={`sections[key=${section.key}].mean`} format="decimal" value={section.mean} />,
              ],
            }))}
          />
        </Section>
        <Section id="dimensions" title={labels.dimensions} description={t('dashboard.chartSummary')}>
          <EChart option={charts.dimensions} height={barsHeight(model.dimensions.length)} label={labels.dimensions} />
          <ScoreTable
            head={[labels.dimension, labels.n, labels.score]}
            rows={model.dimensions.map((dimension) => ({
              key: dimension.key,
              cells: [
                dimensionName(labels, dimension.key),
                <Figure key="n" kpi={`dimensions[key=${dimension.key}].n`} format="integer" value={dimension.n} />,
                <Figure key="m" kpi={`dimensions[key=${dimension.key}].mean`} format="decimal" value={dimension.mean} />,
              ],
            }))}
          />
        </Section>
        <Section id="channels" title={labels.scoresByChannel} description={t('dashboard.chartSummary')}>
          <EChart option={charts.channels} height={240} label={labels.scoresByChannel} />
          <ScoreTable
            head={[labels.channel, labels.n, labels.score]}
            rows={model.channels.map((channel) => ({
              key: channel.channel,
              cells: [
                channelName(labels, channel.channel),
                <Figure key="n" kpi={`channels[channel=${channel.channel}].n`} format="integer" value={channel.n} />,
                <Figure key="m" kpi={`channels[channel=${channel.channel}].mean`} format="decimal" value={channel.mean} />,
              ],
            }))}
          />
        </Section>
        <Section id="regions" title={labels.scoresByRegion} description={t('dashboard.chartSummary')}>
          <EChart option={charts.regions} height={barsHeight(model.regions.length)} label={labels.scoresByRegion} />
          <ScoreTable
            head={[labels.region, labels.n, labels.score]}
            rows={[...model.regions]
              .sort((a, b) => (b.mean ?? -1) - (a.mean ?? -1))
              .map((region) => ({
                key: region.region,
                cells: [
                  region.region,
                  <Figure key="n" kpi={`regions[region=${region.region}].n`} format="integer" value={region.n} />,
                  <Figure key="m" kpi={`regions[region=${region.region}].mean`} format="decimal" value={region.mean} />,
                ],
              }))}
          />
        </Section>
      </SimpleGrid>

      <Section
        id="trend"
        title={labels.trendBySection}
        description={trend ? t('dashboard.vsPrevious', { name: trend.previousCampaignName }) : undefined}
      >
        {!trend || !charts.trend ? (
          <Text c="dimmed">{labels.noPreviousWave}</Text>
        ) : (
          <>
            <EChart option={charts.trend} height={barsHeight(trendRows(model, labels).length * 1.6)} label={labels.trendBySection} />
            <ScoreTable
              head={[labels.section, labels.previousWave, labels.currentWave, labels.change, labels.significance]}
              rows={trendRows(model, labels).map((row) => {
                const path = row.key === 'overall' ? 'trend.overall' : `trend.sections[key=${row.key}]`;
                return {
                  key: row.key,
                  cells: [
                    row.name,
                    <Figure key="p" kpi={`${path}.previous`} format="decimal" value={row.previous} />,
                    <Figure key="c" kpi={`${path}.current`} format="decimal" value={row.current} />,
                    <Figure key="d" kpi={`${path}.change`} format="change" value={row.change} />,
                    row.significant === null ? labels.notEnoughData : row.significant ? labels.significant : labels.notSignificant,
                  ],
                };
              })}
            />
          </>
        )}
      </Section>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section id="ranking" title={labels.ranking}>
          <ScoreTable
            head={[labels.rank, labels.touchpoint, labels.channel, labels.region, labels.n, labels.score]}
            textColumns={4}
            rows={ranking.map((touchpoint, index) => ({
              key: touchpoint.id,
              cells: [
                String(index + 1),
                touchpoint.name,
                channelName(labels, touchpoint.channel),
                touchpoint.region,
                <Figure key="n" kpi={`touchpoints[id=${touchpoint.id}].n`} format="integer" value={touchpoint.n} />,
                <Figure key="m" kpi={`touchpoints[id=${touchpoint.id}].mean`} format="decimal" value={touchpoint.mean} />,
              ],
            }))}
          />
        </Section>
        <Section id="distribution" title={labels.scoreDistribution} description={t('dashboard.chartSummary')}>
          <EChart option={charts.distribution} height={260} label={labels.scoreDistribution} />
          <ScoreTable
            head={[labels.scoreAxis, labels.visitsAxis]}
            rows={model.distribution.map((bin) => ({
              key: `${bin.from}`,
              cells: [
                `${bin.from}–${bin.to}`,
                <Figure key="c" kpi={`distribution[from=${bin.from}].count`} format="integer" value={bin.count} />,
              ],
            }))}
          />
        </Section>
      </SimpleGrid>

      <Section id="timing" title={labels.timingAndFcr}>
        {model.timing.length === 0 ? (
          <Text c="dimmed">{t('dashboard.noTiming')}</Text>
        ) : (
          <ScoreTable
            head={[labels.channel, labels.metric, labels.n, labels.median, labels.p90, labels.sla, labels.slaCompliance]}
            textColumns={2}
            rows={model.timing.map((row) => {
              const path = `timing[channel=${row.channel},metric=${row.metric}]`;
              return {
                key: `${row.channel}-${row.metric}`,
                cells: [
                  channelName(labels, row.channel),
                  row.metric === 'wait_time' ? labels.waitTime : labels.responseTime,
                  <Figure key="n" kpi={`${path}.n`} format="integer" value={row.n} />,
                  <Figure key="md" kpi={`${path}.median`} format="duration" value={row.median} />,
                  <Figure key="p" kpi={`${path}.p90`} format="duration" value={row.p90} />,
                  <Figure key="s" kpi={`${path}.slaSeconds`} format="duration" value={row.slaSeconds} />,
                  <Figure key="c" kpi={`${path}.slaCompliance`} format="percent" value={row.slaCompliance} />,
                ],
              };
            })}
          />
        )}
      </Section>

      <Section id="questions" title={labels.questionCompliance}>
        <ScoreTable
          head={[labels.question, labels.section, labels.n, labels.compliance]}
          textColumns={2}
          rows={scoredQuestions.map((question) => ({
            key: question.key,
            cells: [
              question.text,
              sectionTitles.get(question.sectionKey) ?? question.sectionKey,
              <Figure key="n" kpi={`questions[key=${question.key}].n`} format="integer" value={question.n} />,
              <Figure key="c" kpi={`questions[key=${question.key}].compliance`} format="percent" value={question.compliance} />,
            ],
          }))}
        />
      </Section>

      <Section id="comments" title={labels.comments}>
        <Stack gap="md">
          <ThemesTable comments={model.comments} />
          <div>
            <Title order={3} size="h5" mb="xs">
              {labels.topTerms}
            </Title>
            {model.comments.topTerms.length === 0 ? (
              <Text c="dimmed">{labels.noComments}</Text>
            ) : (
              <Group gap={6}>
                {model.comments.topTerms.map((term) => (
                  <Badge key={term.term} color="navy.7" size="lg" tt="none" data-term={term.term}>
                    {term.term} · <Figure kpi={`comments.topTerms[term=${term.term}].count`} format="integer" value={term.count} />
                  </Badge>
                ))}
              </Group>
            )}
          </div>
          {model.comments.failedQuestionVerbatims.length > 0 && (
            <div>
              <Title order={3} size="h5" mb="xs">
                {labels.failedQuestionVerbatims}
              </Title>
              <Stack gap="sm">
                {model.comments.failedQuestionVerbatims.slice(0, 4).map((group) => (
                  <div key={group.questionKey}>
                    <Text size="sm" fw={600}>
                      {questionTexts.get(group.questionKey) ?? group.questionKey}
                    </Text>
                    <List size="sm" spacing={2}>
                      {group.items.slice(0, 2).map((item, index) => (
                        <List.Item key={`${item.visitId}-${index}`}>
                          <Text span inherit fs="italic">
                            “{item.text}”
                          </Text>{' '}
                          <Anchor component={Link} to={`/portal/visits/${item.visitId}`} size="xs">
                            {t('visits.open')}
                          </Anchor>
                        </List.Item>
                      ))}
                    </List>
                  </div>
                ))}
              </Stack>
            </div>
          )}
          {model.comments.bySection.length > 0 && (
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              {model.comments.bySection.map((group) => (
                <div key={group.sectionKey}>
                  <Title order={3} size="h5" mb="xs">
                    {sectionTitles.get(group.sectionKey) ?? (group.sectionKey === 'narrative' ? labels.narrative : group.sectionKey)}
                  </Title>
                  <List size="sm" spacing={4}>
                    {group.items.slice(0, 4).map((item, index) => (
                      <List.Item key={`${item.visitId}-${index}`}>
                        <Badge size="xs" color={item.sentiment === 'positive' ? '#2E7D32' : '#C0392B'} mr={6}>
                          {item.sentiment === 'positive' ? labels.positive : labels.negative}
                        </Badge>
                        <Badge
                          size="xs"
                          variant="outline"
                          color={POLARITY_COLOR[item.polarity]}
                          tt="none"
                          mr={6}
                          data-polarity={item.polarity}
                        >
                          {labels.polarity}: {polarityLabel(labels, item.polarity)}
                        </Badge>
                        {item.text}
                      </List.Item>
                    ))}
                  </List>
                </div>
              ))}
            </SimpleGrid>
          )}
        </Stack>
      </Section>
      <Text size="xs" c="dimmed">
        {labels.visits}: {format.integer(model.n)} · {labels.generatedOn} {format.dateTime(model.generatedAt)}
      </Text>
    </Stack>
  );
}

/** A table of figures: the first `textColumns` columns are names (left), the rest numbers (right). */
function ScoreTable({
  head,
  rows,
  textColumns = 1,
}: {
  head: string[];
  rows: Array<{ key: string; cells: React.ReactNode[] }>;
  textColumns?: number;
}) {
  return (
    <ScrollBox>
      <Table striped verticalSpacing={4} fz="sm" mt="xs">
        <Table.Thead>
          <Table.Tr>
            {head.map((label, index) => (
              <Table.Th key={label} scope="col" ta={index < textColumns ? 'left' : 'right'}>
                {label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              {row.cells.map((cell, index) => (
                <Table.Td key={index} ta={index < textColumns ? 'left' : 'right'} className={index < textColumns ? undefined : 'tabular'}>
                  {cell}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollBox>
  );
}
