// One wave of an omnichannel program, from GET /programs/:id/waves/:waveId/kpis with the filters in the URL:
// the omnichannel report's headline, heatmap, measures, channels, priorities and action plan on one page,
// each chart beside the table of its figures. Figures carry data-kpi paths into the model (Figure.tsx).
import { Anchor, Group, Loader, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { channelName } from '@server/exports/i18n';
import { measureTitle, programLabelsFor } from '@server/exports/program/i18n';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useProgram, useProgramKpis, useProgramWaves, type ProgramModel } from '../../shared/api/queries';
import { EChart } from '../../shared/charts/EChart';
import { useFormat } from '../../shared/format/format';
import { useLanguage, useReportLabels } from '../../shared/i18n';
import { ScrollBox } from '../../shared/layout/ScrollBox';
import { Empty, ErrorState, Loading } from '../../shared/layout/states';
import { ChangeText } from '../components/ChangeText';
import { Downloads } from '../components/Downloads';
import { Figure } from '../components/Figure';
import { Section } from '../components/Section';
import { Tile } from '../components/Tile';
import { ActionPlan } from './ActionPlan';
import { heatmapCells, heatmapHeight, heatmapOption } from './heatmap';
import { ProgramFilterBar, useProgramFilters } from './ProgramFilterBar';
import { Priorities } from './Priorities';
import { Significance } from './Significance';

export default function ProgramWavePage() {
  const { programId = '', waveId = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [filters, setFilters] = useProgramFilters();
  const program = useProgram(programId);
  const waves = useProgramWaves(programId);
  const kpis = useProgramKpis(programId, waveId, filters);
  const words = programLabelsFor(useLanguage());

  if (program.isPending) return <Loading />;
  if (program.isError) return <ErrorState error={program.error} onRetry={() => void program.refetch()} />;
  const reportPath = `/programs/${programId}/waves/${waveId}/report`;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Anchor component={Link} to="/portal" size="sm">
            ← {t('programs.backToList')}
          </Anchor>
          <Title order={1} mt={4}>
            {program.data.name}
          </Title>
          <Text c="dimmed" size="sm">
            {kpis.data?.program.clientName}
            {kpis.data && (
              <>
                {' · '}
                {kpis.data.wave.name}
                {' · '}
                <span data-testid="visits-counted">{t('programs.visitsCounted', { n: format.integer(kpis.data.n) })}</span>
              </>
            )}
          </Text>
        </div>
        <Group gap="sm" align="flex-end" wrap="wrap">
          {waves.data && waves.data.length > 1 && (
            <Select
              label={t('programs.wave')}
              data={waves.data.map((wave) => ({ value: wave.id, label: wave.name }))}
              value={waveId}
              onChange={(value) => value && void navigate(`/portal/programs/${programId}/waves/${value}?${params.toString()}`)}
              allowDeselect={false}
              w={180}
              data-testid="wave-select"
            />
          )}
          <Downloads reportPath={reportPath} filters={filters} />
        </Group>
      </Group>
      <ProgramFilterBar clientId={program.data.clientId} filters={filters} onChange={setFilters} />
      {kpis.isPending ? (
        <Loading />
      ) : kpis.isError ? (
        <ErrorState error={kpis.error} onRetry={() => void kpis.refetch()} />
      ) : (
        <div aria-busy={kpis.isFetching} data-testid="program" data-loaded={kpis.isFetching ? 'no' : 'yes'}>
          {kpis.isFetching && (
            <Group gap="xs" mb="xs" role="status">
              <Loader size="xs" aria-hidden />
              <Text size="sm" c="dimmed">
                {t('common.loading')}
              </Text>
            </Group>
          )}
          {kpis.data.n === 0 ? <Empty>{t('programs.noVisits')}</Empty> : <Results model={kpis.data} programId={programId} words={words} />}
        </div>
      )}
    </Stack>
  );
}

