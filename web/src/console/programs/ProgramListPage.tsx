// A client's omnichannel programs (docs/programs.md), and a new one: its name and the measures the
// consultant defines over the client's questionnaires. Once made, the program's page holds its waves.
import { Alert, Anchor, Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { usePrograms } from '../../shared/api/queries';
import { useFormat } from '../../shared/format/format';
import { ScrollBox } from '../../shared/layout/ScrollBox';
import { Empty, ErrorState, Loading } from '../../shared/layout/states';
import { ConsoleApiError, useConsoleClients } from '../api';
import { problemAt } from '../components/problems';
import { useCreateProgram, type MeasureBody } from './api';
import { MeasuresEditor, useClientQuestionOptions } from './MeasuresEditor';
import './strings';

export default function ProgramListPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const clients = useConsoleClients();
  const clientId = params.get('clientId') ?? clients.data?.[0]?.id ?? null;
  const programs = usePrograms(clientId ?? undefined);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('console.programs.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('console.programs.intro')}
      </Text>
      <Select
        w={300}
        label={t('console.c.client')}
        data={(clients.data ?? []).map((client) => ({ value: client.id, label: client.name }))}
        value={clientId}
        allowDeselect={false}
        onChange={(value) => value && setParams({ clientId: value })}
      />
      {clients.isError ? (
        <ErrorState error={clients.error} onRetry={() => void clients.refetch()} />
      ) : !clientId ? (
        clients.isPending ? (
          <Loading />
        ) : (
          <Empty>{t('console.clients.none')}</Empty>
        )
      ) : (
        <>
          {programs.isPending ? (
            <Loading />
          ) : programs.isError ? (
            <ErrorState error={programs.error} onRetry={() => void programs.refetch()} />
          ) : programs.data.length === 0 ? (
            <Empty>{t('console.programs.empty')}</Empty>
          ) : (
            <ScrollBox label={t('console.programs.title')}>
              <Table striped data-testid="programs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('console.programs.name')}</Table.Th>
                    <Table.Th>{t('console.programs.measures')}</Table.Th>
                    <Table.Th>{t('console.programs.created')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {programs.data.map((program) => (
                    <Table.Tr key={program.id} data-program-id={program.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/console/programs/${program.id}`}>
                          {program.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{program.measures.map((measure) => measure.title).join(', ') || '—'}</Table.Td>
                      <Table.Td>{format.date(program.createdAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollBox>
          )}
          <NewProgram key={clientId} clientId={clientId} />
        </>
      )}
    </Stack>
  );
}

function NewProgram({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const options = useClientQuestionOptions(clientId);
  const create = useCreateProgram();
  const [name, setName] = useState('');
  const [measures, setMeasures] = useState<MeasureBody[]>([]);
  const problems = create.error instanceof ConsoleApiError ? create.error.details : [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { clientId, name, measures: measures.map((measure) => ({ ...measure, key: measure.key.trim() })) },
      { onSuccess: (program) => void navigate(`/console/programs/${program.id}`) },
    );
  };
  return (
    <Card withBorder component="form" onSubmit={submit} data-testid="new-program">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('console.programs.new')}
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
        {create.error && (
          <Alert color="red" role="alert" data-testid="program-failure">
            {create.error.message}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={create.isPending} data-testid="create-program">
            {t('console.programs.create')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
