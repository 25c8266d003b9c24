import { useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { queryClient } from '../api/query-client';
import { onSessionChange, readSession, type Session } from './session';

const subscribe = (notify: () => void) => onSessionChange(() => notify());

/** The tab's session, re-rendering when it starts or ends (sign-in, sign-out, an expired token). */
export function useSession(): Session | null {
  return useSyncExternalStore(subscribe, readSession);
}

/** Pages for signed-in users only: otherwise to sign-in, coming back here afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  useEffect(() => {
    if (!session) queryClient.clear(); // nothing of the previous user stays in memory
  }, [session]);
  if (!session) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}
