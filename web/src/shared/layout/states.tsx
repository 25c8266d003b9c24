// Loading, empty and error states shared by every page.
import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { ApiError } from '../api/client';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader aria-hidden />
        <Text c="dimmed">{label ?? t('common.loading')}</Text>
      </Stack>
    </Center>
  );
}

export function Empty({ children }: { children: React.ReactNode }) {
  return (
    <Center py="xl">
      <Text c="dimmed" data-testid="empty">
        {children}
      </Text>
    </Center>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  let message = t('common.errorGeneric');
  if (error instanceof ApiError) {
    if (error.status === 404) message = t('common.notFound');
    else if (error.status === 403) message = t('common.forbidden');
    else if (error.status < 500) message = error.message;
  } else if (error instanceof TypeError) message = t('common.networkError');
  return (
    <Alert color="red" title={t('common.errorTitle')} role="alert" my="md">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{message}</Text>
        {onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

export function RouteError() {
  const error = useRouteError();
  return <ErrorState error={isRouteErrorResponse(error) ? new ApiError(error.status, error.statusText) : error} />;
}
