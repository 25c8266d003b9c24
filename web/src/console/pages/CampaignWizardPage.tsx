// A new campaign, step by step: client, questionnaire and name; touchpoints picked by channel and region;
// period, visits per touchpoint and previous wave; scenarios; SLA per channel, targets and fee; then a
// review that creates the draft (the API's problems are shown with the step they concern).
import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../shared/api/client';
import { ErrorState, Loading } from '../../shared/layout/states';
import {
  ConsoleApiError,
  unwrapDetailed,
  useClientTouchpoints,
  useConsoleCampaign,
  useConsoleCampaigns,
  useConsoleClients,
  useQuestionnaires,
  type CampaignBody,
  type ErrorDetail,
} from '../api';
import { useChannelName } from '../components/labels';
import '../strings';
import '../admin/strings';

const isoDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

export default function CampaignWizardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const channelName = useChannelName();
  const clients = useConsoleClients();
  const questionnaires = useQuestionnaires();
  const campaigns = useConsoleCampaigns();
  const [step, setStep] = useState(0);
  const [clientId, setClientId] = useState<string | null>(null);
  const [questionnaireId, setQuestionnaireId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [touchpointIds, setTouchpointIds] = useState<string[]>([]);
  const [startsOn, setStartsOn] = useState(isoDay(1));
  const [endsOn, setEndsOn] = useState(isoDay(30));
  const [visitsPerTouchpoint, setVisits] = useState<number>(2);
  const [previousCampaignId, setPrevious] = useState<string | null>(null);
  const [scenarios, setScenarios] = useState<Array<{ key: string; title: string; brief: string }>>([]);
  const [sla, setSla] = useState<Record<string, number | undefined>>({});
  const [targets, setTargets] = useState<{ overall?: number; fcr?: number }>({});
  const [visitFee, setVisitFee] = useState<number | undefined>(undefined);
  const [problems, setProblems] = useState<ErrorDetail[]>([]);
  const touchpoints = useClientTouchpoints(clientId);
  // Editing a draft (/console/campaigns/:campaignId/edit): the same steps, filled from the campaign read once.
  const { campaignId } = useParams();
  const existing = useConsoleCampaign(campaignId);
  const [filledFrom, setFilledFrom] = useState<string | null>(null);
  useEffect(() => {
    const campaign = existing.data;
    if (!campaign || filledFrom === campaign.id) return;
    setFilledFrom(campaign.id);
    setClientId(campaign.clientId);
    setQuestionnaireId(campaign.questionnaireId);
    setName(campaign.name);
    setTouchpointIds(campaign.touchpointIds);
    setStartsOn(campaign.startsOn);
    setEndsOn(campaign.endsOn);
    setVisits(campaign.visitsPerTouchpoint);
    setPrevious(campaign.previousCampaignId);
    setScenarios(campaign.scenarios.map((scenario) => ({ key: scenario.key, title: scenario.title, brief: scenario.brief })));
    setSla(campaign.slaSeconds);
    setTargets(campaign.targets as { overall?: number; fcr?: number });
    setVisitFee(campaign.visitFee);
  }, [existing.data, filledFrom]);

  const published = (questionnaires.data ?? []).filter((questionnaire) => questionnaire.status === 'published');
  const groups = useMemo(() => {
    const byGroup = new Map<string, Array<{ id: string; name: string; city: string | null }>>();
    for (const touchpoint of (touchpoints.data ?? []).filter((item) => item.active !== false)) {
      const key = `${touchpoint.channel}|${touchpoint.region}`;
      byGroup.set(key, [...(byGroup.get(key) ?? []), { id: touchpoint.id, name: touchpoint.name, city: touchpoint.city }]);
    }
    return [...byGroup.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [touchpoints.data]);
  const chosenChannels = [
    ...new Set((touchpoints.data ?? []).filter((item) => touchpointIds.includes(item.id)).map((item) => item.channel)),
  ];

  const body = (): CampaignBody => {
    const slaSeconds = Object.fromEntries(
      Object.entries(sla).filter(([channel, seconds]) => chosenChannels.includes(channel as never) && typeof seconds === 'number'),
    );
    const cleanTargets = Object.fromEntries(Object.entries(targets).filter(([, value]) => typeof value === 'number'));
    return {
      clientId: clientId ?? '',
      questionnaireId: questionnaireId ?? '',
      name: name.trim(),
      touchpointIds,
      startsOn,
      endsOn,
      visitsPerTouchpoint,
      ...(previousCampaignId ? { previousCampaignId } : {}),
      ...(scenarios.length ? { scenarios } : {}),
      ...(Object.keys(slaSeconds).length ? { slaSeconds } : {}),
      ...(Object.keys(cleanTargets).length ? { targets: cleanTargets } : {}),
      ...(visitFee !== undefined ? { visitFee } : {}),
    } as CampaignBody;
  };
  const create = useMutation({
    mutationFn: async () =>
      existing.data
        ? unwrapDetailed(
            await api.PATCH('/campaigns/{id}', {
              params: { path: { id: existing.data.id } },
              body: { ...body(), version: existing.data.version },
            }),
          )
        : unwrapDetailed(await api.POST('/campaigns', { body: body() })),
    onMutate: () => setProblems([]),
    onSuccess: (campaign) => {
      void queryClient.invalidateQueries({ queryKey: ['console', 'campaigns'] });
      void queryClient.invalidateQueries({ queryKey: ['console', 'campaign', campaign.id] });
      navigate(`/console/campaigns/${campaign.id}`);
    },
    onError: (error) =>
      setProblems(error instanceof ConsoleApiError && error.details.length ? error.details : [{ field: '', reason: error.message }]),
  });
  const problemFor = (...fields: string[]) =>
    problems
      .filter((problem) =>
        fields.some((field) => problem.field === field || problem.field.startsWith(`${field}.`) || problem.field.startsWith(`${field}[`)),
      )
      .map((problem) => problem.reason)
      .join('; ') || undefined;

  const canNext = [
    Boolean(clientId && questionnaireId && name.trim()),
    touchpointIds.length > 0,
    Boolean(startsOn && endsOn && visitsPerTouchpoint > 0),
    true,
    true,
  ];
  const toggle = (ids: string[], on: boolean) =>
    setTouchpointIds((current) => (on ? [...new Set([...current, ...ids])] : current.filter((id) => !ids.includes(id))));

  if (campaignId && !existing.data) {
    return existing.isError ? <ErrorState error={existing.error} onRetry={() => void existing.refetch()} /> : <Loading />;
  }
  return (
    <Stack gap="md" data-testid="campaign-wizard">
      <Title order={1} size="h2">
        {existing.data ? t('console.admin.editCampaign', { name: existing.data.name }) : t('console.c.newTitle')}
      </Title>
      <Stepper active={step} onStepClick={setStep} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={t('console.c.stepBasics')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('console.c.client')}
              data={(clients.data ?? []).map((client) => ({ value: client.id, label: client.name }))}
              value={clientId}
              searchable
              error={problemFor('clientId')}
              onChange={(value) => (setClientId(value), setTouchpointIds([]), setPrevious(null))}
            />
            <Select
              label={t('console.c.questionnaire')}
              data={published.map((questionnaire) => ({
                value: questionnaire.id,
                label: `${questionnaire.title} · v${questionnaire.version}`,
              }))}
              value={questionnaireId}
              searchable
              error={problemFor('questionnaireId')}
              onChange={setQuestionnaireId}
            />
            <TextInput
              label={t('console.c.name')}
              value={name}
              error={problemFor('name')}
              onChange={(event) => setName(event.currentTarget.value)}
            />
          </SimpleGrid>
        </Stepper.Step>
        <Stepper.Step label={t('console.c.stepTouchpoints')}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('console.c.touchpointsChosen', { count: touchpointIds.length })}
            </Text>
            {problemFor('touchpointIds') && <Alert color="red">{problemFor('touchpointIds')}</Alert>}
            {groups.map(([key, items]) => {
              const [channel, region] = key.split('|');
              const ids = items.map((item) => item.id);
              const all = ids.every((id) => touchpointIds.includes(id));
              const some = ids.some((id) => touchpointIds.includes(id));
              return (
                <Stack gap={4} key={key} data-group={key}>
                  <Checkbox
                    fw={600}
                    label={`${channelName(channel)} · ${region} (${items.length})`}
                    checked={all}
                    indeterminate={some && !all}
                    onChange={(event) => toggle(ids, event.currentTarget.checked)}
                  />
                  <Group gap="md" pl="lg">
                    {items.map((item) => (
                      <Checkbox
                        key={item.id}
                        size="xs"
                        label={item.city ? `${item.name} (${item.city})` : item.name}
                        checked={touchpointIds.includes(item.id)}
                        onChange={(event) => toggle([item.id], event.currentTarget.checked)}
                      />
                    ))}
                  </Group>
                </Stack>
              );
            })}
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('console.c.stepPeriod')}>
          <SimpleGrid cols={{ base: 1, sm: 4 }}>
            <TextInput
              type="date"
              label={t('console.c.startsOn')}
              value={startsOn}
              error={problemFor('startsOn')}
              onChange={(event) => setStartsOn(event.currentTarget.value)}
            />
            <TextInput
              type="date"
              label={t('console.c.endsOn')}
              value={endsOn}
              error={problemFor('endsOn')}
              onChange={(event) => setEndsOn(event.currentTarget.value)}
            />
            <NumberInput
              label={t('console.c.visitsPerTouchpoint')}
              min={1}
              value={visitsPerTouchpoint}
              error={problemFor('visitsPerTouchpoint')}
              onChange={(value) => setVisits(Number(value) || 0)}
            />
            <Select
              label={t('console.c.previous')}
              placeholder={t('console.editor.none')}
              clearable
              data={(campaigns.data ?? [])
                .filter((campaign) => campaign.clientId === clientId)
                .map((campaign) => ({ value: campaign.id, label: campaign.name }))}
              value={previousCampaignId}
              error={problemFor('previousCampaignId')}
              onChange={setPrevious}
            />
          </SimpleGrid>
        </Stepper.Step>
        <Stepper.Step label={t('console.c.stepScenarios')}>
          <Stack gap="sm">
            {problemFor('scenarios') && <Alert color="red">{problemFor('scenarios')}</Alert>}
            {scenarios.map((scenario, index) => (
              <Group key={index} align="flex-end" wrap="nowrap">
                <TextInput
                  label={t('console.c.scenarioKey')}
                  value={scenario.key}
                  w={140}
                  onChange={(event) =>
                    setScenarios(scenarios.map((item, i) => (i === index ? { ...item, key: event.currentTarget.value } : item)))
                  }
                />
                <TextInput
                  label={t('console.c.scenarioTitle')}
                  value={scenario.title}
                  onChange={(event) =>
                    setScenarios(scenarios.map((item, i) => (i === index ? { ...item, title: event.currentTarget.value } : item)))
                  }
                />
                <Textarea
                  label={t('console.c.scenarioBrief')}
                  value={scenario.brief}
                  autosize
                  minRows={1}
                  style={{ flex: 1 }}
                  onChange={(event) =>
                    setScenarios(scenarios.map((item, i) => (i === index ? { ...item, brief: event.currentTarget.value } : item)))
                  }
                />
                <Button variant="default" onClick={() => setScenarios(scenarios.filter((_, i) => i !== index))}>
                  {t('console.c.remove')}
                </Button>
              </Group>
            ))}
            <Group>
              <Button
                variant="light"
                size="xs"
                onClick={() => setScenarios([...scenarios, { key: `s${scenarios.length + 1}`, title: '', brief: '' }])}
              >
                {t('console.c.addScenario')}
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('console.c.stepTargets')}>
          <Stack gap="sm">
            <Text fw={600} size="sm">
              {t('console.c.sla')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 4 }}>
              {chosenChannels.map((channel) => (
                <NumberInput
                  key={channel}
                  label={channelName(channel)}
                  min={1}
                  value={sla[channel] ?? ''}
                  error={problemFor(`slaSeconds.${channel}`)}
                  onChange={(value) => setSla({ ...sla, [channel]: value === '' ? undefined : Number(value) })}
                />
              ))}
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 4 }}>
              <NumberInput
                label={t('console.c.targetOverall')}
                min={0}
                max={100}
                value={targets.overall ?? ''}
                error={problemFor('targets.overall')}
                onChange={(value) => setTargets({ ...targets, overall: value === '' ? undefined : Number(value) })}
              />
              <NumberInput
                label={t('console.c.targetFcr')}
                min={0}
                max={100}
                value={targets.fcr ?? ''}
                error={problemFor('targets.fcr')}
                onChange={(value) => setTargets({ ...targets, fcr: value === '' ? undefined : Number(value) })}
              />
              <NumberInput
                label={t('console.c.visitFee')}
                min={0}
                decimalScale={2}
                value={visitFee ?? ''}
                error={problemFor('visitFee')}
                onChange={(value) => setVisitFee(value === '' ? undefined : Number(value))}
              />
            </SimpleGrid>
          </Stack>
        </Stepper.Step>
        <Stepper.Completed>
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('console.c.review')}
            </Title>
            <Table withRowBorders={false} data-testid="campaign-review">
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th>{t('console.c.name')}</Table.Th>
                  <Table.Td>{name}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('console.c.stepTouchpoints')}</Table.Th>
                  <Table.Td>{touchpointIds.length}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('console.c.stepPeriod')}</Table.Th>
                  <Table.Td>
                    {startsOn} – {endsOn} · {t('console.c.visitsEach', { count: visitsPerTouchpoint })}
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('console.c.stepScenarios')}</Table.Th>
                  <Table.Td>{scenarios.map((scenario) => scenario.title || scenario.key).join(', ') || '—'}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
            {problems.length > 0 && (
              <Alert color="red" role="alert" data-testid="campaign-problems">
                {problems.map((problem) => (
                  <Text size="sm" key={problem.field + problem.reason}>
                    {problem.field ? `${problem.field}: ` : ''}
                    {problem.reason}
                  </Text>
                ))}
              </Alert>
            )}
          </Stack>
        </Stepper.Completed>
      </Stepper>
      <Group justify="space-between">
        <Button variant="default" disabled={step === 0} onClick={() => setStep(step - 1)}>
          {t('console.c.back')}
        </Button>
        {step < 5 ? (
          <Button disabled={!canNext[step]} onClick={() => setStep(step + 1)} data-testid="wizard-next">
            {t('console.c.next')}
          </Button>
        ) : (
          <Button onClick={() => create.mutate()} loading={create.isPending} data-testid="create-campaign">
            {existing.data ? t('console.admin.save') : t('console.c.create')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
