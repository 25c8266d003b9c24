// Questionnaires: every version, newest first; start from scratch or copy a ready template.
import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../shared/api/client';
import { useFormat } from '../../shared/format/format';
import { Empty, ErrorState, Loading } from '../../shared/layout/states';
import { ScrollBox } from '../../shared/layout/ScrollBox';
import { unwrapDetailed, useQuestionnaires, useTemplates } from '../api';
import { useChannelName } from '../components/labels';
import '../strings';

export default function QuestionnaireListPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const channelName = useChannelName();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const questionnaires = useQuestionnaires();
  const templates = useTemplates();
  const copy = useMutation({
    mutationFn: async ({ key, language }: { key: string; language: 'es' | 'en' }) =>
      unwrapDetailed(await api.POST('/questionnaire-templates/{key}/copy', { params: { path: { key } }, body: { language } })),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: ['console', 'questionnaires'] });
      navigate(`/console/questionnaires/${result.id}`);
    },
  });
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('console.q.title')}
        </Title>
        <Button component={Link} to="/console/questionnaires/new" data-testid="new-questionnaire">
          {t('console.q.fromScratch')}
        </Button>
      </Group>
      <Text c="dimmed">{t('console.q.intro')}</Text>
      {questionnaires.isPending ? (
        <Loading />
      ) : questionnaires.isError ? (
        <ErrorState error={questionnaires.error} onRetry={() => void questionnaires.refetch()} />
      ) : questionnaires.data.length === 0 ? (
        <Empty>{t('console.q.empty')}</Empty>
      ) : (
        <ScrollBox label={t('console.q.title')}>
          <Table striped data-testid="questionnaires">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('console.q.name')}</Table.Th>
                <Table.Th>{t('console.q.version')}</Table.Th>
                <Table.Th>{t('console.q.status')}</Table.Th>
                <Table.Th>{t('console.q.language')}</Table.Th>
                <Table.Th ta="right">{t('console.q.sections')}</Table.Th>
                <Table.Th ta="right">{t('console.q.questions')}</Table.Th>
                <Table.Th>{t('console.q.created')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {questionnaires.data.map((questionnaire) => (
                <Table.Tr key={questionnaire.id} data-questionnaire-id={questionnaire.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/console/questionnaires/${questionnaire.id}`}>
                      {questionnaire.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{questionnaire.version}</Table.Td>
                  <Table.Td>
                    <Badge size="sm" color={questionnaire.status === 'published' ? 'teal.9' : 'gray.7'}>
                      {t(`console.q.statusNames.${questionnaire.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{questionnaire.language.toUpperCase()}</Table.Td>
                  <Table.Td ta="right">{questionnaire.sectionCount}</Table.Td>
                  <Table.Td ta="right">{questionnaire.questionCount}</Table.Td>
                  <Table.Td>{format.date(questionnaire.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollBox>
      )}
      <Title order={2} size="h3">
        {t('console.q.templates')}
      </Title>
      {copy.isError && <ErrorState error={copy.error} />}
      {templates.isPending ? (
        <Loading />
      ) : templates.isError ? (
        <ErrorState error={templates.error} onRetry={() => void templates.refetch()} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {templates.data.map((template) => (
            <Card withBorder padding="sm" key={`${template.key}-${template.language}`} data-template={template.key}>
              <Stack gap={4}>
                <Text fw={600}>{template.title}</Text>
                <Text size="sm" c="dimmed">
                  {template.description}
                </Text>
                <Text size="xs">
                  {template.channels.map(channelName).join(', ')} · {template.sectionCount} {t('console.q.sections').toLowerCase()} ·{' '}
                  {template.questionCount} {t('console.q.questions').toLowerCase()} · {template.language.toUpperCase()}
                </Text>
                <Group>
                  <Button
                    size="xs"
                    variant="light"
                    loading={copy.isPending && copy.variables?.key === template.key}
                    onClick={() => copy.mutate({ key: template.key, language: template.language })}
                  >
                    {t('console.q.copy')}
                  </Button>
                </Group>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
