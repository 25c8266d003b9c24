// Failed logins, counted per key within a window: per address and account, per address whatever the
// accounts (password spraying: one guess at each of many accounts), and per account whatever the
// addresses (guesses spread over many addresses). Only failures count, so an office full of people
// logging in behind one address, or one person logging in many times, is never locked out by successes.

/** How many keys are remembered before the expired ones are swept out. */
const SWEEP_AT = 10_000;

export class FailedLoginCounter {
  private readonly byKey = new Map<string, { failures: number; resetAt: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether the key has used up its failures in the current window. */
  isBlocked(key: string): boolean {
    const entry = this.current(key);
    return entry !== undefined && entry.failures >= this.limit;
  }

  /** How long until the key may try again: 0 unless it is blocked. */
  blockedForMs(key: string): number {
    const entry = this.current(key);
    return entry !== undefined && entry.failures >= this.limit ? entry.resetAt - this.now() : 0;
  }

  recordFailure(key: string): void {
    const entry = this.current(key);
    if (entry) {
      entry.failures += 1;
      return;
    }
    if (this.byKey.size >= SWEEP_AT) this.sweep();
    this.byKey.set(key, { failures: 1, resetAt: this.now() + this.windowMs });
  }

  /** Takes back one failure recorded in advance, for an attempt that turned out to succeed. */
  forgiveOne(key: string): void {
    const entry = this.current(key);
    if (!entry) return;
    entry.failures -= 1;
    if (entry.failures <= 0) this.byKey.delete(key);
  }

  private current(key: string): { failures: number; resetAt: number } | undefined {
    const entry = this.byKey.get(key);
    if (entry && entry.resetAt <= this.now()) {
      this.byKey.delete(key);
      return undefined;
    }
    return entry;
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.byKey) if (entry.resetAt <= now) this.byKey.delete(key);
  }
}

/** The three limits a login attempt is held to, as configured. */
export interface LoginLimitSettings {
  perAccountAndAddress: { limit: number; windowMs: number };
  perAddress: { limit: number; windowMs: number };
  perAccount: { limit: number; windowMs: number };
}

/**
 * Every limit a login attempt is checked against. An attempt is counted as a failure *before* the
 * password is checked and forgiven when it succeeds, so parallel guesses cannot all pass the check
 * while the (slow) password hashes run.
 */
export class LoginLimits {
  private readonly perAccountAndAddress: FailedLoginCounter;
  private readonly perAddress: FailedLoginCounter;
  private readonly perAccount: FailedLoginCounter;

  constructor(settings: LoginLimitSettings, now: () => number = Date.now) {
    this.perAccountAndAddress = new FailedLoginCounter(settings.perAccountAndAddress.limit, settings.perAccountAndAddress.windowMs, now);
    this.perAddress = new FailedLoginCounter(settings.perAddress.limit, settings.perAddress.windowMs, now);
    this.perAccount = new FailedLoginCounter(settings.perAccount.limit, settings.perAccount.windowMs, now);
  }

  /** False when any limit is used up (then nothing is counted); otherwise the attempt is counted as a failure. */
  tryAttempt(address: string, email: string): boolean {
    const account = normalizedEmail(email);
    const keys = this.keysOf(address, account);
    if (keys.some(([counter, key]) => counter.isBlocked(key))) return false;
    for (const [counter, key] of keys) counter.recordFailure(key);
    return true;
  }

  /** Whole seconds until an attempt refused by tryAttempt could pass (the Retry-After of its 429). */
  retryAfterSeconds(address: string, email: string): number {
    const waits = this.keysOf(address, normalizedEmail(email)).map(([counter, key]) => counter.blockedForMs(key));
    return Math.max(1, Math.ceil(Math.max(...waits) / 1000));
  }

  /** The attempt counted by tryAttempt succeeded: it is not a failure after all. */
  succeeded(address: string, email: string): void {
    for (const [counter, key] of this.keysOf(address, normalizedEmail(email))) counter.forgiveOne(key);
  }

  private keysOf(address: string, account: string): Array<[FailedLoginCounter, string]> {
    return [
      [this.perAccountAndAddress, `${address}|${account}`],
      [this.perAddress, address],
      [this.perAccount, account],
    ];
  }
}

/** E-mail addresses are matched case-insensitively, so `Ana@X` and `ana@x` share one budget. */
function normalizedEmail(email: string): string {
  return email.toLowerCase();
}

/**
 * Wrong password-reset tokens per address (POST /auth/password-reset), held to the per-account-and-address
 * login limit: tokens are 256 random bits, but nobody gets to try them by the million.
 */
export class ResetTokenFailures extends FailedLoginCounter {}
