// Issue 8: the tenant-isolation matrix, generated from the OpenAPI document, so a route added
// tomorrow is covered tomorrow. For every path and method (except login, health and the docs):
//   - without a token                                  → 401;
//   - as shopper B on routes a shopper does not use     → 403 or 404;
//   - as shopper B / client B on every path parameter filled with client A's objects → 401/403/404
//     (400 only where the body is refused before any object is looked at) and none of A's data;
//   - as client B / shopper B on list routes            → none of A's data.
// Positive controls (a consultant and client A reading A's objects) show the refusals come from
// tenancy, not from a broken route or a wrong id. Legitimate exceptions are listed explicitly below.
import sharp from 'sharp';
import { randomUUID } from 'crypto';
import type { Response } from 'supertest';
import { createTestApp, TestContext } from '../helpers/test-app';
import type { Session } from '../factories/users.factory';
import { addTenantVisit, buildWorld, PASSING_ANSWERS, World } from '../factories/world.factory';

// jest.config.js sets testTimeout per project, where jest ignores it (a global option); e2e setup on a
// busy 2-core machine can take longer than jest's 5 s default.
jest.setTimeout(60_000);

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
const METHODS: Method[] = ['get', 'post', 'put', 'patch', 'delete'];

interface Route {
  method: Method;
  /** OpenAPI template, e.g. /campaigns/{id}/kpis */
  path: string;
  params: string[];
  query: string[];
  /** Header parameters the route documents (e.g. Idempotency-Key); each is sent with a fresh value. */
  headers: string[];
}
type Params = Record<string, string>;

/** Not subject to the matrix: anyone may call them. */
const PUBLIC = [/^\/auth\/login$/, /^\/auth\/password-reset$/, /^\/health$/, /^\/docs/];

/**
 * How to fill each path's parameters with client A's objects, by path prefix (first match wins).
 * Each entry gives one or more probes; a probe must name every parameter of the path.
 * A path none of these match makes the matrix fail with "add <path> to the isolation map".
 */
const ISOLATION_MAP: Array<{ pattern: RegExp; probes: (w: World, extra: Extra) => Params[] }> = [
  {
    pattern: /^\/clients\/\{clientId\}\/touchpoints\/\{id\}/,
    // A's touchpoint under A's client, and under B's own client (the classic "parent is mine, child is not")
    probes: (w) => [
      { clientId: w.a.client.id, id: w.a.touchpoints[0].id },
      { clientId: w.b.client.id, id: w.a.touchpoints[0].id },
    ],
  },
  { pattern: /^\/clients\/\{clientId\}/, probes: (w) => [{ clientId: w.a.client.id }] },
  { pattern: /^\/clients\/\{id\}/, probes: (w) => [{ id: w.a.client.id }] },
  { pattern: /^\/touchpoints\/\{id\}/, probes: (w) => [{ id: w.a.touchpoints[0].id }] },
  { pattern: /^\/campaigns\/\{id\}/, probes: (w) => [{ id: w.a.campaign.id }] },
  { pattern: /^\/campaigns\/\{campaignId\}/, probes: (w) => [{ campaignId: w.a.campaign.id }] },
  {
    pattern: /^\/assignments\/\{id\}/,
    // A's shopper's assignments; open ones are the job board, checked separately below
    probes: (w) => [{ id: w.a.assignments.assigned.id }, { id: w.a.assignments.approved.id }],
  },
  {
    pattern: /^\/visit-reports\/\{id\}/,
    probes: (w) => [{ id: w.a.reports.approved.id }, { id: w.a.reports.submitted.id }],
  },
  { pattern: /^\/questionnaires\/\{id\}/, probes: (w) => [{ id: w.a.questionnaire.id }] },
  // Templates are the platform's, not a tenant's: there is no A object behind them.
  { pattern: /^\/questionnaire-templates\/\{key\}/, probes: () => [{ key: 'in_store' }] },
  { pattern: /^\/appeals\/\{id\}/, probes: (w) => [{ id: w.a.appeal.id }] },
  { pattern: /^\/alerts\/\{id\}/, probes: (w) => [{ id: w.a.alert.id }] },
  { pattern: /^\/evidence\/\{id\}/, probes: (_w, extra) => [{ id: extra.evidenceId }] },
  { pattern: /^\/users\/\{id\}/, probes: (w) => [{ id: w.a.clientUser.user.id }, { id: w.a.shopper.user.id }] },
  { pattern: /^\/shoppers\/\{id\}/, probes: (w) => [{ id: w.a.shopper.user.id }] },
  { pattern: /^\/programs\/\{id\}\/waves\/\{waveId\}/, probes: (_w, extra) => [{ id: extra.programId, waveId: extra.waveId }] },
  { pattern: /^\/programs\/\{id\}\/actions\/\{actionId\}/, probes: (_w, extra) => [{ id: extra.programId, actionId: extra.actionId }] },
  { pattern: /^\/programs\/\{id\}/, probes: (_w, extra) => [{ id: extra.programId }] },
  // A finished report job of A's campaign (started by the consultant: a job is only ever its starter's).
  { pattern: /^\/report-jobs\/\{id\}/, probes: (_w, extra) => [{ id: extra.reportJobId }] },
];

