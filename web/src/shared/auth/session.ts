// The signed-in session, kept for this browser tab only (sessionStorage, never a cookie: no CSRF surface).
import type { components } from '../api/schema';

/** What POST /auth/login answers: the bearer token and who it belongs to. */
export type Session = components['schemas']['LoginResponse'];
export type Role = Session['user']['role'];

const KEY = 'incognito.session';
type Listener = (session: Session | null) => void;
const listeners = new Set<Listener>();

function load(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

/** The same object until the session changes (React's useSyncExternalStore compares snapshots by identity). */
let current: Session | null = load();

export function readSession(): Session | null {
  return current;
}

export function writeSession(session: Session | null): void {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
  current = session;
  for (const listener of listeners) listener(session);
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Why the user was sent back to sign-in (shown there once). */
export type SignOutReason = 'expired' | 'signed-out';
const REASON_KEY = 'incognito.signOutReason';

export function endSession(reason: SignOutReason): void {
  sessionStorage.setItem(REASON_KEY, reason);
  writeSession(null);
}

export function takeSignOutReason(): SignOutReason | null {
  const reason = sessionStorage.getItem(REASON_KEY) as SignOutReason | null;
  sessionStorage.removeItem(REASON_KEY);
  return reason;
}
