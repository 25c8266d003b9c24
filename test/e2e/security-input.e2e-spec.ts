// Issue 8: hostile input on the user-creation and listing routes: mass assignment, type confusion,
// privilege escalation through the body, oversized bodies, unbounded listings.
import { gzipSync } from 'zlib';
import { fieldsOf } from '../helpers/errors';
import { createTestApp, TestContext } from '../helpers/test-app';
import { createUser, loginAdmin, Session } from '../factories/users.factory';
import { insertClient } from '../factories/tables.factory';

// jest.config.js sets testTimeout per project, where jest ignores it (a global option); e2e setup on a
// busy 2-core machine can take longer than jest's 5 s default.
jest.setTimeout(60_000);

const validUser = (overrides: Record<string, unknown> = {}) => ({
  email: `input-${Date.now()}-${Math.random().toString(36).slice(2)}@test.local`,
  password: 'long-enough-password',
  role: 'shopper',
  ...overrides,
});

describe('security: hostile input', () => {
  let ctx: TestContext;
  let admin: Session;
  let consultant: Session;

  beforeAll(async () => {
    ctx = await createTestApp();
    admin = await loginAdmin(ctx.http);
    consultant = await createUser(ctx.http, admin, { role: 'consultant' });
  });
  afterAll(() => ctx.close());

  const userCount = async () => Number((await ctx.db.query('SELECT count(*)::int AS n FROM users'))[0].n);

  describe('mass assignment on POST /users', () => {
    it.each([
      ['id', '11111111-1111-4111-8111-111111111111'],
      ['createdAt', '2000-01-01T00:00:00.000Z'],
      ['passwordHash', '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$aGFzaA'],
      ['password_hash', 'x'],
      ['active', false],
      ['client', { id: '11111111-1111-4111-8111-111111111111', name: 'Injected' }],
      ['conflictClientIds ', []],
      ['isAdmin', true],
    ])('refuses the extra field %s with 400 naming it, and creates nothing', async (field, value) => {
      const before = await userCount();
      const response = await ctx.http
        .post('/users')
        .set(admin.auth)
        .send(validUser({ [field]: value }))
        .expect(400);
      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(fieldsOf(response.body)).toEqual([field]);
      expect(response.body.message).toContain(field.trim());
      expect(await userCount()).toBe(before);
    });

    it('names every extra field at once', async () => {
      const response = await ctx.http
        .post('/users')
        .set(admin.auth)
        .send(validUser({ id: 'x', active: true, passwordHash: 'x', createdAt: 'x' }))
        .expect(400);
      expect(fieldsOf(response.body).sort()).toEqual(['active', 'createdAt', 'id', 'passwordHash']);
    });

    it('does not let __proto__ or constructor in a body change any object of the server', async () => {
      const body =
        `{"email":"proto-${Date.now()}@test.local","password":"long-enough-password","role":"shopper",` +
        `"__proto__":{"role":"admin","polluted":true},"constructor":{"prototype":{"polluted":true}}}`;
      const response = await ctx.http.post('/users').set(admin.auth).set('Content-Type', 'application/json').send(body);
      expect([400, 201]).toContain(response.status);
      if (response.status === 201) expect(response.body.role).toBe('shopper');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).role).toBeUndefined();
    });
  });

  describe('privilege escalation through the body', () => {
    it.each(['admin', 'consultant'])('forbids a consultant to create a %s (403)', async (role) => {
      const before = await userCount();
      const response = await ctx.http.post('/users').set(consultant.auth).send(validUser({ role })).expect(403);
      expect(response.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
      expect(await userCount()).toBe(before);
    });

    it('forbids shoppers and client users to create anyone (403)', async () => {
      const client = await insertClient(ctx.db);
      const shopper = await createUser(ctx.http, admin, { role: 'shopper' });
      const clientUser = await createUser(ctx.http, admin, { role: 'client', clientId: client.id });
      for (const session of [shopper, clientUser]) {
        await ctx.http.post('/users').set(session.auth).send(validUser()).expect(403);
      }
    });

    it('refuses a client user without a clientId or with a clientId that does not exist (422 naming it, as PATCH /users/:id does), and a role outside the list (400)', async () => {
      const missing = await ctx.http
        .post('/users')
        .set(consultant.auth)
        .send(validUser({ role: 'client' }))
        .expect(422);
      expect(fieldsOf(missing.body)).toEqual(['clientId']);
      const unknown = await ctx.http
        .post('/users')
        .set(consultant.auth)
        .send(validUser({ role: 'client', clientId: '11111111-1111-4111-8111-111111111111' }))
        .expect(422);
      expect(fieldsOf(unknown.body)).toEqual(['clientId']);
      const superuser = await ctx.http
        .post('/users')
        .set(admin.auth)
        .send(validUser({ role: 'superuser' }))
        .expect(400);
      expect(fieldsOf(superuser.body)).toEqual(['role']);
    });

    it("refuses a clientId on a shopper (422), so nobody can bind a shopper to a client's data", async () => {
      const client = await insertClient(ctx.db);
      const response = await ctx.http
        .post('/users')
        .set(admin.auth)
        .send(validUser({ clientId: client.id }))
        .expect(422);
      expect(fieldsOf(response.body)).toEqual(['clientId']);
    });
  });

  describe('objects and arrays where scalars belong', () => {
    it.each([
      ['email', { $gt: '' }],
      ['email', ['a@test.local', 'b@test.local']],
      ['password', { length: 20 }],
      ['password', ['long-enough-password']],
      ['role', ['admin']],
      ['role', { toString: 'admin' }],
      ['name', { first: 'x' }],
      ['clientId', ['11111111-1111-4111-8111-111111111111']],
      ['conflictClientIds', 'not-an-array'],
      ['conflictClientIds', [{ id: 'x' }]],
    ])('refuses %s = %j with 400 naming it', async (field, value) => {
      const response = await ctx.http
        .post('/users')
        .set(admin.auth)
        .send(validUser({ [field]: value }))
        .expect(400);
      // The field itself, or the offending key inside it (role.toString: a built-in name is refused as such).
      expect(fieldsOf(response.body).map((name) => name.split(/[.[]/)[0])).toContain(field);
    });

    it('refuses an operator object in place of the login email (no NoSQL-style injection) with 400', async () => {
      const response = await ctx.http
        .post('/auth/login')
        .send({ email: { $ne: null }, password: { $ne: null } })
        .expect(400);
      expect(fieldsOf(response.body)).toEqual(expect.arrayContaining(['email', 'password']));
    });

    // Found by this test: 5 000 nested arrays overflowed class-transformer's stack, a 500 on every such
    // request. The body parser now refuses bodies nested deeper than 32 levels.
    it.each([40, 5000])('answers 400, not 500, to a body nested %i levels deep', async (depth) => {
      const body = `{"email":"deep@test.local","password":"long-enough-password","role":"shopper","name":${'['.repeat(depth)}${']'.repeat(depth)}}`;
      const response = await ctx.http.post('/users').set(admin.auth).set('Content-Type', 'application/json').send(body).expect(400);
      expect(response.body).toMatchObject({
        statusCode: 400,
        error: 'Bad Request',
        details: [{ field: 'body', reason: 'nested too deeply' }],
      });
      await ctx.http.post('/auth/login').set('Content-Type', 'application/json').send(body).expect(400);
    });

    it('refuses a body that is not JSON where JSON is expected (400), not 500', async () => {
      await ctx.http.post('/users').set(admin.auth).set('Content-Type', 'text/plain').send('email=x').expect(400);
      await ctx.http.post('/users').set(admin.auth).set('Content-Type', 'application/json').send('[1,2,3]').expect(400);
      await ctx.http.post('/users').set(admin.auth).set('Content-Type', 'application/json').send('"just a string"').expect(400);
    });
  });

  describe('encodings', () => {
    it('reads UTF-8 bodies, and refuses another charset or a compressed body with 415 naming the header, writing nothing', async () => {
      const before = await userCount();
      const latin1 = await ctx.http
        .post('/users')
        .set(admin.auth)
        .set('Content-Type', 'application/json; charset=latin1')
        .send(Buffer.from(JSON.stringify(validUser({ name: 'José' })), 'latin1'))
        .expect(415);
      expect(fieldsOf(latin1.body)).toEqual(['Content-Type']);
      const gzipped = await ctx.http
        .post('/users')
        .set(admin.auth)
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', 'gzip')
        .send(gzipSync(JSON.stringify(validUser())))
        .expect(415);
      expect(fieldsOf(gzipped.body)).toEqual(['Content-Encoding']);
      expect(await userCount()).toBe(before);
      const created = await ctx.http
        .post('/users')
        .set(admin.auth)
        .set('Content-Type', 'application/json; charset=UTF-8')
        .send(JSON.stringify(validUser({ name: 'José' })))
        .expect(201);
      expect(created.body.name).toBe('José');
    });
  });

  describe('sizes', () => {
    it('answers 413 in the error shape to a 10 MB JSON body, before any handler runs', async () => {
      const before = await userCount();
      const body = JSON.stringify(validUser({ name: 'x'.repeat(10 * 1024 * 1024) }));
      const response = await ctx.http.post('/users').set(admin.auth).set('Content-Type', 'application/json').send(body).expect(413);
      expect(response.body).toEqual({ statusCode: 413, error: 'Payload Too Large', message: expect.any(String) });
      expect(await userCount()).toBe(before);
    });

    it('answers 413 to a 10 MB login body without an account lookup', async () => {
      const body = JSON.stringify({ email: 'a@test.local', password: 'x'.repeat(10 * 1024 * 1024) });
      await ctx.http.post('/auth/login').set('Content-Type', 'application/json').send(body).expect(413);
    });

    it('caps string fields (a 10 000-character name is a 400)', async () => {
      const response = await ctx.http
        .post('/users')
        .set(admin.auth)
        .send(validUser({ name: 'x'.repeat(10_000) }))
        .expect(400);
      expect(fieldsOf(response.body)).toEqual(['name']);
    });

    // Every list route pages: a limit past the largest page is lowered to it; unknown query parameters
    // are refused rather than ignored.
    it('caps limit=100000 on GET /users and refuses unknown query parameters with 400', async () => {
      const page = await ctx.http.get('/users?limit=100000').set(admin.auth).expect(200);
      expect(page.body.length).toBeGreaterThan(0);
      expect(page.body.length).toBeLessThanOrEqual(500);
      const first = await ctx.http.get('/users?limit=1&offset=0').set(admin.auth).expect(200);
      const second = await ctx.http.get('/users?limit=1&offset=1').set(admin.auth).expect(200);
      expect(first.body).toHaveLength(1);
      expect(second.body[0]?.id).not.toBe(first.body[0].id);
      const response = await ctx.http.get('/users?role=admin&pageSize=10').set(admin.auth).expect(400);
      expect(fieldsOf(response.body)).toEqual(['pageSize']);
    });

    it('refuses SQL in a query parameter as a bad value (400), not as SQL', async () => {
      const response = await ctx.http
        .get(`/users?role=${encodeURIComponent("admin' OR '1'='1")}`)
        .set(admin.auth)
        .expect(400);
      expect(fieldsOf(response.body)).toEqual(['role']);
      await ctx.http.get('/users?role=admin&role=shopper').set(admin.auth).expect(400); // an array where a scalar belongs
    });
  });
});
