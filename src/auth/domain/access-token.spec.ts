import { createHmac, createSecretKey, randomBytes } from 'crypto';
import { sign } from 'jsonwebtoken';
import { verifyAccessToken } from './access-token';

describe('verifyAccessToken', () => {
  const secret = randomBytes(32).toString('hex');
  const key = createSecretKey(Buffer.from(secret));
  const now = 1_800_000_000;
  const issue = (claims: object, options: { algorithm?: 'HS256' | 'HS384' | 'none'; secret?: string } = {}) =>
    sign({ iat: now - 10, ...claims }, options.algorithm === 'none' ? '' : (options.secret ?? secret), {
      algorithm: options.algorithm ?? 'HS256',
    });

  // jsonwebtoken refuses to sign some of what must be refused.
  const signByHand = (payload: unknown) => {
    const signingInput = [{ alg: 'HS256', typ: 'JWT' }, payload]
      .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
      .join('.');
    return `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
  };

  it('gives the claims of a token the API signed (jsonwebtoken, HS256) while it has not expired', () => {
    const token = issue({ sub: 'u1', sid: 's1', iatMs: 5, exp: now + 60 });
    expect(verifyAccessToken(token, key, now)).toEqual({ sub: 'u1', sid: 's1', iatMs: 5, iat: now - 10, exp: now + 60 });
    expect(verifyAccessToken(token, key, now + 59)).not.toBeNull();
  });

  it('refuses an expired token, one without exp or with a non-numeric exp, and one not valid yet', () => {
    expect(verifyAccessToken(issue({ sub: 'u1', exp: now + 60 }), key, now + 60)).toBeNull();
    expect(verifyAccessToken(issue({ sub: 'u1' }), key, now)).toBeNull();
    expect(verifyAccessToken(signByHand({ sub: 'u1', exp: `${now + 60}` }), key, now)).toBeNull();
    expect(verifyAccessToken(issue({ sub: 'u1', exp: now + 60, nbf: now + 5 }), key, now)).toBeNull();
    expect(verifyAccessToken(issue({ sub: 'u1', exp: now + 60, nbf: now }), key, now)).not.toBeNull();
  });

  it('refuses another key, another algorithm, `none`, and a changed payload', () => {
    const claims = { sub: 'u1', exp: now + 60 };
    expect(verifyAccessToken(issue(claims, { secret: 'another secret' }), key, now)).toBeNull();
    expect(verifyAccessToken(issue(claims, { algorithm: 'HS384' }), key, now)).toBeNull();
    expect(verifyAccessToken(issue(claims, { algorithm: 'none' }), key, now)).toBeNull();
    const [header, , signature] = issue(claims).split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'admin' })).toString('base64url');
    expect(verifyAccessToken(`${header}.${forged}.${signature}`, key, now)).toBeNull();
  });

  it('refuses what is no token: wrong number of parts, bad base64url, a payload that is no object', () => {
    const good = issue({ sub: 'u1', exp: now + 60 });
    for (const token of ['', 'a.b', `${good}.x`, good.replace(/\.[^.]+$/, '.%%%'), 'x.y.z']) {
      expect(verifyAccessToken(token, key, now)).toBeNull();
    }
    expect(verifyAccessToken(signByHand([1, 2]), key, now)).toBeNull();
    expect(verifyAccessToken(signByHand('text'), key, now)).toBeNull();
    expect(verifyAccessToken(signByHand({ sub: 'u1', exp: now + 60 }), key, now)).not.toBeNull();
  });
});
