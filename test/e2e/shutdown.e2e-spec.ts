// Graceful shutdown: app.close() (what main.ts calls on SIGTERM/SIGINT) stops taking connections,
// lets the request in flight finish with its real answer, and only then closes the database pool.
// Deterministic: close is called from the server's own 'request' event for the login, i.e. while that
// request is provably unanswered (its body not yet read, the account not yet looked up, argon2 not run).
import type { IncomingMessage, ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { ADMIN, createTestApp, TestContext } from '../helpers/test-app';

// jest.config.js sets testTimeout per project, where jest ignores it (a global option); e2e setup on a
// busy 2-core machine can take longer than jest's 5 s default.
jest.setTimeout(60_000);

describe('graceful shutdown', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(async () => {
    await ctx.close(); // closing again is harmless; this also drops the test database
  });

  it('lets an in-flight login finish with 200, then closes the pool and refuses new connections', async () => {
    await ctx.app.listen(0, '127.0.0.1');
    const server = ctx.app.getHttpServer();
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    expect(ctx.db.isInitialized).toBe(true);

    const events: string[] = [];
    let closing: Promise<void> | undefined;
    let unansweredWhenClosing: boolean | undefined;
    server.once('request', (_req: IncomingMessage, res: ServerResponse) => {
      unansweredWhenClosing = !res.headersSent && !res.writableFinished;
      res.once('finish', () => events.push('response finished'));
      events.push('close called');
      closing = ctx.app.close().then(() => {
        events.push('app closed');
      });
    });

    // `connection: close` as a proxy sends it. A keep-alive client's idle socket would instead hold
    // server.close() open until that client hangs up or keepAliveTimeout (5 s) passes.
    const response = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', connection: 'close' },
      body: JSON.stringify(ADMIN),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { accessToken?: string; user?: { email: string } };
    expect(typeof body.accessToken).toBe('string');
    expect(body.user?.email).toBe(ADMIN.email);

    expect(closing).toBeDefined();
    expect(unansweredWhenClosing).toBe(true);
    const started = Date.now();
    await closing;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(events).toEqual(['close called', 'response finished', 'app closed']);
    expect(ctx.db.isInitialized).toBe(false);
    expect(server.listening).toBe(false);
    await expect(fetch(`${base}/health`)).rejects.toThrow();
  });
});
