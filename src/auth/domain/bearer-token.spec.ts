import { bearerToken, signedOutByPasswordChange } from './bearer-token';

describe('bearerToken', () => {
  it('takes the token of a Bearer header, whatever the case of the scheme', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('bearer abc')).toBe('abc');
    expect(bearerToken('BEARER  abc ')).toBe('abc');
  });

  it('finds no token in a missing header, another scheme or a malformed value', () => {
    for (const header of [undefined, '', 'Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'Bearer a b', 'abc']) {
      expect(bearerToken(header)).toBeNull();
    }
  });
});

describe('signedOutByPasswordChange', () => {
  const changedAt = new Date('2026-11-01T10:00:00.500Z');

  it('keeps every token while the password never changed', () => {
    expect(signedOutByPasswordChange({ iatMs: 0 }, { tokensValidAfter: null, keptSessionId: null })).toBe(false);
  });

  it('signs out tokens issued before the change, to the millisecond when the token says', () => {
    const user = { tokensValidAfter: changedAt, keptSessionId: null };
    expect(signedOutByPasswordChange({ iatMs: changedAt.getTime() - 1 }, user)).toBe(true);
    expect(signedOutByPasswordChange({ iatMs: changedAt.getTime() }, user)).toBe(false);
    // Older tokens have only iat (seconds): the same second but earlier counts as before.
    expect(signedOutByPasswordChange({ iat: Math.floor(changedAt.getTime() / 1000) }, user)).toBe(true);
    expect(signedOutByPasswordChange({}, user)).toBe(true);
  });

  it('keeps the session that changed the password', () => {
    const user = { tokensValidAfter: changedAt.toISOString(), keptSessionId: 's1' };
    expect(signedOutByPasswordChange({ sid: 's1', iatMs: 0 }, user)).toBe(false);
    expect(signedOutByPasswordChange({ sid: 's2', iatMs: 0 }, user)).toBe(true);
  });
});