function Results({ model, programId, words }: { model: ProgramModel; programId: string; words: ReturnType<typeof programLabelsFor> }) {
  const { t } = useTranslation();
  const labels = useReportLabels();
  const format = useFormat();
  const narrow = useMediaQuery('(max-width: 48em)') ?? false;
  const channel = (key: string) => channelName(labels, key);
  const heatmap = useMemo(
    () => heatmapOption(model, format, labels, { n: labels.n, notMeasured: words.notMeasured }, narrow),
    [model, format, labels, words, narrow],
  );
  const cells = heatmapCells(model);
  const { consistency, trend } = model;
  const ranked = [...model.channels].sort((a, b) => (b.mean ?? -1) - (a.mean ?? -1));
  const rankOf = new Map(model.ranking.map((item) => [item.channel, item.rank]));

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <Tile
          testId="tile-consistency"
          label={words.consistencyIndex}
          value={<Figure kpi="consistency.index" format="decimal" value={consistency.index} />}
          note={
            consistency.index === null ? (
              words.needsTwoChannels
            ) : (
              <>
                {words.spread}: <Figure kpi="consistency.spread" format="decimal" value={consistency.spread} /> {labels.points}
              </>
            )
          }
        />
        <Tile
          testId="tile-overall"
          label={t('programs.overall')}
          value={<Figure kpi="overall.mean" format="decimal" value={model.overall.mean} />}
          note={
            model.overall.ci95 ? (
              <>
                {labels.ci95} <Figure kpi="overall.ci95[0]" format="decimal" value={model.overall.ci95[0]} /> –{' '}
                <Figure kpi="overall.ci95[1]" format="decimal" value={model.overall.ci95[1]} />
              </>
            ) : (
              labels.notEnoughData
            )
          }
        />
        <Tile
          testId="tile-channel-test"
          label={t('programs.channelTest')}
          value={
            // Words, not a figure: a smaller size so they fit a phone's half-width tile.
            <Text span inherit fz={{ base: 18, sm: 22 }} style={{ overflowWrap: 'anywhere' }} data-testid="channel-test">
              {model.channelTest === null ? '—' : model.channelTest.significant ? words.channelsDiffer : words.channelsDoNotDiffer}
            </Text>
          }
          note={
            model.channelTest ? (
              <>
                {words.testNames[model.channelTest.name]} · p ={' '}
                <Figure kpi="channelTest.pValue" format="pValue" value={model.channelTest.pValue} />
              </>
            ) : (
              t('programs.noTest')
            )
          }
        />
        <Tile
          testId="tile-consistency-change"
          label={words.consistencyChange}
          value={trend ? <ChangeText value={trend.consistency.change} kpi="trend.consistency.change" /> : '—'}
          note={
            trend ? (
              <>
                {words.previousWave}: {trend.previousWaveName} (
                <Figure kpi="trend.consistency.previous" format="decimal" value={trend.consistency.previous} />)
              </>
            ) : (
              labels.noPreviousWave
            )
          }
        />
      </SimpleGrid>

      <Section id="channels" title={words.channelScores} description={words.channelScoresCaption}>
        <ScrollBox label={words.channelScores}>
          <Table verticalSpacing="xs" striped data-testid="channel-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" ta="right">
                  {words.rank}
                </Table.Th>
                <Table.Th scope="col">{labels.channel}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {labels.n}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {labels.score}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {labels.ci95}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {words.share}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ranked.map((item) => {
                const path = `channels[channel=${item.channel}]`;
                return (
                  <Table.Tr key={item.channel} data-channel={item.channel}>
                    <Table.Td ta="right" className="tabular">
                      {rankOf.has(item.channel) ? (
                        <Figure kpi={`ranking[channel=${item.channel}].rank`} format="integer" value={rankOf.get(item.channel)} />
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Th scope="row" fw={600}>
                      {channel(item.channel)}
                    </Table.Th>
                    <Table.Td ta="right">
                      <Figure kpi={`${path}.n`} format="integer" value={item.n} />
                    </Table.Td>
                    <Table.Td ta="right" fw={600}>
                      <Figure kpi={`${path}.mean`} format="decimal" value={item.mean} />
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {item.ci95 ? (
                        <>
                          <Figure kpi={`${path}.ci95[0]`} format="decimal" value={item.ci95[0]} /> –{' '}
                          <Figure kpi={`${path}.ci95[1]`} format="decimal" value={item.ci95[1]} />
                        </>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td ta="right">
                      <Figure kpi={`${path}.share`} format="percent" value={item.share} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollBox>
      </Section>

      <Section id="heatmap" title={words.heatmapTitle} description={words.heatmapCaption}>
        <div data-testid="heatmap-chart">
          <EChart option={heatmap} height={heatmapHeight(model)} label={words.heatmapTitle} />
        </div>
        <ScrollBox label={t('programs.heatmapTable')}>
          <Table verticalSpacing={4} fz="sm" data-testid="heatmap-table">
            <caption className="sr-only">{t('programs.heatmapTable')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{words.measure}</Table.Th>
                {model.channels.map((item) => (
                  <Table.Th scope="col" ta="right" key={item.channel}>
                    {channel(item.channel)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {model.measures.map((measure) => (
                <Table.Tr key={measure.key} data-measure={measure.key}>
                  <Table.Th scope="row" fw={500}>
                    {measureTitle(measure, labels)}
                  </Table.Th>
                  {cells
                    .filter((cell) => cell.measureKey === measure.key)
                    .map((cell) =>
                      cell.compliance === null && cell.n === null ? (
                        <Table.Td
                          key={cell.channel}
                          ta="right"
                          c="dimmed"
                          data-cell={cell.channel}
                          data-absent="yes"
                          title={words.notMeasured}
                        >
                          <span aria-label={words.notMeasured}>—</span>
                        </Table.Td>
                      ) : (
                        <Table.Td key={cell.channel} ta="right" data-cell={cell.channel} style={{ whiteSpace: 'nowrap' }}>
                          <Figure
                            kpi={`measures[key=${measure.key}].channels[channel=${cell.channel}].compliance`}
                            format="decimal"
                            value={cell.compliance}
                          />{' '}
                          <Text span size="xs" c="dimmed">
                            (n{' '}
                            <Figure
                              kpi={`measures[key=${measure.key}].channels[channel=${cell.channel}].n`}
                              format="integer"
                              value={cell.n}
                            />
                            )
                          </Text>
                        </Table.Td>
                      ),
                    )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollBox>
      </Section>

      <Section id="measures" title={words.measuresTitle}>
        <ScrollBox label={words.measuresTitle}>
          <Table verticalSpacing="xs" striped fz="sm" data-testid="measure-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{words.measure}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {words.consistencyIndex}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {words.spread}
                </Table.Th>
                <Table.Th scope="col">{words.weakestChannel}</Table.Th>
                <Table.Th scope="col">{words.test}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {model.measures.map((measure) => {
                const path = `measures[key=${measure.key}]`;
                return (
                  <Table.Tr key={measure.key} data-measure={measure.key}>
                    <Table.Th scope="row" fw={500}>
                      {measureTitle(measure, labels)}
                      <Text size="xs" c="dimmed">
                        {words.kind[measure.kind]}
                      </Text>
                    </Table.Th>
                    <Table.Td ta="right">
                      <Figure kpi={`${path}.consistency.index`} format="decimal" value={measure.consistency.index} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Figure kpi={`${path}.consistency.spread`} format="decimal" value={measure.consistency.spread} />
                    </Table.Td>
                    <Table.Td data-field="weakest">{measure.weakestChannel ? channel(measure.weakestChannel) : '—'}</Table.Td>
                    <Table.Td data-field="test">
                      {measure.test ? (
                        <Significance
                          significant={measure.test.significant}
                          pValue={measure.test.pValue}
                          kpi={`${path}.test.pValue`}
                          testName={words.testNames[measure.test.name]}
                        />
                      ) : (
                        <Text span size="sm" c="dimmed">
                          {t('programs.noTest')}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollBox>
      </Section>

      <Section id="timing" title={labels.timingAndFcr}>
        <ScrollBox label={labels.timingAndFcr}>
          <Table verticalSpacing="xs" striped fz="sm" data-testid="timing-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{labels.channel}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {labels.fcrRate}
                </Table.Th>
                <Table.Th scope="col">{labels.metric}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {labels.median}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {labels.p90}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {labels.sla}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {labels.slaCompliance}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {model.channels.map(({ channel: key }) => {
                const fcr = model.fcr.find((item) => item.channel === key);
                const timings = model.timing.filter((item) => item.channel === key);
                const rows = timings.length ? timings : [null];
                return rows.map((timing, index) => {
                  const path = timing ? `timing[channel=${key},metric=${timing.metric}]` : '';
                  return (
                    <Table.Tr key={`${key}-${timing?.metric ?? 'none'}`} data-channel={key}>
                      {index === 0 && (
                        <>
                          <Table.Th scope="row" rowSpan={rows.length} fw={600}>
                            {channel(key)}
                          </Table.Th>
                          <Table.Td ta="right" rowSpan={rows.length} style={{ whiteSpace: 'nowrap' }}>
                            {fcr && fcr.rate !== null ? (
                              <>
                                <Figure kpi={`fcr[channel=${key}].rate`} format="percent" value={fcr.rate} />{' '}
                                <Text span size="xs" c="dimmed">
                                  (n <Figure kpi={`fcr[channel=${key}].n`} format="integer" value={fcr.n} />)
                                </Text>
                              </>
                            ) : (
                              '—'
                            )}
                          </Table.Td>
                        </>
                      )}
                      <Table.Td>{timing ? (timing.metric === 'wait_time' ? labels.waitTime : labels.responseTime) : '—'}</Table.Td>
                      <Table.Td ta="right">
                        {timing ? <Figure kpi={`${path}.median`} format="duration" value={timing.median} /> : '—'}
                      </Table.Td>
                      <Table.Td ta="right">{timing ? <Figure kpi={`${path}.p90`} format="duration" value={timing.p90} /> : '—'}</Table.Td>
                      <Table.Td ta="right">
                        {timing?.slaSeconds !== undefined ? (
                          <Figure kpi={`${path}.slaSeconds`} format="duration" value={timing.slaSeconds} />
                        ) : (
                          '—'
                        )}
                      </Table.Td>
                      <Table.Td ta="right">
                        {timing && timing.slaCompliance !== undefined ? (
                          <Figure kpi={`${path}.slaCompliance`} format="percent" value={timing.slaCompliance} />
                        ) : (
                          '—'
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                });
              })}
            </Table.Tbody>
          </Table>
        </ScrollBox>
      </Section>

      <Section id="trend" title={words.trendTitle} description={trend ? `${words.previousWave}: ${trend.previousWaveName}` : undefined}>
        {!trend ? (
          <Text c="dimmed">{labels.noPreviousWave}</Text>
        ) : (
          <Stack gap="md">
            <TrendTable
              title={t('programs.channelTrend')}
              rows={trend.channels.map((row) => ({
                ...row,
                key: row.channel,
                name: channel(row.channel),
                path: `trend.channels[channel=${row.channel}]`,
              }))}
              head={labels.channel}
            />
            <TrendTable
              title={t('programs.measureTrend')}
              rows={trend.measures.map((row) => {
                const measure = model.measures.find((item) => item.key === row.key);
                return { ...row, name: measure ? measureTitle(measure, labels) : row.key, path: `trend.measures[key=${row.key}]` };
              })}
              head={words.measure}
            />
          </Stack>
        )}
      </Section>

      <Priorities model={model} programId={programId} words={words} />
      <ActionPlan model={model} programId={programId} words={words} />
    </Stack>
  );
}

function TrendTable({
  title,
  head,
  rows,
}: {
  title: string;
  head: string;
  rows: Array<{
    key: string;
    name: string;
    path: string;
    previous: number | null;
    current: number | null;
    change: number | null;
    significant: boolean | null;
    pValue: number | null;
  }>;
}) {
  const { t } = useTranslation();
  const labels = useReportLabels();
  return (
    <div>
      <Title order={3} size="h5" mb={4}>
        {title}
      </Title>
      <ScrollBox label={title}>
        <Table verticalSpacing={4} fz="sm" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{head}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('programs.previous')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('programs.current')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {labels.change}
              </Table.Th>
              <Table.Th scope="col">{labels.significance}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key}>
                <Table.Th scope="row" fw={500}>
                  {row.name}
                </Table.Th>
                <Table.Td ta="right">
                  <Figure kpi={`${row.path}.previous`} format="decimal" value={row.previous} />
                </Table.Td>
                <Table.Td ta="right">
                  <Figure kpi={`${row.path}.current`} format="decimal" value={row.current} />
                </Table.Td>
                <Table.Td ta="right">
                  <ChangeText value={row.change} kpi={`${row.path}.change`} />
                </Table.Td>
                <Table.Td>
                  <Significance significant={row.significant} pValue={row.pValue} kpi={`${row.path}.pValue`} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollBox>
    </div>
  );
}
