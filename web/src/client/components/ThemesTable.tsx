// The qualitative analysis of a campaign's comments (GET /kpis comments.themes): each theme with the share
// of analysed visits that mention it, the tone of those visits, its change against the previous wave and
// the score of the visits that criticise it; then, theme by theme, its representative verbatims.
import { Anchor, Badge, Box, List, Stack, Table, Text, Title } from '@mantine/core';
import type { ReportLabels } from '@server/exports/i18n';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { KpiModel } from '../../shared/api/queries';
import { useReportLabels } from '../../shared/i18n';
import { ScrollBox } from '../../shared/layout/ScrollBox';
import { Figure } from './Figure';

type Comments = KpiModel['comments'];
type Polarity = Comments['themes'][number]['verbatims'][number]['polarity'];

const POSITIVE = '#2E7D32';
const NEGATIVE = '#C0392B';
export const POLARITY_COLOR: Record<Polarity, string> = { positive: POSITIVE, negative: NEGATIVE, neutral: 'gray.7' };

/** A text's tone (from its words) in the report's language. */
export const polarityLabel = (labels: ReportLabels, polarity: Polarity): string =>
  polarity === 'positive' ? labels.positive : polarity === 'negative' ? labels.negative : labels.neutral;

export function ThemesTable({ comments }: { comments: Comments }) {
  const { t } = useTranslation();
  const labels = useReportLabels();
  const withVerbatims = comments.themes.filter((theme) => theme.verbatims.length > 0);

  return (
    <div data-testid="themes">
      <Title order={3} size="h5" mb={2}>
        {labels.themes}
      </Title>
      <Text size="sm" c="dimmed">
        {t('dashboard.themesAnalysedVisits')}: <Figure kpi="comments.analysedVisits" format="integer" value={comments.analysedVisits} />
      </Text>
      {comments.themes.length === 0 ? (
        <Text c="dimmed" size="sm" mt="xs">
          {labels.noThemes}
        </Text>
      ) : (
        <>
          <ScrollBox label={labels.themes}>
            <Table striped verticalSpacing={4} fz="sm" mt="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{labels.theme}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {labels.mentions}
                  </Table.Th>
                  <Table.Th scope="col">
                    {labels.positive} / {labels.negative}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {labels.trend}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {labels.scoreWhenCriticised}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {labels.scoreOthers}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {comments.themes.map((theme) => {
                  const path = `comments.themes[key=${theme.key}]`;
                  return (
                    <Table.Tr key={theme.key} data-theme={theme.key}>
                      <Table.Th scope="row" fw={600}>
                        {theme.label}
                      </Table.Th>
                      <Table.Td ta="right" className="tabular">
                        <Figure kpi={`${path}.share`} format="percent" value={theme.share} />
                      </Table.Td>
                      <Table.Td>
                        <ToneBar positive={theme.positive} negative={theme.negative} />{' '}
                        <Text span inherit c={POSITIVE} fw={600}>
                          <Figure kpi={`${path}.positive`} format="integer" value={theme.positive} />
                        </Text>
                        {' / '}
                        <Text span inherit c={NEGATIVE} fw={600}>
                          <Figure kpi={`${path}.negative`} format="integer" value={theme.negative} />
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {theme.change === undefined ? (
                          <Text span inherit c="dimmed">
                            {labels.noPreviousWave}
                          </Text>
                        ) : (
                          <>
                            <span aria-hidden>{theme.change > 0 ? '↑' : theme.change < 0 ? '↓' : '→'} </span>
                            <Figure kpi={`${path}.change`} format="change" value={theme.change} /> {labels.pointsAbbr}
                            <Text size="xs" c="dimmed" data-significant={theme.significant ? 'yes' : 'no'}>
                              {theme.significant ? labels.significant : labels.notSignificant}
                              {theme.pValue !== undefined && (
                                <>
                                  {' '}
                                  (p = <Figure kpi={`${path}.pValue`} format="pValue" value={theme.pValue} />)
                                </>
                              )}
                            </Text>
                          </>
                        )}
                      </Table.Td>
                      <Table.Td ta="right">
                        <Figure kpi={`${path}.meanScoreNegative`} format="decimal" value={theme.meanScoreNegative} />
                      </Table.Td>
                      <Table.Td ta="right">
                        <Figure kpi={`${path}.meanScoreOther`} format="decimal" value={theme.meanScoreOther} />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollBox>
          {withVerbatims.length > 0 && (
            <Box mt="sm">
              <Title order={4} size="h6" mb="xs">
                {labels.themeVerbatims}
              </Title>
              <Stack gap="sm">
                {withVerbatims.map((theme) => (
                  <div key={theme.key} data-theme-verbatims={theme.key}>
                    <Text size="sm" fw={600}>
                      {theme.label}
                    </Text>
                    <List size="sm" spacing={2}>
                      {theme.verbatims.map((verbatim, index) => (
                        <List.Item key={`${verbatim.visitId ?? ''}-${index}`} data-verbatim data-polarity={verbatim.polarity}>
                          <Badge size="xs" color={POLARITY_COLOR[verbatim.polarity]} mr={6}>
                            {polarityLabel(labels, verbatim.polarity)}
                          </Badge>
                          <Text span inherit fs="italic" data-verbatim-text>
                            “{verbatim.text}”
                          </Text>
                          {verbatim.visitId && (
                            <>
                              {' '}
                              <Anchor component={Link} to={`/portal/visits/${verbatim.visitId}`} size="xs">
                                {t('visits.open')}
                              </Anchor>
                            </>
                          )}
                        </List.Item>
                      ))}
                    </List>
                  </div>
                ))}
              </Stack>
            </Box>
          )}
        </>
      )}
    </div>
  );
}

/** Positive against negative visits as a two-colour bar; the numbers beside it (and its label) say the same in text. */
function ToneBar({ positive, negative }: { positive: number; negative: number }) {
  const { t } = useTranslation();
  const total = positive + negative;
  const positiveWidth = total === 0 ? 0 : (positive / total) * 100;
  return (
    <span
      role="img"
      aria-label={t('dashboard.toneBar', { positive, negative })}
      style={{
        display: 'inline-flex',
        width: 56,
        height: 8,
        verticalAlign: 'middle',
        borderRadius: 2,
        overflow: 'hidden',
        background: total === 0 ? '#dee2e6' : undefined,
      }}
    >
      {total > 0 && (
        <>
          <span style={{ width: `${positiveWidth}%`, background: POSITIVE }} />
          <span style={{ width: `${100 - positiveWidth}%`, background: NEGATIVE }} />
        </>
      )}
    </span>
  );
}
