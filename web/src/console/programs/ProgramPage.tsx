// One program: its name and measures (edited with PATCH /programs/:id), its waves (each linking to the
// portal's wave page, where the consultant sees the client's figures and works the action plan, and to
// its downloads), and a new wave made of the client's campaigns, grouped by period, after a previous wave.
import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Downloads } from '../../client/components/Downloads';
import { useProgram, useProgramWaves, type Program, type ProgramWave } from '../../shared/api/queries';
import { useFormat } from '../../shared/format/format';
import { ScrollBox } from '../../shared/layout/ScrollBox';
import { Empty, ErrorState, Loading } from '../../shared/layout/states';
import { ConsoleApiError, useConsoleClients, type Campaign } from '../api';
import { OtherProblems, problemAt, ProblemsContext } from '../components/problems';
import { useClientCampaigns, useCreateWave, useUpdateProgram, type MeasureBody } from './api';
import { MeasuresEditor, useClientQuestionOptions } from './MeasuresEditor';
import './strings';

export default function ProgramPage() {
  const { programId = '' } = useParams();
  const { t } = useTranslation();
  const program = useProgram(programId);
  const waves = useProgramWaves(programId);
  const clients = useConsoleClients();
  const campaigns = useClientCampaigns(program.data?.clientId);
  if (program.isPending) return <Loading />;
  if (program.isError) return <ErrorState error={program.error} onRetry={() => void program.refetch()} />;
  const clientName = clients.data?.find((client) => client.id === program.data.clientId)?.name;
  return (
    <Stack gap="md" data-testid="program-setup" data-program-id={programId}>
      <div>
        <Anchor component={Link} to={`/console/programs?clientId=${program.data.clientId}`} size="sm">
          ← {t('console.programs.back')}
        </Anchor>
        <Title order={1} size="h2" mt={4}>
          {program.data.name}
        </Title>
        {clientName && (
          <Text c="dimmed" size="sm">
            {clientName}
          </Text>
        )}
      </div>
      <ProgramForm key={program.data.id} program={program.data} />
      <Card withBorder>
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('console.programs.waves')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('console.programs.wavesIntro')}
          </Text>
          {waves.isPending ? (
            <Loading />
          ) : waves.isError ? (
            <ErrorState error={waves.error} onRetry={() => void waves.refetch()} />
          ) : waves.data.length === 0 ? (
            <Empty>{t('console.programs.noWaves')}</Empty>
          ) : (
            <WaveTable programId={programId} waves={waves.data} campaigns={campaigns.data ?? []} />
          )}
        </Stack>
      </Card>
      {campaigns.isError ? (
        <ErrorState error={campaigns.error} onRetry={() => void campaigns.refetch()} />
      ) : (
        <NewWave programId={programId} waves={waves.data ?? []} campaigns={campaigns.data ?? []} />
      )}
    </Stack>
  );
}

