// One approved visit as the client sees it: where and when, the score, answers by section with their
// points, the narrative and the evidence — never who made it (the API sends no shopper identity to
// client users). Client users can appeal the visit or one answer and follow the appeal's state.
import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { channelName } from '@server/exports/i18n';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAppeals, useCampaign, useKpis, useVisit, type Report } from '../../shared/api/queries';
import { useSession } from '../../shared/auth/RequireAuth';
import { useFormat, type Formatters } from '../../shared/format/format';
import { useReportLabels } from '../../shared/i18n';
import { ScrollBox } from '../../shared/layout/ScrollBox';
import { ErrorState, Loading } from '../../shared/layout/states';
import { AppealDialog } from '../components/AppealDialog';
import { EvidenceList } from '../components/EvidenceList';
import { Section } from '../components/Section';

type Answer = Report['answers'][number];

function answerText(answer: Answer, type: string | undefined, format: Formatters, t: (key: string) => string): string {
  if (answer.na) return t('visit.notApplicable');
  const value = answer.value;
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'number')
    return type === 'duration' ? format.duration(value) : format.decimal(value, Number.isInteger(value) ? 0 : 1);
  if (Array.isArray(value)) return value.join(', ');
  return value;
}

export default function VisitPage() {
  const { visitId = '' } = useParams();
  const { t } = useTranslation();
  const session = useSession();
  const isClient = session?.user.role === 'client';
  const visit = useVisit(visitId);
  const campaignId = visit.data?.campaignId ?? '';
  const campaign = useCampaign(campaignId);
  const model = useKpis(campaignId, {});
  const appeals = useAppeals(Boolean(visit.data) && session?.user.role !== 'admin');
  const [appealing, setAppealing] = useState<{ key: string; text: string } | null | undefined>(undefined);
  const [sent, setSent] = useState(false);

  if (visit.isPending) return <Loading />;
  if (visit.isError) return <ErrorState error={visit.error} onRetry={() => void visit.refetch()} />;
  const report = visit.data;
  const visitAppeals = (appeals.data ?? []).filter((appeal) => appeal.visitReportId === report.id);

  return (
    <Stack gap="md">
      <VisitHeader
        report={report}
        campaignName={campaign.data?.name}
        scenarioTitle={campaign.data?.scenarios.find((s) => s.key === report.scenarioKey)?.title}
      />
      {sent && (
        <Alert
          color="green"
          role="status"
          data-testid="appeal-sent"
          withCloseButton
          onClose={() => setSent(false)}
          closeButtonLabel={t('common.close')}
        >
          {t('visit.sent')}
        </Alert>
      )}
      <Section id="appeals" title={t('visit.appeals')}>
        {appeals.isError ? (
          <ErrorState error={appeals.error} onRetry={() => void appeals.refetch()} />
        ) : visitAppeals.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('visit.noAppeals')}
          </Text>
        ) : (
          <AppealTable
            appeals={visitAppeals}
            questionText={(key) => model.data?.questions.find((question) => question.key === key)?.text ?? key}
          />
        )}
        <Group mt="sm">
          {isClient ? (
            <Button variant="light" color="#C0392B" onClick={() => setAppealing(null)} data-testid="appeal-visit">
              {t('visit.appealVisit')}
            </Button>
          ) : (
            <Text size="sm" c="dimmed">
              {t('visit.staffCannotAppeal')}
            </Text>
          )}
        </Group>
      </Section>
      <Section id="narrative" title={t('visit.narrative')}>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="narrative">
          {report.narrative || t('visit.noNarrative')}
        </Text>
      </Section>
      {model.isError ? (
        <ErrorState error={model.error} onRetry={() => void model.refetch()} />
      ) : model.isPending ? (
        <Loading />
      ) : (
        <Answers report={report} model={model.data} onAppeal={isClient ? (subject) => setAppealing(subject) : undefined} />
      )}
      <Section id="evidence" title={t('visit.evidence')}>
        <EvidenceList visitId={report.id} />
      </Section>
      {appealing !== undefined && (
        <AppealDialog
          visitId={report.id}
          subject={appealing}
          onClose={() => {
            setAppealing(undefined);
          }}
          onFiled={() => setSent(true)}
        />
      )}
    </Stack>
  );
}

function VisitHeader({ report, campaignName, scenarioTitle }: { report: Report; campaignName?: string; scenarioTitle?: string }) {
  const { t } = useTranslation();
  const labels = useReportLabels();
  const format = useFormat();
  const facts: Array<[string, string]> = [
    [
      labels.touchpoint,
      `${report.touchpoint.name} · ${channelName(labels, report.touchpoint.channel)} · ${report.touchpoint.region}${report.touchpoint.city ? ` (${report.touchpoint.city})` : ''}`,
    ],
    [labels.scenario, scenarioTitle ?? report.scenarioKey ?? '—'],
    [labels.score, format.decimal(report.score)],
    [labels.knockout, report.knockout ? t('common.yes') : t('common.no')],
  ];
  if (report.waitSeconds !== null) facts.push([t('visit.wait'), format.duration(report.waitSeconds)]);
  if (report.responseSeconds !== null) facts.push([t('visit.response'), format.duration(report.responseSeconds)]);
  if (report.fcr !== null) facts.push([t('visit.fcr'), report.fcr ? t('common.yes') : t('common.no')]);
  return (
    <div>
      <Anchor component={Link} to={`/portal/campaigns/${report.campaignId}/visits`} size="sm">
        ← {t('visit.backToVisits')}
        {campaignName ? ` · ${campaignName}` : ''}
      </Anchor>
      <Title order={1} mt={4}>
        {t('visit.title', { date: format.dateTime(report.visitedAt) })}
      </Title>
      <Paper withBorder p="md" mt="sm">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" component="dl" m={0}>
          {facts.map(([label, value]) => (
            <div key={label}>
              <Text component="dt" size="xs" c="dimmed" fw={600}>
                {label}
              </Text>
              <Text component="dd" m={0} fw={label === labels.score ? 700 : 400} data-fact={label}>
                {value}
              </Text>
            </div>
          ))}
        </SimpleGrid>
      </Paper>
    </div>
  );
}

