// Failed logins, counted per key within a window: per address and account, per address whatever the
// accounts (password spraying: one guess at each of many accounts), and per account whatever the
// addresses (guesses spread over many addresses). Only failures count, so an office full of people
// logging in behind one address, or one person logging in many times, is never locked out by successes.
// The counters themselves live in PostgreSQL (login_failures), so every instance enforces one limit.

export interface LimitWindow {
  limit: number;
  windowMs: number;
}

/** The three limits a login attempt is held to, as configured. */
export interface LoginLimitSettings {
  perAccountAndAddress: LimitWindow;
  perAddress: LimitWindow;
  perAccount: LimitWindow;
}

/** One counter an attempt is counted on: its key in login_failures and the limit it is held to. */
export interface LimitedKey extends LimitWindow {
  key: string;
}

/**
 * The counters of a login attempt (or of a password change, which spends the same budget). Keys carry
 * their kind, so an address can never share a counter with an e-mail; they are sorted, so concurrent
 * attempts lock their rows in one order.
 */
export function loginAttemptKeys(settings: LoginLimitSettings, address: string, email: string): LimitedKey[] {
  const account = normalizedEmail(email);
  return [
    { key: `address+account:${address}|${account}`, ...settings.perAccountAndAddress },
    { key: `address:${address}`, ...settings.perAddress },
    { key: `account:${account}`, ...settings.perAccount },
  ].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Wrong password-reset tokens per address, held to the per-account-and-address login limit. */
export function resetTokenKey(settings: LoginLimitSettings, address: string): LimitedKey {
  return { key: `reset-token:${address}`, ...settings.perAccountAndAddress };
}

/** E-mail addresses are matched case-insensitively, so `Ana@X` and `ana@x` share one budget. */
export function normalizedEmail(email: string): string {
  return email.toLowerCase();
}

/** A counter's state right after an attempt was counted on it. */
export interface CountedKey {
  key: string;
  failures: number;
  expiresAtMs: number;
}

/**
 * Whether the attempt may go on, given every counter after counting it: refused when any counter is past
 * its limit, and then told to come back when the last blocking window ends (whole seconds, at least 1).
 */
export function decideAttempt(
  keys: LimitedKey[],
  counted: CountedKey[],
  nowMs: number,
): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
  const limitOf = new Map(keys.map((key) => [key.key, key.limit]));
  const blocking = counted.filter((counter) => counter.failures > (limitOf.get(counter.key) ?? Infinity));
  if (blocking.length === 0) return { allowed: true };
  const waitMs = Math.max(...blocking.map((counter) => counter.expiresAtMs - nowMs));
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}