/** Routes with no tenant data behind them: any signed-in user may get a 2xx (the body is still checked). */
const GLOBAL_ROUTES = new Set(['GET /auth/me', 'PATCH /auth/me', 'POST /auth/password']);

/** GET routes for admins only (the consultant's positive control reads them as the admin). */
const ADMIN_READS = new Set(['GET /audit']);

/** Routes a shopper uses (on their own or open objects); every other route is not for shoppers: 403/404. */
const SHOPPER_ROUTES = new Set([
  'GET /auth/me',
  'PATCH /auth/me',
  'POST /auth/password',
  'GET /shoppers/{id}/statement',
  'GET /assignments',
  'GET /assignments/{id}',
  'POST /assignments/{id}/claim',
  'POST /assignments/{id}/report',
  'GET /visit-reports/{id}',
  'POST /visit-reports/{id}/evidence',
  'GET /visit-reports/{id}/evidence',
  'GET /evidence/{id}',
]);

/** Routes where a client user reads its own client's objects (positive control with client A). */
const CLIENT_OWN_READS = new Set([
  'GET /clients/{id}',
  'GET /clients/{clientId}/touchpoints',
  'GET /clients/{clientId}/touchpoints/{id}',
  'GET /campaigns/{id}',
  'GET /campaigns/{id}/kpis',
  'GET /campaigns/{id}/report.pdf',
  'GET /campaigns/{id}/report.xlsx',
  'GET /visit-reports/{id}',
  'GET /visit-reports/{id}/evidence',
  'GET /evidence/{id}',
  'GET /programs/{id}',
  'GET /programs/{id}/waves',
  'GET /programs/{id}/waves/{waveId}',
  'GET /programs/{id}/waves/{waveId}/kpis',
  'GET /programs/{id}/waves/{waveId}/report.pdf',
  'GET /programs/{id}/waves/{waveId}/report.xlsx',
  'GET /programs/{id}/actions',
]);

/** Bodies that get past validation, so the access check is what answers (default: {}). */
const BODIES: Record<string, (w: World) => object> = {
  'POST /visit-reports/{id}/appeals': () => ({ reason: 'Isolation probe: this appeal must not be filed' }),
  'POST /visit-reports/{id}/return': () => ({ comment: 'Isolation probe' }),
  'POST /visit-reports/{id}/reopen': () => ({ comment: 'Isolation probe' }),
  'PATCH /visit-reports/{id}': () => ({ version: 1, answers: [{ questionKey: 'greeting', value: false }], reason: 'Isolation probe' }),
  'POST /assignments/{id}/report': () => ({ visitedAt: new Date(Date.now() - 3600_000).toISOString(), answers: PASSING_ANSWERS }),
  'POST /assignments/{id}/assign': (w) => ({ shopperId: w.b.shopper.user.id }),
  'POST /appeals/{id}/resolve': () => ({ decision: 'upheld' }),
  'POST /clients/{clientId}/touchpoints': () => ({ name: 'Isolation probe', channel: 'phone', region: 'Probe' }),
  'POST /programs/{id}/actions': () => ({ measureKey: 'greeting', owner: 'Isolation probe', dueOn: '2026-12-31' }),
};

/** Query parameters filled with A's ids wherever a route takes them. */
const QUERY_VALUES: Record<string, (w: World) => string> = {
  campaignId: (w) => w.a.campaign.id,
  clientId: (w) => w.a.client.id,
  touchpointId: (w) => w.a.touchpoints[0].id,
  visitReportId: (w) => w.a.reports.approved.id,
  shopperId: (w) => w.a.shopper.user.id,
};