function Answers({
  report,
  model,
  onAppeal,
}: {
  report: Report;
  model: NonNullable<ReturnType<typeof useKpis>['data']>;
  onAppeal?: (subject: { key: string; text: string }) => void;
}) {
  const { t } = useTranslation();
  const labels = useReportLabels();
  const format = useFormat();
  const questions = useMemo(() => new Map(model.questions.map((question) => [question.key, question])), [model]);
  const sectionTitles = new Map(model.sections.map((section) => [section.key, section.title]));
  const sectionOrder = model.sections.map((section) => section.key);
  const groups = new Map<string, Answer[]>();
  for (const answer of report.answers) groups.set(answer.sectionKey, [...(groups.get(answer.sectionKey) ?? []), answer]);
  const orderedKeys = [...groups.keys()].sort((a, b) => sectionOrder.indexOf(a) - sectionOrder.indexOf(b));

  return (
    <Stack gap="md">
      {orderedKeys.map((sectionKey) => {
        const score = report.sections.find((section) => section.key === sectionKey);
        return (
          <Section key={sectionKey} id={`section-${sectionKey}`} title={sectionTitles.get(sectionKey) ?? sectionKey}>
            {score && score.possible > 0 && (
              <Text size="sm" mb="xs">
                {labels.score}: <b>{format.decimal(score.score)}</b> · {t('visit.points')}: {format.decimal(score.earned, 0)} /{' '}
                {format.decimal(score.possible, 0)}
                {score.knockedOut && (
                  <Badge color="#C0392B" ml="xs">
                    {t('visit.knockedOut')}
                  </Badge>
                )}
              </Text>
            )}
            <ScrollBox>
              <Table verticalSpacing={6} fz="sm" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('visit.question')}</Table.Th>
                    <Table.Th scope="col">{t('visit.answer')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('visit.points')}
                    </Table.Th>
                    <Table.Th scope="col">{t('visit.result')}</Table.Th>
                    {onAppeal && (
                      <Table.Th scope="col">
                        <span className="sr-only">{t('visit.appealQuestion')}</span>
                      </Table.Th>
                    )}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {groups.get(sectionKey)!.map((answer) => {
                    const question = questions.get(answer.questionKey);
                    const text = question?.text ?? answer.questionKey;
                    return (
                      <Table.Tr key={answer.questionKey} data-question={answer.questionKey}>
                        <Table.Td>{text}</Table.Td>
                        <Table.Td>{answerText(answer, question?.type, format, t)}</Table.Td>
                        <Table.Td ta="right" className="tabular" style={{ whiteSpace: 'nowrap' }}>
                          {answer.possible !== null && answer.possible > 0
                            ? `${format.decimal(answer.earned, 0)} / ${format.decimal(answer.possible, 0)}`
                            : '—'}
                        </Table.Td>
                        <Table.Td>
                          {!answer.counted || answer.passed === null ? (
                            <Text span size="xs" c="dimmed">
                              {t('visit.notCounted')}
                            </Text>
                          ) : answer.passed ? (
                            <Badge color="#2E7D32">✓ {t('visit.passed')}</Badge>
                          ) : (
                            <Badge color="#C0392B">✗ {t('visit.failed')}</Badge>
                          )}
                        </Table.Td>
                        {onAppeal && (
                          <Table.Td>
                            <Button
                              size="compact-xs"
                              variant="subtle"
                              color="#C0392B"
                              onClick={() => onAppeal({ key: answer.questionKey, text })}
                              aria-label={`${t('visit.appealQuestion')}: ${text}`}
                            >
                              {t('visit.appealQuestion')}
                            </Button>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </ScrollBox>
          </Section>
        );
      })}
    </Stack>
  );
}

function AppealTable({
  appeals,
  questionText,
}: {
  appeals: NonNullable<ReturnType<typeof useAppeals>['data']>;
  questionText: (key: string) => string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const color = { open: 'blue.9', upheld: 'gray.7', overturned: '#2E7D32' } as Record<string, string>;
  return (
    <ScrollBox>
      <Table fz="sm" verticalSpacing={6} data-testid="appeal-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('visits.date')}</Table.Th>
            <Table.Th scope="col">{t('visit.question')}</Table.Th>
            <Table.Th scope="col">{t('visit.reason')}</Table.Th>
            <Table.Th scope="col">{t('campaigns.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {appeals.map((appeal) => (
            <Table.Tr key={appeal.id} data-appeal-id={appeal.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(appeal.createdAt)}</Table.Td>
              <Table.Td>{appeal.questionKey ? questionText(appeal.questionKey) : t('visit.wholeVisit')}</Table.Td>
              <Table.Td>{appeal.reason}</Table.Td>
              <Table.Td>
                <Badge color={color[appeal.status] ?? 'gray.7'} data-testid="appeal-status">
                  {t(`visit.appealStatus.${appeal.status}`)}
                </Badge>
                {appeal.resolutionComment && (
                  <Text size="xs" mt={2}>
                    {t('visit.resolution', { comment: appeal.resolutionComment })}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollBox>
  );
}
