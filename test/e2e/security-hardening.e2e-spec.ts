// Issue 12, points 3 to 6: what a black-box probe of the running server broke. Login limits that a
// rotated X-Forwarded-For reset, or that successful logins used up; NUL bytes and lone surrogates that
// reached PostgreSQL (500); huge numbers in paging that reached SQL (500); unknown conflict clients.
import { randomUUID } from 'crypto';
import { buildWorld, World } from '../factories/world.factory';
import { loginAdmin, Session } from '../factories/users.factory';
import { expectErrorShape, fieldsOf } from '../helpers/errors';
import { ADMIN, createTestApp, TestContext } from '../helpers/test-app';

jest.setTimeout(120_000);

/** A new account whose password the test knows. */
async function newAccount(
  context: TestContext,
  admin: Session,
  role: 'consultant' | 'shopper',
): Promise<{ email: string; password: string }> {
  const account = { email: `${role}-${randomUUID()}@test.local`, password: `pw-${randomUUID()}` };
  await context.http
    .post('/users')
    .set(admin.auth)
    .send({ ...account, role })
    .expect(201);
  return account;
}

describe('security hardening: login limits and forwarded addresses', () => {
  let ctx: TestContext;
  const login = (email: string, password: string, forwardedFor?: string) => {
    const request = ctx.http.post('/auth/login');
    if (forwardedFor) request.set('X-Forwarded-For', forwardedFor);
    return request.send({ email, password });
  };

  beforeAll(async () => {
    ctx = await createTestApp({ LOGIN_MAX_ATTEMPTS: '5', LOGIN_MAX_FAILURES_PER_ACCOUNT: '8', LOGIN_MAX_FAILURES_PER_ADDRESS: '1000' });
  });
  afterAll(() => ctx.close());

  it('ignores X-Forwarded-For by default: rotating it gives no fresh guesses', async () => {
    const admin = await loginAdmin(ctx.http);
    const target = await newAccount(ctx, admin, 'shopper');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++) {
      statuses.push((await login(target.email, `wrong-${attempt}`, `203.0.113.${attempt + 1}`)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
  });

  // The probe's consultant got 429 on its 5th wrong password, others on the 11th: its earlier
  // successful logins had used up the per-account budget, which counted every attempt.
  it('does not count successful logins: an account that logged in often still gets its full budget of wrong guesses', async () => {
    const admin = await loginAdmin(ctx.http);
    const consultant = await newAccount(ctx, admin, 'consultant');
    for (let success = 0; success < 6; success++) await login(consultant.email, consultant.password).expect(200);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) statuses.push((await login(consultant.email, `wrong-${attempt}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('limits failures per account across all addresses, and an e-mail in other letter case is the same account', async () => {
    const fresh = await createTestApp({ LOGIN_MAX_ATTEMPTS: '100', LOGIN_MAX_FAILURES_PER_ACCOUNT: '4', TRUST_PROXY: 'loopback' });
    try {
      const admin = await loginAdmin(fresh.http);
      const target = await newAccount(fresh, admin, 'shopper');
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 6; attempt++) {
        const email = attempt % 2 ? target.email.toUpperCase() : target.email;
        // behind a trusted proxy each guess comes from its own address, as a botnet's would
        statuses.push(
          (
            await fresh.http
              .post('/auth/login')
              .set('X-Forwarded-For', `198.51.100.${attempt + 1}`)
              .send({ email, password: `wrong-${attempt}` })
          ).status,
        );
      }
      expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
      // even the right password waits for the window; other accounts are untouched
      await fresh.http
        .post('/auth/login')
        .set('X-Forwarded-For', '198.51.100.99')
        .send({ email: target.email, password: target.password })
        .expect(429);
      await fresh.http.post('/auth/login').send(ADMIN).expect(200);
    } finally {
      await fresh.close();
    }
  });

  it('believes X-Forwarded-For only from the proxies TRUST_PROXY names', async () => {
    const proxied = await createTestApp({ LOGIN_MAX_ATTEMPTS: '2', TRUST_PROXY: '1' });
    try {
      const admin = await loginAdmin(proxied.http);
      const target = await newAccount(proxied, admin, 'shopper');
      const guess = (address: string) =>
        proxied.http.post('/auth/login').set('X-Forwarded-For', address).send({ email: target.email, password: 'wrong' });
      expect([(await guess('192.0.2.1')).status, (await guess('192.0.2.1')).status, (await guess('192.0.2.1')).status]).toEqual([
        401, 401, 429,
      ]);
      // another real client behind the same proxy is another address
      expect((await guess('192.0.2.2')).status).toBe(401);
    } finally {
      await proxied.close();
    }
  });
});

describe('security hardening: text and numbers that used to reach PostgreSQL', () => {
  let ctx: TestContext;
  let world: World;

  beforeAll(async () => {
    ctx = await createTestApp();
    world = await buildWorld(ctx);
  });
  afterAll(() => ctx.close());

  const BAD_TEXT: Array<[string, string]> = [
    ['NUL', 'Ana\u0000Pérez'],
    ['a lone high surrogate', 'Ana \ud83d'],
    ['a lone low surrogate', '\ude00 Ana'],
  ];

  it.each(BAD_TEXT)(
    'refuses %s in a body string with 400 naming the field (user name, appeal reason, report narrative)',
    async (_what, text) => {
      const user = await ctx.http
        .post('/users')
        .set(world.admin.auth)
        .send({ email: `${randomUUID()}@test.local`, password: 'password-1234', role: 'shopper', name: text });
      expectErrorShape(400, user);
      expect(fieldsOf(user.body)).toEqual(['name']);

      const appeal = await ctx.http
        .post(`/visit-reports/${world.a.reports.approved.id}/appeals`)
        .set(world.a.clientUser.auth)
        .send({ reason: text });
      expectErrorShape(400, appeal);
      expect(fieldsOf(appeal.body)).toEqual(['reason']);

      const nested = await ctx.http
        .post(`/assignments/${world.a.assignments.assigned.id}/report`)
        .set(world.a.shopper.auth)
        .set('Idempotency-Key', randomUUID())
        .send({ visitedAt: new Date().toISOString(), answers: [{ questionKey: 'q', value: text }], narrative: 'ok' });
      expectErrorShape(400, nested);
      expect(fieldsOf(nested.body)).toEqual(['answers[0].value']);
    },
  );

  it('refuses NUL in an object key with 400 naming it', async () => {
    const response = await ctx.http
      .post('/users')
      .set(world.admin.auth)
      .set('Content-Type', 'application/json')
      .send('{"email":"x@test.local","a\\u0000b":1}');
    expectErrorShape(400, response);
    expect(fieldsOf(response.body)).toEqual(['a\u0000b']);
  });

  it.each([
    ['/visit-reports?status=%00', 'status'],
    [`/campaigns/{campaign}/kpis?region=%00`, 'region'],
    ['/users?role=shopper%00', 'role'],
    ['/alerts?limit=1&x%00=1', 'x\u0000'],
    ['/visit-reports?status=a&status=%00', 'status[1]'],
  ])('refuses NUL in the query %s with 400 naming %s', async (route, field) => {
    const response = await ctx.http.get(route.replace('{campaign}', world.a.campaign.id)).set(world.admin.auth);
    expectErrorShape(400, response);
    expect(fieldsOf(response.body)).toEqual([field]);
  });

  /** Every GET route that pages, from the OpenAPI document, with any path parameter filled with a uuid. */
  async function pagedRoutes(): Promise<string[]> {
    const document = (await ctx.http.get('/docs-json').expect(200)).body as {
      paths: Record<string, { get?: { parameters?: Array<{ name: string; in: string }> } }>;
    };
    return Object.entries(document.paths)
      .filter(([, item]) => item.get?.parameters?.some((parameter) => parameter.in === 'query' && parameter.name === 'limit'))
      .map(([path]) => path.replace(/\{[^}]+\}/g, world.a.campaign.id));
  }

  it('answers NUL in any path parameter of any GET route with a 4xx, never a 500', async () => {
    const document = (await ctx.http.get('/docs-json').expect(200)).body as { paths: Record<string, { get?: unknown }> };
    const routes = Object.entries(document.paths).filter(([path, item]) => item.get && path.includes('{'));
    expect(routes.length).toBeGreaterThan(10);
    for (const [path] of routes) {
      const response = await ctx.http.get(path.replace(/\{[^}]+\}/g, 'x%00y')).set(world.admin.auth);
      if (response.status < 400 || response.status >= 500) throw new Error(`GET ${path} with NUL answered ${response.status}`);
    }
  });

  it('finds the paged routes to check', async () => {
    expect((await pagedRoutes()).length).toBeGreaterThanOrEqual(7);
  });

  it.each(['1e21', '9223372036854775807', '1e308', '2147483648', '-1', '1.5', '0x10', '+5', ' 5', 'Infinity', 'NaN', ''])(
    'answers offset=%p on every paged route with 400 naming offset, never a 500',
    async (offset) => {
      for (const route of await pagedRoutes()) {
        const response = await ctx.http.get(`${route}?offset=${encodeURIComponent(offset)}`).set(world.admin.auth);
        if (response.status !== 400) throw new Error(`${route}?offset=${offset} answered ${response.status}`);
        expect(fieldsOf(response.body)).toEqual(['offset']);
      }
    },
  );

  it.each(['1e21', '1e308', '0', '-1', '1.5', '0x10', '1e2', 'Infinity'])(
    'answers limit=%p on every paged route with 400 naming limit',
    async (limit) => {
      for (const route of await pagedRoutes()) {
        const response = await ctx.http.get(`${route}?limit=${encodeURIComponent(limit)}`).set(world.admin.auth);
        if (response.status !== 400) throw new Error(`${route}?limit=${limit} answered ${response.status}`);
        expect(fieldsOf(response.body)).toEqual(['limit']);
      }
    },
  );

  it('still accepts the largest offset and caps a huge decimal limit to a page', async () => {
    for (const route of ['/visit-reports', '/campaigns', '/users']) {
      const page = await ctx.http.get(`${route}?offset=2147483647&limit=9223372036854775807`).set(world.admin.auth).expect(200);
      expect(page.body).toEqual([]);
    }
  });

  it('refuses unknown clients in conflictClientIds with 422 naming each one', async () => {
    const unknown = randomUUID();
    const response = await ctx.http
      .post('/users')
      .set(world.admin.auth)
      .send({
        email: `${randomUUID()}@test.local`,
        password: 'password-1234',
        role: 'shopper',
        conflictClientIds: [world.a.client.id, unknown],
      });
    expectErrorShape(422, response);
    expect(response.body.details).toEqual([{ field: 'conflictClientIds[1]', reason: expect.stringContaining(unknown) }]);
    const created = await ctx.http
      .post('/users')
      .set(world.admin.auth)
      .send({ email: `${randomUUID()}@test.local`, password: 'password-1234', role: 'shopper', conflictClientIds: [world.a.client.id] })
      .expect(201);
    const [stored] = await ctx.db.query(`SELECT conflict_client_ids AS ids FROM users WHERE id = $1`, [created.body.id]);
    expect(stored.ids).toEqual([world.a.client.id]);
    const notAList = await ctx.http
      .post('/users')
      .set(world.admin.auth)
      .send({ email: `${randomUUID()}@test.local`, password: 'password-1234', role: 'shopper', conflictClientIds: world.a.client.id });
    expectErrorShape(400, notAList);
    expect(fieldsOf(notAList.body)).toEqual(['conflictClientIds']);
  });
});
