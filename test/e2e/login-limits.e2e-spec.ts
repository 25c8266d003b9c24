// The failed-login counters on PostgreSQL (src/auth/login-limits.ts), with a clock the test moves. Two
// LoginLimits on one database stand for two instances of the app: they share one budget.
import { DataSource } from 'typeorm';
import { LoginLimits } from '../../src/auth/login-limits';
import type { AppConfig } from '../../src/config/app-config';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { createTestDatabase } from '../setup/test-database';

describe('Login limits on PostgreSQL', () => {
  let database: { url: string; drop(): Promise<void> };
  let dataSource: DataSource;
  let now = 0;
  const config = {
    loginMaxAttempts: 3,
    loginWindowSeconds: 60,
    loginMaxFailuresPerAddress: 10,
    loginAddressWindowSeconds: 900,
    loginMaxFailuresPerAccount: 5,
    loginAccountWindowSeconds: 900,
  } as AppConfig;
  const instance = () => new LoginLimits(dataSource, config, () => now);
  const allowed = async (limits: LoginLimits, address: string, email: string) => (await limits.tryLogin(address, email)).allowed;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource(buildDataSourceOptions(database.url, 12));
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });
  beforeEach(async () => {
    now = Date.UTC(2026, 11, 1);
    await dataSource.query(`DELETE FROM login_failures`);
  });

  it('forgives attempts that succeed, so successful logins never use up the budget', async () => {
    const login = instance();
    for (let i = 0; i < 20; i++) {
      expect(await allowed(login, '10.0.0.1', 'ana@x.test')).toBe(true);
      await login.loginSucceeded('10.0.0.1', 'ana@x.test');
    }
    for (let i = 0; i < 3; i++) expect(await allowed(login, '10.0.0.1', 'ana@x.test')).toBe(true);
    expect(await allowed(login, '10.0.0.1', 'ana@x.test')).toBe(false);
  });

  it('holds two instances to one budget, and ends it with the window', async () => {
    const [first, second] = [instance(), instance()];
    for (let i = 0; i < 3; i++) expect(await allowed(i % 2 ? first : second, '10.0.0.1', 'ana@x.test')).toBe(true);
    expect(await allowed(first, '10.0.0.1', 'ana@x.test')).toBe(false);
    expect(await allowed(second, '10.0.0.1', 'ana@x.test')).toBe(false);
    now += 60_000;
    expect(await allowed(second, '10.0.0.1', 'ana@x.test')).toBe(true);
  });

  it('counts an account across addresses, whatever the letter case of its e-mail', async () => {
    const login = instance();
    for (let i = 0; i < 5; i++) expect(await allowed(login, `10.0.0.${i}`, i % 2 ? 'ANA@x.test' : 'ana@x.test')).toBe(true);
    expect(await allowed(login, '10.0.0.99', 'ana@x.test')).toBe(false);
    expect(await allowed(login, '10.0.0.99', 'bob@x.test')).toBe(true);
    now += 900_000;
    expect(await allowed(login, '10.0.0.99', 'ana@x.test')).toBe(true);
  });

  it('counts an attempt before the password is checked, so parallel guesses on two instances cannot all pass', async () => {
    const [first, second] = [instance(), instance()];
    const decisions = await Promise.all(Array.from({ length: 12 }, (_, i) => allowed(i % 2 ? first : second, '10.0.0.1', 'ana@x.test')));
    expect(decisions.filter(Boolean)).toHaveLength(3);
  });

  it('says when a refused attempt could pass: the end of the window that blocks it, in whole seconds', async () => {
    const login = instance();
    const start = now;
    await login.tryLogin('10.0.0.1', 'ana@x.test');
    now = start + 10_000;
    await login.tryLogin('10.0.0.1', 'ana@x.test');
    await login.tryLogin('10.0.0.1', 'ana@x.test');
    now = start + 20_500;
    expect(await login.tryLogin('10.0.0.1', 'ana@x.test')).toEqual({ allowed: false, retryAfterSeconds: 40 });
    now = start + 59_999;
    expect(await login.tryLogin('10.0.0.1', 'ana@x.test')).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('limits wrong reset tokens per address apart from logins, and sweeps ended windows', async () => {
    const login = instance();
    for (let i = 0; i < 3; i++) expect((await login.tryResetToken('10.0.0.7')).allowed).toBe(true);
    expect((await login.tryResetToken('10.0.0.7')).allowed).toBe(false);
    expect(await allowed(login, '10.0.0.7', 'ana@x.test')).toBe(true);
    now += 900_000;
    expect(await login.sweep()).toBe(4);
    const [{ count }] = await dataSource.query<Array<{ count: number }>>(`SELECT count(*)::int AS count FROM login_failures`);
    expect(count).toBe(0);
  });
});
