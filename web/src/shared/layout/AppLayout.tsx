// The frame of every signed-in page: header with the app's name, navigation, language and sign-out.
import { Anchor, AppShell, Button, Container, Group, Text } from '@mantine/core';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useNavigate } from 'react-router';
import { useSession } from '../auth/RequireAuth';
import { endSession } from '../auth/session';
import { LanguageSwitch } from './LanguageSwitch';
import { Loading } from './states';

export function AppLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const signOut = () => {
    endSession('signed-out');
    navigate('/sign-in', { replace: true });
  };
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap">
            <Anchor component={Link} to="/portal" fw={700} c="navy.7" underline="never" size="lg">
              Incognito
            </Anchor>
            <Anchor component={Link} to="/portal" size="sm" visibleFrom="sm">
              {t('nav.campaigns')}
            </Anchor>
            {(session?.user.role === 'consultant' || session?.user.role === 'admin') && (
              <Anchor component={Link} to="/console" size="sm" visibleFrom="sm" data-testid="nav-console">
                {t('console.nav.title')}
              </Anchor>
            )}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" c="dimmed" visibleFrom="md" data-testid="signed-in-as">
              {session?.user.name ?? session?.user.email}
            </Text>
            <LanguageSwitch />
            <Button size="xs" variant="default" onClick={signOut}>
              {t('nav.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main id="main" tabIndex={-1}>
        <Container size="xl" px={0}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