/** One concrete request: the URL, the ids it carries (echoing those is not a leak) and its body. */
interface Probe {
  url: string;
  used: string[];
  body?: object;
}

interface Extra {
  evidenceId: string;
  evidenceSha256: string;
  /** A program of A with one wave (A's campaign) and one action-plan item. */
  programId: string;
  waveId: string;
  actionId: string;
  reportJobId: string;
}

const key = (route: Pick<Route, 'method' | 'path'>) => `${route.method.toUpperCase()} ${route.path}`;
const fill = (path: string, params: Params) => path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(params[name]));
const bodyText = (response: Response) => (typeof response.text === 'string' ? response.text : JSON.stringify(response.body ?? ''));

describe('security: tenant isolation matrix', () => {
  let ctx: TestContext;
  let world: World;
  let extra: Extra;
  let routes: Route[];

  beforeAll(async () => {
    ctx = await createTestApp({ JOB_POLLING_SECONDS: '1' });
    world = await buildWorld(ctx);

    // A piece of evidence on an approved report of A (uploaded through the API, then approved).
    const { report } = await addTenantVisit(ctx, world.a, { status: 'submitted' });
    // A real image (client users get a copy re-encoded without metadata), with A's marker in its EXIF.
    const png = await sharp({ create: { width: 2, height: 2, channels: 3, background: 'red' } })
      .png()
      .withExif({ IFD0: { Artist: world.a.marker } })
      .toBuffer();
    const uploaded = await ctx.http
      .post(`/visit-reports/${report.id}/evidence`)
      .set(world.a.shopper.auth)
      .attach('file', png, 'a.png')
      .expect(201);
    await ctx.db.query(`UPDATE visit_reports SET status = 'approved', approved_at = now() WHERE id = $1`, [report.id]);
    const program = await ctx.http
      .post('/programs')
      .set(world.consultant.auth)
      .send({
        clientId: world.a.client.id,
        name: `Program ${world.a.marker}`,
        measures: [{ key: 'greeting', title: 'Greeting', questionKeys: ['greeting'] }],
      })
      .expect(201);
    const wave = await ctx.http
      .post(`/programs/${program.body.id}/waves`)
      .set(world.consultant.auth)
      .send({ name: 'Wave', campaignIds: [world.a.campaign.id] })
      .expect(201);
    const action = await ctx.http
      .post(`/programs/${program.body.id}/actions`)
      .set(world.consultant.auth)
      .send({ measureKey: 'greeting', owner: `Owner ${world.a.marker}`, dueOn: '2026-12-31' })
      .expect(201);
    const job = await ctx.http
      .post(`/campaigns/${world.a.campaign.id}/report-jobs`)
      .set(world.consultant.auth)
      .send({ format: 'pdf' })
      .expect(202);
    for (let state = job.body.state as string; state !== 'done';) {
      await new Promise((resolve) => {
        setTimeout(resolve, 200);
      });
      state = (await ctx.http.get(`/report-jobs/${job.body.id}`).set(world.consultant.auth).expect(200)).body.state;
      expect(state).not.toBe('failed');
    }
    extra = {
      reportJobId: job.body.id,
      evidenceId: uploaded.body.id,
      evidenceSha256: uploaded.body.sha256,
      programId: program.body.id,
      waveId: wave.body.id,
      actionId: action.body.id,
    };

    const document = (await ctx.http.get('/docs-json').expect(200)).body as {
      paths: Record<string, Partial<Record<Method, { parameters?: { in: string; name: string }[] }>>>;
    };
    routes = Object.entries(document.paths)
      .filter(([path]) => !PUBLIC.some((pattern) => pattern.test(path)))
      .flatMap(([path, item]) =>
        METHODS.filter((method) => item[method]).map((method) => ({
          method,
          path,
          params: [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]),
          query: (item[method]!.parameters ?? []).filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name),
          headers: (item[method]!.parameters ?? []).filter((parameter) => parameter.in === 'header').map((parameter) => parameter.name),
        })),
      );
  });
  afterAll(() => ctx.close());

  /** Everything that identifies A: its marker (in every name) and every id and e-mail. */
  const aSecrets = (): string[] => [
    world.a.marker,
    world.a.client.id,
    ...world.a.touchpoints.map((t) => t.id),
    world.a.questionnaire.id,
    world.a.campaign.id,
    ...Object.values(world.a.assignments).map((a) => a.id),
    ...Object.values(world.a.reports).map((r) => r.id),
    world.a.appeal.id,
    world.a.alert.id,
    extra.evidenceId,
    extra.evidenceSha256,
    extra.programId,
    extra.waveId,
    extra.actionId,
    world.a.clientUser.user.id,
    world.a.clientUser.user.email,
    world.a.shopper.user.id,
    world.a.shopper.user.email,
  ];

  /** Every concrete request of a route: one per probe of the isolation map (one for a path without parameters); null when unmapped. */
  function requestsOf(route: Route): Probe[] | null {
    let probes: Params[] = [{}];
    if (route.params.length) {
      const rule = ISOLATION_MAP.find((entry) => entry.pattern.test(route.path));
      probes = rule ? rule.probes(world, extra) : [];
      if (!probes.length || probes.some((probe) => route.params.some((name) => !(name in probe)))) return null;
    }
    const query = route.query.filter((name) => QUERY_VALUES[name]).map((name) => [name, QUERY_VALUES[name](world)]);
    const search = query.length ? `?${new URLSearchParams(query).toString()}` : '';
    const body = ['post', 'put', 'patch'].includes(route.method) ? (BODIES[key(route)]?.(world) ?? {}) : undefined;
    return probes.map((probe) => ({
      url: fill(route.path, probe) + search,
      used: [...Object.values(probe), ...query.map(([, value]) => value)],
      body,
    }));
  }

  function expandedRequests(route: Route): Probe[] {
    const requests = requestsOf(route);
    if (!requests) throw new Error(`add ${route.path} to the isolation map (its parameters: ${route.params.join(', ')})`);
    return requests;
  }

  const send = (route: Route, request: { url: string; body?: object }, session?: Session) => {
    let call = ctx.http[route.method](request.url);
    if (session) call = call.set(session.auth);
    for (const header of route.headers) call = call.set(header, randomUUID());
    if (request.body !== undefined) call = call.send(request.body);
    return call;
  };

  /** Checks a response for A's data, ignoring the ids the caller itself put in the URL. */
  const leaks = (response: Response, used: string[]) => {
    const text = bodyText(response);
    return aSecrets().filter((secret) => !used.includes(secret) && text.includes(secret));
  };

  it('knows how to fill every parameterised route (a new route must be added to the map)', () => {
    expect(routes.length).toBeGreaterThan(5);
    if (process.env.ISOLATION_DEBUG) process.stdout.write(routes.map(key).join('\n') + '\n');
    const unmapped = routes.filter((route) => requestsOf(route) === null);
    expect(unmapped.map((route) => `add ${route.path} to the isolation map`)).toEqual([]);
  });

  it('covers the routes this matrix was written against (the generator is not silently empty)', () => {
    const present = new Set(routes.map(key));
    for (const expected of [
      'GET /users',
      'POST /users',
      'GET /auth/me',
      'GET /visit-reports/{id}/evidence',
      'GET /evidence/{id}',
      'POST /visit-reports/{id}/evidence',
    ]) {
      expect(present).toContain(expected);
    }
  });

  it('answers 401 in the error shape to every route called without a token', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      for (const request of expandedRequests(route)) {
        const response = await send(route, request);
        if (response.status !== 401 || response.body?.statusCode !== 401 || typeof response.body?.message !== 'string') {
          failures.push(`${route.method.toUpperCase()} ${request.url} → ${response.status}`);
        }
        if (leaks(response, request.used).length)
          failures.push(`${route.method.toUpperCase()} ${request.url} leaks A's data without a token`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("positive control: a consultant reads every GET route on A's objects", async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.method === 'get')) {
      for (const request of expandedRequests(route)) {
        if (request.url.startsWith(`/clients/${world.b.client.id}/touchpoints/`)) continue; // the mixed probe is meant to fail
        const response = await send(route, request, ADMIN_READS.has(key(route)) ? world.admin : world.consultant);
        if (response.status !== 200) failures.push(`GET ${request.url} → ${response.status} ${bodyText(response).slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("positive control: client A reads its own client's objects", async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => CLIENT_OWN_READS.has(key(r)))) {
      for (const request of expandedRequests(route)) {
        if (request.url.startsWith(`/clients/${world.b.client.id}/`)) continue;
        if (request.url.startsWith(`/visit-reports/${world.a.reports.submitted.id}`)) continue; // unapproved: hidden from clients
        const response = await send(route, request, world.a.clientUser);
        if (response.status !== 200) failures.push(`GET ${request.url} → ${response.status} ${bodyText(response).slice(0, 200)}`);
        // …but never the shopper's identity, nor the employee's description (consultants only)
        const text = bodyText(response);
        const identity = [world.a.shopper.user.id, world.a.shopper.user.email, `Shopper ${world.a.marker}`, 'Employee Name', 'B-17'];
        const shown = identity.filter((secret) => text.includes(secret));
        if (shown.length) failures.push(`GET ${request.url} shows client A ${shown.join(', ')}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("client B never gets a 2xx on, nor sees anything of, client A's objects", async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.params.length)) {
      for (const request of expandedRequests(route)) {
        const response = await send(route, request, world.b.clientUser);
        const allowed = (
          GLOBAL_ROUTES.has(key(route)) || route.path.startsWith('/questionnaire-templates/')
            ? [200, 201, 400, 403, 404]
            : [400, 401, 403, 404]
        ).filter((status) => status !== 400 || !BODIES[key(route)]); // a valid body must reach the access check
        if (!allowed.includes(response.status)) failures.push(`${key(route)} as ${request.url} → ${response.status}`);
        const leaked = leaks(response, request.used);
        if (leaked.length) failures.push(`${route.method.toUpperCase()} ${request.url} shows A's ${leaked.join(', ')}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("shopper B never gets a 2xx on, nor sees anything of, client A's objects or A's shopper's work", async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.params.length)) {
      for (const request of expandedRequests(route)) {
        const response = await send(route, request, world.b.shopper);
        const allowed = (route.path.startsWith('/questionnaire-templates/') ? [200, 201, 400, 403, 404] : [400, 403, 404]).filter(
          (status) => status !== 400 || !BODIES[key(route)],
        );
        if (!allowed.includes(response.status)) failures.push(`${key(route)} as ${request.url} → ${response.status}`);
        const leaked = leaks(response, request.used);
        if (leaked.length) failures.push(`${route.method.toUpperCase()} ${request.url} shows A's ${leaked.join(', ')}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('a shopper is refused (403/404) on every route that is not for shoppers', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => !SHOPPER_ROUTES.has(key(r)) && !GLOBAL_ROUTES.has(key(r)))) {
      for (const request of expandedRequests(route)) {
        const response = await send(route, request, world.b.shopper);
        if (![403, 404].includes(response.status)) failures.push(`${key(route)} as ${request.url} → ${response.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("list routes show client B and shopper B none of A's data (the job board aside)", async () => {
    const failures: string[] = [];
    // The job board legitimately shows every shopper open assignments of any client, with their touchpoint.
    const jobBoardSecrets = new Set([
      world.a.marker,
      world.a.client.id,
      world.a.campaign.id,
      world.a.assignments.open.id,
      ...world.a.touchpoints.map((t) => t.id),
    ]);
    for (const route of routes.filter((r) => !r.params.length && r.method === 'get')) {
      for (const request of expandedRequests(route)) {
        for (const session of [world.b.clientUser, world.b.shopper]) {
          const response = await send(route, request, session);
          if (response.status >= 500) failures.push(`GET ${request.url} as ${session.user.role} → ${response.status}`);
          let leaked = leaks(response, request.used);
          if (session === world.b.shopper && route.path === '/assignments')
            leaked = leaked.filter((secret) => !jobBoardSecrets.has(secret));
          if (leaked.length) failures.push(`GET ${request.url} as ${session.user.role} B shows A's ${leaked.join(', ')}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('legitimate exception: any shopper may read an open assignment (the job board), never an assigned one', async () => {
    const present = new Set(routes.map(key));
    if (!present.has('GET /assignments/{id}')) return; // route not built yet
    const open = await ctx.http.get(`/assignments/${world.a.assignments.open.id}`).set(world.b.shopper.auth).expect(200);
    expect(open.body.id).toBe(world.a.assignments.open.id);
    await ctx.http.get(`/assignments/${world.a.assignments.assigned.id}`).set(world.b.shopper.auth).expect(404);
    await ctx.http
      .get(`/assignments/${world.a.assignments.open.id}`)
      .set(world.b.clientUser.auth)
      .expect((res) => {
        if (![403, 404].includes(res.status)) throw new Error(`client user got ${res.status} on an open assignment`);
      });
  });
});