function ProgramForm({ program }: { program: Program }) {
  const { t } = useTranslation();
  const options = useClientQuestionOptions(program.clientId);
  const update = useUpdateProgram(program.id);
  const [name, setName] = useState(program.name);
  const [measures, setMeasures] = useState<MeasureBody[]>(program.measures);
  const [saved, setSaved] = useState(false);
  const problems = update.error instanceof ConsoleApiError ? update.error.details : [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    update.mutate(
      { name, measures: measures.map((measure) => ({ ...measure, key: measure.key.trim() })) },
      { onSuccess: () => setSaved(true) },
    );
  };
  return (
    <Card withBorder component="form" onSubmit={submit} data-testid="program-form">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('console.programs.setup')}
        </Title>
        <TextInput
          label={t('console.programs.name')}
          value={name}
          required
          maw={420}
          onChange={(event) => setName(event.currentTarget.value)}
          error={problemAt(problems, 'name')}
        />
        <MeasuresEditor measures={measures} onChange={setMeasures} options={options} problems={problems} />
        {update.error && (
          <Alert color="red" role="alert">
            {update.error.message}
          </Alert>
        )}
        {saved && (
          <Text size="sm" role="status" data-testid="program-saved">
            {t('console.programs.saved')}
          </Text>
        )}
        <Group>
          <Button type="submit" loading={update.isPending} data-testid="save-program">
            {t('console.programs.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function WaveTable({ programId, waves, campaigns }: { programId: string; waves: ProgramWave[]; campaigns: Campaign[] }) {
  const { t } = useTranslation();
  const campaignName = new Map(campaigns.map((campaign) => [campaign.id, campaign.name]));
  const waveName = new Map(waves.map((wave) => [wave.id, wave.name]));
  return (
    <ScrollBox label={t('console.programs.waves')}>
      <Table striped data-testid="waves">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('console.programs.waveName')}</Table.Th>
            <Table.Th>{t('console.programs.campaigns')}</Table.Th>
            <Table.Th>{t('console.programs.previous')}</Table.Th>
            <Table.Th>{t('console.programs.results')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {waves.map((wave) => (
            <Table.Tr key={wave.id} data-wave-id={wave.id}>
              <Table.Td>{wave.name}</Table.Td>
              <Table.Td>{wave.campaignIds.map((id) => campaignName.get(id) ?? id).join(', ')}</Table.Td>
              <Table.Td>{wave.previousWaveId ? (waveName.get(wave.previousWaveId) ?? '—') : '—'}</Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <Anchor component={Link} to={`/portal/programs/${programId}/waves/${wave.id}`} data-testid="wave-page">
                    {t('console.programs.openWave', { name: wave.name })}
                  </Anchor>
                  <Downloads reportPath={`/programs/${programId}/waves/${wave.id}/report`} filters={{}} />
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollBox>
  );
}

/** The client's campaigns by period (starts–ends), oldest period first. */
function byPeriod(campaigns: Campaign[]): Array<{ key: string; startsOn: string; endsOn: string; campaigns: Campaign[] }> {
  const groups = new Map<string, { key: string; startsOn: string; endsOn: string; campaigns: Campaign[] }>();
  for (const campaign of campaigns) {
    const key = `${campaign.startsOn}|${campaign.endsOn}`;
    const group = groups.get(key) ?? { key, startsOn: campaign.startsOn, endsOn: campaign.endsOn, campaigns: [] };
    group.campaigns.push(campaign);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.endsOn.localeCompare(b.endsOn));
}

function NewWave({ programId, waves, campaigns }: { programId: string; waves: ProgramWave[]; campaigns: Campaign[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const create = useCreateWave(programId);
  const [name, setName] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  // The latest wave by default: a new wave usually follows it. '' = none.
  const [previous, setPrevious] = useState<string | null>(null);
  const previousWaveId = previous ?? waves.at(-1)?.id ?? '';
  // The 422's `campaignIds[i]` names the i-th campaign sent: remembered to put the problem on its box.
  const [sent, setSent] = useState<string[]>([]);
  const problems = create.error instanceof ConsoleApiError ? create.error.details : [];
  const campaignProblem = (id: string) => {
    const index = sent.indexOf(id);
    return index < 0 ? undefined : problemAt(problems, `campaignIds[${index}]`);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSent(selected);
    create.mutate(
      { name, campaignIds: selected, ...(previousWaveId ? { previousWaveId } : {}) },
      {
        onSuccess: () => {
          setName('');
          setSelected([]);
          setPrevious(null);
          setSent([]);
        },
      },
    );
  };
  const shown = (path: string) =>
    path === 'name' ||
    path === 'previousWaveId' ||
    sent.some((id, index) => path === `campaignIds[${index}]` && campaigns.some((campaign) => campaign.id === id));
  return (
    <Card withBorder component="form" onSubmit={submit} data-testid="new-wave">
      <ProblemsContext.Provider value={problems}>
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('console.programs.newWave')}
          </Title>
          <Group align="flex-start" grow maw={720}>
            <TextInput
              label={t('console.programs.waveName')}
              value={name}
              required
              onChange={(event) => setName(event.currentTarget.value)}
              error={problemAt(problems, 'name')}
            />
            <Select
              label={t('console.programs.previous')}
              data={[
                { value: '', label: t('console.programs.noPrevious') },
                ...waves.map((wave) => ({ value: wave.id, label: wave.name })),
              ]}
              value={previousWaveId}
              allowDeselect={false}
              onChange={(value) => setPrevious(value ?? '')}
              error={problemAt(problems, 'previousWaveId')}
            />
          </Group>
          <fieldset style={{ border: 0, padding: 0, margin: 0 }} data-testid="wave-campaigns">
            <legend style={{ padding: 0 }}>
              <Text size="sm" fw={500}>
                {t('console.programs.pickCampaigns')}
              </Text>
            </legend>
            {campaigns.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('console.programs.noCampaigns')}
              </Text>
            ) : (
              <Stack gap="sm" mt="xs">
                {byPeriod(campaigns).map((group) => (
                  <div key={group.key} data-period={group.key}>
                    <Text size="sm" c="dimmed" mb={4}>
                      {format.date(group.startsOn)} – {format.date(group.endsOn)}
                    </Text>
                    <Stack gap={6}>
                      {group.campaigns.map((campaign) => (
                        <Checkbox
                          key={campaign.id}
                          data-campaign-id={campaign.id}
                          label={
                            <Group gap={6} component="span">
                              <span>{campaign.name}</span>
                              <Badge size="xs" color={campaign.status === 'active' ? 'teal.9' : 'gray.7'}>
                                {t(`console.c.status.${campaign.status}`)}
                              </Badge>
                            </Group>
                          }
                          aria-label={campaign.name}
                          checked={selected.includes(campaign.id)}
                          onChange={(event) => {
                            const checked = event.currentTarget.checked;
                            setSelected((current) => (checked ? [...current, campaign.id] : current.filter((id) => id !== campaign.id)));
                          }}
                          error={campaignProblem(campaign.id)}
                        />
                      ))}
                    </Stack>
                  </div>
                ))}
              </Stack>
            )}
          </fieldset>
          <OtherProblems prefix="" shown={shown} />
          {create.error && (
            <Alert color="red" role="alert" data-testid="wave-failure">
              {create.error.message}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={create.isPending} disabled={selected.length === 0} data-testid="create-wave">
              {t('console.programs.createWave')}
            </Button>
          </Group>
        </Stack>
      </ProblemsContext.Provider>
    </Card>
  );
}
