import * as argon2 from 'argon2';
import { ADMIN, createTestApp, TestContext } from '../helpers/test-app';
import { createUser, loginAdmin, Session } from '../factories/users.factory';

describe('foundation: auth, users, HTTP hygiene', () => {
  let ctx: TestContext;
  let admin: Session;

  beforeAll(async () => {
    ctx = await createTestApp({ LOGIN_MAX_ATTEMPTS: '5' });
    admin = await loginAdmin(ctx.http);
  });
  afterAll(() => ctx.close());

  it('serves health with a database check', async () => {
    const response = await ctx.http.get('/health').expect(200);
    expect(response.body.status).toBe('ok');
    expect(response.body.info.database.status).toBe('up');
  });

  it("gives every request an id in X-Request-Id: the caller's when it is a short printable value, a new one otherwise", async () => {
    const echoed = await ctx.http.get('/health').set('X-Request-Id', 'lb-7f3a:42').expect(200);
    expect(echoed.headers['x-request-id']).toBe('lb-7f3a:42');
    const fresh = await ctx.http.get('/auth/me').expect(401);
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    for (const refused of ['has spaces', 'x'.repeat(201)]) {
      const replaced = await ctx.http.get('/health').set('X-Request-Id', refused).expect(200);
      expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('serves the OpenAPI document and page', async () => {
    const json = await ctx.http.get('/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toEqual(expect.arrayContaining(['/auth/login', '/users', '/health']));
    const page = await ctx.http.get('/docs').expect(200);
    expect(page.text).toContain('swagger');
  });

  it('logs in with the right password and returns a token and the user', async () => {
    const response = await ctx.http.post('/auth/login').send(ADMIN).expect(200);
    expect(typeof response.body.accessToken).toBe('string');
    expect(response.body.user).toMatchObject({ email: ADMIN.email, role: 'admin', clientId: null });
    const me = await ctx.http.get('/auth/me').set('Authorization', `Bearer ${response.body.accessToken}`).expect(200);
    expect(me.body.email).toBe(ADMIN.email);
    expect(me.body.passwordHash).toBeUndefined();
  });

  it('rejects a wrong password with 401 in the error shape', async () => {
    const response = await ctx.http.post('/auth/login').send({ email: ADMIN.email, password: 'wrong-password' }).expect(401);
    expect(response.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    expect(typeof response.body.message).toBe('string');
  });

  it('names the missing field of a malformed login with 400', async () => {
    const response = await ctx.http.post('/auth/login').send({ email: ADMIN.email }).expect(400);
    expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'password' })]));
  });

  it('rate-limits repeated logins to one account with 429', async () => {
    const target = { email: 'brute@test.local', password: 'guess-0000' };
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++) {
      statuses.push((await ctx.http.post('/auth/login').send(target)).status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    // another account is not locked out by it
    await ctx.http.post('/auth/login').send(ADMIN).expect(200);
  });

  it('needs a token on every non-public route', async () => {
    const response = await ctx.http.get('/users').expect(401);
    expect(response.body.statusCode).toBe(401);
    await ctx.http.get('/auth/me').set('Authorization', 'Bearer not-a-token').expect(401);
  });

  it('forbids a shopper on an admin route with 403', async () => {
    const shopper = await createUser(ctx.http, admin, { role: 'shopper' });
    const response = await ctx.http.get('/users').set(shopper.auth).expect(403);
    expect(response.body.statusCode).toBe(403);
  });

  it('rejects an unknown field with 400 naming it', async () => {
    const response = await ctx.http
      .post('/users')
      .set(admin.auth)
      .send({ email: 'x@test.local', password: 'long-enough-1', role: 'shopper', isSuperuser: true })
      .expect(400);
    expect(response.body.details).toEqual([expect.objectContaining({ field: 'isSuperuser' })]);
    expect(response.body.message).toContain('isSuperuser');
  });

  it('answers 413 to an oversized body', async () => {
    const response = await ctx.http
      .post('/users')
      .set(admin.auth)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'big@test.local', password: 'x'.repeat(2 * 1024 * 1024), role: 'shopper' }))
      .expect(413);
    expect(response.body.statusCode).toBe(413);
  });

  it('answers 400 to malformed JSON', async () => {
    await ctx.http.post('/users').set(admin.auth).set('Content-Type', 'application/json').send('{"email": ').expect(400);
  });

  it('creates users, hashes passwords with argon2id, and lists them by role', async () => {
    const consultant = await createUser(ctx.http, admin, { role: 'consultant' });
    const [row] = await ctx.db.query('SELECT password_hash FROM users WHERE id = $1', [consultant.user.id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(await argon2.verify(row.password_hash, 'wrong')).toBe(false);

    const list = await ctx.http.get('/users?role=consultant').set(admin.auth).expect(200);
    expect(list.body.map((u: { id: string }) => u.id)).toContain(consultant.user.id);
    expect(list.body.every((u: { role: string }) => u.role === 'consultant')).toBe(true);
    expect(JSON.stringify(list.body)).not.toContain('argon2');
  });

  it('lets a consultant create shoppers but not admins', async () => {
    const consultant = await createUser(ctx.http, admin, { role: 'consultant' });
    await ctx.http
      .post('/users')
      .set(consultant.auth)
      .send({ email: 'new-shopper@test.local', password: 'long-enough-1', role: 'shopper' })
      .expect(201);
    await ctx.http
      .post('/users')
      .set(consultant.auth)
      .send({ email: 'new-admin@test.local', password: 'long-enough-1', role: 'admin' })
      .expect(403);
  });

  it('requires a clientId for client users and refuses duplicate emails', async () => {
    const missing = await ctx.http
      .post('/users')
      .set(admin.auth)
      .send({ email: 'client@test.local', password: 'long-enough-1', role: 'client' })
      .expect(422);
    expect(missing.body.details).toEqual([expect.objectContaining({ field: 'clientId' })]);
    await ctx.http.post('/users').set(admin.auth).send({ email: 'dup@test.local', password: 'long-enough-1', role: 'shopper' }).expect(201);
    await ctx.http.post('/users').set(admin.auth).send({ email: 'DUP@test.local', password: 'long-enough-1', role: 'shopper' }).expect(409);
  });
});
