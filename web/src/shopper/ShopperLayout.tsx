// The frame of the shopper's pages, phone first: the app's name, the two places (jobs, my visits),
// language and sign-out; the outbox runs while any of these pages is open.
import { Anchor, AppShell, Button, Container, Group } from '@mantine/core';
import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Navigate, Outlet, useNavigate } from 'react-router';
import { useSession } from '../shared/auth/RequireAuth';
import { endSession } from '../shared/auth/session';
import { LanguageSwitch } from '../shared/layout/LanguageSwitch';
import { Loading } from '../shared/layout/states';
import { useOutbox } from './outbox';
import './shopper.css';

export function ShopperLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  useOutbox(session?.user.role === 'shopper' ? session.user.id : undefined);
  if (session && session.user.role !== 'shopper') return <Navigate to="/portal" replace />;
  const signOut = () => {
    endSession('signed-out');
    navigate('/sign-in', { replace: true });
  };
  return (
    <AppShell header={{ height: 96 }} padding="sm">
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h={48} px="sm" justify="space-between" wrap="nowrap">
          <Anchor component={Link} to="/shopper" fw={700} c="navy.7" underline="never" size="lg">
            Incognito
          </Anchor>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            <Button size="xs" variant="default" onClick={signOut}>
              {t('nav.signOut')}
            </Button>
          </Group>
        </Group>
        <nav aria-label={t('shopper.nav.jobs') + ' / ' + t('shopper.nav.visits')} className="shopper-tabs">
          <NavLink to="/shopper" end>
            {t('shopper.nav.jobs')}
          </NavLink>
          <NavLink to="/shopper/visits">{t('shopper.nav.visits')}</NavLink>
        </nav>
      </AppShell.Header>
      <AppShell.Main id="main" tabIndex={-1}>
        <Container size="sm" px={0}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}

/** Shoppers who land on the client portal (the sign-in page's default) go to their own app. */
export function ShoppersToTheirApp({ children }: { children: ReactNode }) {
  const session = useSession();
  if (session?.user.role === 'shopper') return <Navigate to="/shopper" replace />;
  return <>{children}</>;
}

/** Where a signed-in user starts. */
export function homeFor(role: string | undefined): string {
  return role === 'shopper' ? '/shopper' : '/portal';
}
