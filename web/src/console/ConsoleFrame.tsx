// The console's frame inside the app's layout: its sections as tabs, then the page. Consultants and
// admins only (the API refuses the others anyway; here they are sent to the portal).
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../shared/auth/RequireAuth';
import './strings';
import './programs/strings';
import './admin/strings';

const SECTIONS = [
  { path: '/console', key: 'review' },
  { path: '/console/questionnaires', key: 'questionnaires' },
  { path: '/console/clients', key: 'clients' },
  { path: '/console/campaigns', key: 'campaigns' },
  { path: '/console/programs', key: 'programs' },
  { path: '/console/fieldwork', key: 'fieldwork' },
  { path: '/console/inbox', key: 'inbox' },
  { path: '/console/people', key: 'people' },
  { path: '/console/payables', key: 'payables' },
  { path: '/console/audit', key: 'audit', adminOnly: true },
] as const;

export function isStaff(role: string | undefined): boolean {
  return role === 'consultant' || role === 'admin';
}

export default function ConsoleFrame() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  if (!isStaff(session?.user.role)) return <Navigate to="/portal" replace />;
  const current =
    [...SECTIONS].reverse().find((section) => location.pathname === section.path || location.pathname.startsWith(`${section.path}/`))
      ?.path ?? '/console';
  const active = location.pathname.startsWith('/console/reports') ? '/console' : current;
  return (
    // Mantine's error red (#fa5252) is 3.3:1 on white; the console's field problems use a darker red (AA).
    <div style={{ '--mantine-color-error': 'var(--mantine-color-red-9)' } as React.CSSProperties}>
      <Group component="nav" aria-label={t('console.nav.label')} gap="xs" mb="md">
        {SECTIONS.filter((section) => !('adminOnly' in section) || session?.user.role === 'admin').map((section) => (
          <Button
            key={section.path}
            component={Link}
            to={section.path}
            size="xs"
            variant={active === section.path ? 'filled' : 'default'}
            aria-current={active === section.path ? 'page' : undefined}
          >
            {t(`console.nav.${section.key}`)}
          </Button>
        ))}
      </Group>
      <Outlet />
    </div>
  );
}
