import { decideAttempt, loginAttemptKeys, resetTokenKey } from './login-limits';

const settings = {
  perAccountAndAddress: { limit: 3, windowMs: 60_000 },
  perAddress: { limit: 10, windowMs: 900_000 },
  perAccount: { limit: 5, windowMs: 900_000 },
};

describe('loginAttemptKeys', () => {
  it('counts an attempt per address and account, per address and per account, whatever the letter case', () => {
    const keys = loginAttemptKeys(settings, '10.0.0.1', 'Ana@X.test');
    expect(keys).toEqual([
      { key: 'account:ana@x.test', limit: 5, windowMs: 900_000 },
      { key: 'address+account:10.0.0.1|ana@x.test', limit: 3, windowMs: 60_000 },
      { key: 'address:10.0.0.1', limit: 10, windowMs: 900_000 },
    ]);
    expect(loginAttemptKeys(settings, '10.0.0.1', 'ana@x.test')).toEqual(keys);
  });

  it('never lets an address share a counter with an account, nor a reset token with a login', () => {
    const keys = loginAttemptKeys(settings, 'ana@x.test', 'ana@x.test').map((key) => key.key);
    expect(new Set(keys).size).toBe(3);
    expect(keys).not.toContain(resetTokenKey(settings, 'ana@x.test').key);
  });
});

describe('decideAttempt', () => {
  const keys = loginAttemptKeys(settings, '10.0.0.1', 'ana@x.test');
  const counted = (failures: [number, number, number], expiresAtMs: [number, number, number]) =>
    keys.map((key, index) => ({ key: key.key, failures: failures[index], expiresAtMs: expiresAtMs[index] }));

  it('lets an attempt through while every counter is within its limit, the limit itself included', () => {
    expect(decideAttempt(keys, counted([5, 3, 10], [1, 1, 1]), 0)).toEqual({ allowed: true });
  });

  it('refuses past any one limit, until the last blocking window ends, in whole seconds', () => {
    expect(decideAttempt(keys, counted([1, 4, 1], [900_000, 40_000, 900_000]), 0)).toEqual({ allowed: false, retryAfterSeconds: 40 });
    expect(decideAttempt(keys, counted([6, 4, 1], [899_001, 40_000, 900_000]), 0)).toEqual({ allowed: false, retryAfterSeconds: 900 });
    expect(decideAttempt(keys, counted([1, 4, 1], [1, 59_999, 1]), 59_998)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });
});
