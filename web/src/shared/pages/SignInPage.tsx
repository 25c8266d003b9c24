import { Alert, Box, Button, Center, Group, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, ApiError, unwrap } from '../api/client';
import { takeSignOutReason, writeSession } from '../auth/session';
import { LanguageSwitch } from '../layout/LanguageSwitch';

/** Only a path of this app: never an absolute URL an attacker could bounce a user to. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/portal';
}

/** When to try again, from the 429's Retry-After (seconds) when the server sent one. */
function tooManyAttempts(seconds: number | null, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (seconds === null) return t('signIn.tooManyAttempts');
  if (seconds < 90) return t('signIn.tooManyAttemptsInSeconds', { seconds: Math.max(1, seconds) });
  return t('signIn.tooManyAttemptsIn', { minutes: Math.ceil(seconds / 60) });
}

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [notice] = useState(() => takeSignOutReason());
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = unwrap(await api.POST('/auth/login', { body: { email: email.trim(), password } }));
      writeSession({ accessToken: session.accessToken, user: session.user });
      navigate(safeNext(params.get('next')), { replace: true });
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 401) setError(t('signIn.wrongCredentials'));
      else if (caught instanceof ApiError && caught.status === 429) setError(tooManyAttempts(caught.retryAfterSeconds, t));
      else if (caught instanceof ApiError && caught.status === 400) setError(t('signIn.invalidEmail'));
      else setError(t('common.networkError'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={400}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Group justify="space-between" align="center">
              <Title order={1} size="h2">
                Incognito
              </Title>
              <LanguageSwitch />
            </Group>
            <Title order={2} size="h4" fw={500}>
              {t('signIn.title')}
            </Title>
            {notice === 'expired' && (
              <Alert color="yellow" role="status" data-testid="session-expired">
                {t('signIn.expired')}
              </Alert>
            )}
            {notice === 'signed-out' && (
              <Alert color="blue" role="status">
                {t('signIn.signedOut')}
              </Alert>
            )}
            <TextInput
              label={t('signIn.email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
            />
            <PasswordInput
              label={t('signIn.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
            />
            {error && (
              <Alert color="red" role="alert" data-testid="sign-in-error">
                {error}
              </Alert>
            )}
            <Box>
              <Button type="submit" fullWidth loading={busy} disabled={!email || !password}>
                {t('signIn.submit')}
              </Button>
            </Box>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
