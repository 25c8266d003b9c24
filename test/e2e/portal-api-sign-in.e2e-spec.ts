// What the web app's sign-in page needs from a refused login: a 429 that says when to try again.
import { createTestApp, TestContext, ADMIN } from '../helpers/test-app';

describe('Sign-in: too many failed attempts', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestApp({ LOGIN_MAX_ATTEMPTS: '2', LOGIN_WINDOW_SECONDS: '60' });
  });
  afterAll(() => ctx.close());

  it('answers 429 with Retry-After: the seconds left in the window that blocks the attempt', async () => {
    for (let i = 0; i < 2; i++) await ctx.http.post('/auth/login').send({ email: ADMIN.email, password: 'wrong-password' }).expect(401);
    const refused = await ctx.http.post('/auth/login').send(ADMIN).expect(429);
    const seconds = Number(refused.headers['retry-after']);
    expect(Number.isInteger(seconds)).toBe(true);
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(refused.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
  });

  it('documents the header on the login’s 429', async () => {
    const { body } = await ctx.http.get('/docs-json').expect(200);
    expect(body.paths['/auth/login'].post.responses['429'].headers).toEqual({
      'Retry-After': expect.objectContaining({ schema: { type: 'integer', minimum: 1 } }),
    });
  });
});
