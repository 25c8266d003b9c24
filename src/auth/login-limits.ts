import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { JobQueue } from '../jobs/job-queue';
import { CountedKey, decideAttempt, LimitedKey, loginAttemptKeys, LoginLimitSettings, resetTokenKey } from './domain/login-limits';

/** The clock the windows are measured with; a provider so that tests can move it. */
export const LOGIN_LIMITS_CLOCK = Symbol('LOGIN_LIMITS_CLOCK');

export type AttemptDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * The failed-login limits of src/auth/domain/login-limits.ts, on counters in PostgreSQL that every
 * instance shares. An attempt is counted as a failure *before* the password is checked and forgiven when
 * it succeeds, so parallel guesses (on one instance or many) cannot all pass while the slow hashes run:
 * the counting is one atomic upsert per counter, and an attempt that finds a counter past its limit
 * takes its count back and is refused.
 */
@Injectable()
export class LoginLimits {
  private readonly settings: LoginLimitSettings;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(LOGIN_LIMITS_CLOCK) private readonly now: () => number,
  ) {
    this.settings = {
      perAccountAndAddress: { limit: config.loginMaxAttempts, windowMs: config.loginWindowSeconds * 1000 },
      perAddress: { limit: config.loginMaxFailuresPerAddress, windowMs: config.loginAddressWindowSeconds * 1000 },
      perAccount: { limit: config.loginMaxFailuresPerAccount, windowMs: config.loginAccountWindowSeconds * 1000 },
    };
  }

  /** Counts a login attempt (or a password change) as a failure unless a limit is used up. */
  tryLogin(address: string, email: string): Promise<AttemptDecision> {
    return this.tryAttempt(loginAttemptKeys(this.settings, address, email));
  }

  /** The attempt counted by tryLogin succeeded: it is not a failure after all. */
  loginSucceeded(address: string, email: string): Promise<void> {
    return this.forgive(loginAttemptKeys(this.settings, address, email));
  }

  /** Counts a password-reset token guess from an address. */
  tryResetToken(address: string): Promise<AttemptDecision> {
    return this.tryAttempt([resetTokenKey(this.settings, address)]);
  }

  resetTokenAccepted(address: string): Promise<void> {
    return this.forgive([resetTokenKey(this.settings, address)]);
  }

  /** Drops counters whose window ended (a scheduled job, once per cluster). */
  async sweep(): Promise<number> {
    const [, count] = await this.dataSource.query<[unknown, number]>(`DELETE FROM login_failures WHERE expires_at <= $1`, [
      new Date(this.now()),
    ]);
    return count;
  }

  private async tryAttempt(keys: LimitedKey[]): Promise<AttemptDecision> {
    const now = this.now();
    // A counter whose window ended (or that successes brought back to nothing) starts a new window.
    const rows = await this.dataSource.query<Array<{ key: string; failures: number; expires_at: Date }>>(
      `INSERT INTO login_failures AS f (key, failures, expires_at)
       SELECT k.key, 1, $3::timestamptz + k.window_ms * interval '1 millisecond'
         FROM unnest($1::text[], $2::bigint[]) AS k(key, window_ms)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN f.expires_at <= $3 OR f.failures <= 0 THEN 1 ELSE f.failures + 1 END,
         expires_at = CASE WHEN f.expires_at <= $3 OR f.failures <= 0 THEN excluded.expires_at ELSE f.expires_at END
       RETURNING f.key, f.failures, f.expires_at`,
      [keys.map((key) => key.key), keys.map((key) => key.windowMs), new Date(now)],
    );
    const counted: CountedKey[] = rows.map((row) => ({ key: row.key, failures: row.failures, expiresAtMs: row.expires_at.getTime() }));
    const decision = decideAttempt(keys, counted, now);
    if (!decision.allowed) await this.forgive(keys);
    return decision;
  }

  private async forgive(keys: LimitedKey[]): Promise<void> {
    await this.dataSource.query(`UPDATE login_failures SET failures = failures - 1 WHERE key = ANY($1) AND failures > 0`, [
      keys.map((key) => key.key),
    ]);
  }
}

/** Ended windows are dropped every ten minutes, once per cluster, so login_failures stays small. */
@Injectable()
export class LoginFailuresSweep implements OnModuleInit {
  constructor(
    private readonly limits: LoginLimits,
    private readonly jobs: JobQueue,
  ) {}

  onModuleInit(): void {
    this.jobs.define({
      name: 'login-failures-sweep',
      schedule: '*/10 * * * *',
      retryLimit: 0,
      handle: () => this.limits.sweep().then(() => undefined),
    });
  }
}
