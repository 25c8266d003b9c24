import { FailedLoginCounter, LoginLimits } from './failed-logins';

describe('FailedLoginCounter', () => {
  let clock = 0;
  const counter = () => new FailedLoginCounter(3, 1000, () => clock);
  beforeEach(() => (clock = 0));

  it('blocks an address after `limit` failures, and only that address', () => {
    const failures = counter();
    for (let i = 0; i < 2; i++) failures.recordFailure('10.0.0.1');
    expect(failures.isBlocked('10.0.0.1')).toBe(false);
    failures.recordFailure('10.0.0.1');
    expect(failures.isBlocked('10.0.0.1')).toBe(true);
    expect(failures.isBlocked('10.0.0.2')).toBe(false);
  });

  it('forgets the failures when the window is over', () => {
    const failures = counter();
    for (let i = 0; i < 3; i++) failures.recordFailure('10.0.0.1');
    clock = 999;
    expect(failures.isBlocked('10.0.0.1')).toBe(true);
    clock = 1000;
    expect(failures.isBlocked('10.0.0.1')).toBe(false);
    failures.recordFailure('10.0.0.1');
    expect(failures.isBlocked('10.0.0.1')).toBe(false);
  });
});

describe('LoginLimits', () => {
  let now = 0;
  const limits = () =>
    new LoginLimits(
      {
        perAccountAndAddress: { limit: 3, windowMs: 1000 },
        perAddress: { limit: 10, windowMs: 1000 },
        perAccount: { limit: 5, windowMs: 1000 },
      },
      () => now,
    );
  beforeEach(() => (now = 0));

  it('forgives attempts that succeed, so successful logins never use up the budget', () => {
    const login = limits();
    for (let i = 0; i < 20; i++) {
      expect(login.tryAttempt('10.0.0.1', 'ana@x.test')).toBe(true);
      login.succeeded('10.0.0.1', 'ana@x.test');
    }
    for (let i = 0; i < 3; i++) expect(login.tryAttempt('10.0.0.1', 'ana@x.test')).toBe(true);
    expect(login.tryAttempt('10.0.0.1', 'ana@x.test')).toBe(false);
  });

  it('counts an account across addresses, whatever the letter case of its e-mail', () => {
    const login = limits();
    for (let i = 0; i < 5; i++) expect(login.tryAttempt(`10.0.0.${i}`, i % 2 ? 'ANA@x.test' : 'ana@x.test')).toBe(true);
    expect(login.tryAttempt('10.0.0.99', 'ana@x.test')).toBe(false);
    expect(login.tryAttempt('10.0.0.99', 'bob@x.test')).toBe(true);
    now = 1000;
    expect(login.tryAttempt('10.0.0.99', 'ana@x.test')).toBe(true);
  });

  it('counts an attempt before the password is checked, so parallel guesses cannot all pass', () => {
    const login = limits();
    const admitted = Array.from({ length: 10 }, () => login.tryAttempt('10.0.0.1', 'ana@x.test')).filter(Boolean);
    expect(admitted).toHaveLength(3);
  });

  it('says when a refused attempt could pass: the end of the window that blocks it, in whole seconds', () => {
    const login = new LoginLimits(
      {
        perAccountAndAddress: { limit: 2, windowMs: 60_000 },
        perAddress: { limit: 10, windowMs: 900_000 },
        perAccount: { limit: 5, windowMs: 900_000 },
      },
      () => now,
    );
    login.tryAttempt('10.0.0.1', 'ana@x.test');
    now = 10_000;
    login.tryAttempt('10.0.0.1', 'ana@x.test');
    now = 20_500;
    expect(login.tryAttempt('10.0.0.1', 'ana@x.test')).toBe(false);
    expect(login.retryAfterSeconds('10.0.0.1', 'ana@x.test')).toBe(40); // 60 s from the first failure, rounded up
    now = 59_999;
    expect(login.retryAfterSeconds('10.0.0.1', 'ana@x.test')).toBe(1);
  });
});
