// Review fixes (after the administration, hardening and code-health changes): one password policy for
// every way a password is set, and the limits on guessing a current password or a reset token.
import { randomUUID } from 'crypto';
import { createTestApp, TestContext } from '../helpers/test-app';
import { createUser, login, loginAdmin, Session } from '../factories/users.factory';
import { expectErrorShape, fieldsOf } from '../helpers/errors';

describe('review fixes', () => {
  let ctx: TestContext;
  let admin: Session;

  beforeAll(async () => {
    // Three failed attempts per account and address within a minute; the rest at their defaults.
    ctx = await createTestApp({ LOGIN_MAX_ATTEMPTS: '3', LOGIN_WINDOW_SECONDS: '60' });
    admin = await loginAdmin(ctx.http);
  });
  afterAll(() => ctx.close());

  describe('one password policy', () => {
    it('refuses a POST /users password that a change or a reset would refuse, naming the field', async () => {
      const email = `${randomUUID()}@test.local`;
      for (const password of ['nine-char', 'password123', `${email.split('@')[0]}-x`]) {
        const refused = await ctx.http.post('/users').set(admin.auth).send({ email, password, role: 'shopper' });
        expectErrorShape(422, refused);
        expect(refused.body.code).toBe('PASSWORD_POLICY');
        expect(fieldsOf(refused.body)).toEqual(['password']);
      }
      await ctx.http.post('/users').set(admin.auth).send({ email, password: 'ten-chars!', role: 'shopper' }).expect(201);
      await login(ctx.http, email, 'ten-chars!');
    });
  });

  describe('guessing limits', () => {
    it('counts a wrong current password in POST /auth/password as a failed login of the account (429 with Retry-After)', async () => {
      const shopper = await createUser(ctx.http, admin, { role: 'shopper' });
      const change = (currentPassword: string) =>
        ctx.http.post('/auth/password').set(shopper.auth).send({ currentPassword, newPassword: 'a-brand-new-passphrase' });
      for (let i = 0; i < 3; i += 1) expect((await change(`guess-${i}-wrong`).expect(422)).body.code).toBe('WRONG_PASSWORD');
      const blocked = await change('guess-3-wrong').expect(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      // The same budget as a login: the account cannot be guessed at there either.
      await ctx.http.post('/auth/login').send({ email: shopper.user.email, password: 'guess-4-wrong' }).expect(429);
    });

    it('a refused new password or a right current one does not use up the budget', async () => {
      const shopper = await createUser(ctx.http, admin, { role: 'shopper' });
      const password = await resetTo(shopper, 'first-good-passphrase');
      for (let i = 0; i < 4; i += 1) {
        const weak = await ctx.http.post('/auth/password').set(shopper.auth).send({ currentPassword: password, newPassword: 'short' }).expect(422);
        expect(weak.body.code).toBe('PASSWORD_POLICY');
      }
      await ctx.http.post('/auth/password').set(shopper.auth).send({ currentPassword: password, newPassword: 'second-good-passphrase' }).expect(204);
    });

    it('limits wrong tokens in POST /auth/password-reset per address (429 with Retry-After), even before a right one', async () => {
      const shopper = await createUser(ctx.http, admin, { role: 'shopper' });
      const issued = await ctx.http.post(`/users/${shopper.user.id}/password-reset`).set(admin.auth).expect(201);
      const reset = (token: string) => ctx.http.post('/auth/password-reset').send({ token, newPassword: 'reset-good-passphrase' });
      for (let i = 0; i < 3; i += 1) expect((await reset(`guessed-token-${i}`).expect(422)).body.code).toBe('RESET_TOKEN_INVALID');
      const blocked = await reset(issued.body.token as string).expect(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    });
  });

  /** Sets a known password through a reset token (used where the factory's password is not at hand). */
  async function resetTo(session: Session, password: string): Promise<string> {
    const issued = await ctx.http.post(`/users/${session.user.id}/password-reset`).set(admin.auth).expect(201);
    await ctx.http.post('/auth/password-reset').send({ token: issued.body.token, newPassword: password }).expect(204);
    Object.assign(session, await login(ctx.http, session.user.email, password));
    return password;
  }
});
