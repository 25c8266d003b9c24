// The client's omnichannel programs with their waves, on the portal's home beside the campaigns; each wave
// opens the program page. Consultants see the programs of the client they picked.
import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useProgramWaves, usePrograms, type Program } from '../../shared/api/queries';
import { ErrorState, Loading } from '../../shared/layout/states';

export function ProgramList({ clientId }: { clientId: string | undefined }) {
  const { t } = useTranslation();
  const programs = usePrograms(clientId);
  return (
    <Stack gap="xs" component="section" aria-labelledby="programs-title" data-testid="program-list">
      <Title order={2} size="h3" id="programs-title">
        {t('programs.listTitle')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('programs.listIntro')}
      </Text>
      {programs.isPending ? (
        <Loading />
      ) : programs.isError ? (
        <ErrorState error={programs.error} onRetry={() => void programs.refetch()} />
      ) : programs.data.length === 0 ? (
        <Text c="dimmed" data-testid="no-programs">
          {t('programs.none')}
        </Text>
      ) : (
        programs.data.map((program) => <ProgramCard key={program.id} program={program} />)
      )}
    </Stack>
  );
}

function ProgramCard({ program }: { program: Program }) {
  const { t } = useTranslation();
  const waves = useProgramWaves(program.id);
  // Newest first: the wave a client opens most.
  const ordered = [...(waves.data ?? [])].reverse();
  return (
    <Paper withBorder p="sm" data-program-id={program.id}>
      <Text fw={700}>{program.name}</Text>
      {waves.isError ? (
        <ErrorState error={waves.error} onRetry={() => void waves.refetch()} />
      ) : waves.isPending ? (
        <Text size="sm" c="dimmed">
          {t('common.loading')}
        </Text>
      ) : ordered.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('programs.noWaves')}
        </Text>
      ) : (
        <Group
          gap="md"
          mt={4}
          component="ul"
          aria-label={`${t('programs.waves')}: ${program.name}`}
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {ordered.map((wave) => (
            <li key={wave.id}>
              <Anchor component={Link} to={`/portal/programs/${program.id}/waves/${wave.id}`} fw={600} data-wave-id={wave.id}>
                {wave.name}
              </Anchor>
              <Text span size="sm" c="dimmed">
                {' '}
                · {t('programs.campaignCount', { count: wave.campaignIds.length })}
              </Text>
            </li>
          ))}
        </Group>
      )}
    </Paper>
  );
}
