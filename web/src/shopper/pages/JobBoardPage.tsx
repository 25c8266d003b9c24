// The job board: open visits of active campaigns; claiming one makes it the shopper's, or says in words
// which rule stands in the way (the API's 409 code and message, docs/errors.md).
import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLanguage } from '../../shared/i18n';
import { Empty, ErrorState, Loading } from '../../shared/layout/states';
import { ProblemError, useClaim, useJobBoard, type Assignment } from '../api';
import { AssignmentSummary, useMoney } from '../components/AssignmentSummary';

export default function JobBoardPage() {
  const { t } = useTranslation();
  const board = useJobBoard();
  const [claimed, setClaimed] = useState<Assignment | null>(null);
  return (
    <Stack gap="md" data-testid="job-board">
      <div>
        <Title order={1} size="h2">
          {t('shopper.board.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('shopper.board.intro')}
        </Text>
      </div>
      {claimed && (
        <Alert
          color="teal"
          role="status"
          data-testid="claimed"
          withCloseButton
          onClose={() => setClaimed(null)}
          closeButtonLabel={t('common.close')}
        >
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('shopper.board.claimed', { name: claimed.touchpoint.name })}</Text>
            <Anchor component={Link} to={`/shopper/visits/${claimed.id}`} fw={600}>
              {t('shopper.board.openForm')}
            </Anchor>
          </Stack>
        </Alert>
      )}
      {board.isPending ? (
        <Loading />
      ) : board.isError ? (
        <ErrorState error={board.error} onRetry={() => void board.refetch()} />
      ) : board.data.length === 0 ? (
        <Empty>{t('shopper.board.none')}</Empty>
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {board.data.map((job) => (
            <li key={job.id}>
              <JobCard job={job} onClaimed={setClaimed} />
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function JobCard({ job, onClaimed }: { job: Assignment; onClaimed: (assignment: Assignment) => void }) {
  const { t } = useTranslation();
  const claim = useClaim();
  const fee = useMoney()(job.fee);
  const refusal = claim.error;
  const code = refusal instanceof ProblemError ? refusal.code : null;
  // A job someone else took is no longer visible to this shopper: the API says 404, without a rule code.
  const ruleKey = code ? `shopper.rules.${code}` : refusal instanceof ProblemError && refusal.status === 404 ? 'shopper.board.gone' : null;
  const ruleText = ruleKey ? t(ruleKey, { defaultValue: '' }) : '';
  const language = useLanguage();
  return (
    <Card withBorder padding="md" data-job={job.id}>
      <Stack gap="sm">
        <AssignmentSummary assignment={job} />
        <Group justify="space-between" align="center">
          <Text size="sm" fw={600}>
            {fee ? `${t('shopper.board.fee')}: ${fee}` : ''}
          </Text>
          <Button
            // mutateAsync, not mutate's onSuccess: the claimed job leaves the refreshed board, and a
            // callback given to mutate is dropped once its card has unmounted.
            onClick={() => void claim.mutateAsync(job.id).then(onClaimed, () => undefined)}
            loading={claim.isPending}
            aria-label={`${t('shopper.board.claim')}: ${job.touchpoint.name}`}
          >
            {t('shopper.board.claim')}
          </Button>
        </Group>
        {refusal && (
          <Alert color="red" role="alert" title={t('shopper.board.claimRefused')} data-testid="claim-refused" data-code={code ?? ''}>
            <Stack gap={4}>
              {ruleText && (
                <Text size="sm" fw={600}>
                  {ruleText}
                </Text>
              )}
              {/* The API's own sentence (English) gives the particulars; in Spanish only when we have no sentence for the code. */}
              {refusal instanceof ProblemError && refusal.status !== 404 && (language === 'en' || !ruleText) && (
                <Text size="sm">{refusal.message}</Text>
              )}
              {!(refusal instanceof ProblemError) && <Text size="sm">{t('common.networkError')}</Text>}
            </Stack>
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
