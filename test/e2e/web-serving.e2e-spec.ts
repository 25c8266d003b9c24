// The web app served by the API's own server: its files and the index.html fallback for client-side
// routes, which never shadows the API (unknown API paths stay JSON 404s, /docs stays Swagger UI), and a
// Content-Security-Policy without inline scripts.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { buildOpenApiDocument } from '../../src/openapi';
import { WEB_ROUTE_PATTERN, WEB_ROUTE_PREFIXES } from '../../src/web-app';
import { createTestApp, TestContext } from '../helpers/test-app';

const INDEX = '<!doctype html><html><body><div id="root"></div><script type="module" src="/assets/app-1234.js"></script></body></html>';

describe('web app serving', () => {
  let ctx: TestContext;
  let webDir: string;

  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'incognito-web-dist-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), INDEX);
    writeFileSync(join(webDir, 'assets', 'app-1234.js'), 'console.log("app");');
    ctx = await createTestApp({ WEB_DIST_DIR: webDir });
  });
  afterAll(async () => {
    await ctx?.close();
    delete process.env.WEB_DIST_DIR;
    rmSync(webDir, { recursive: true, force: true });
  });

  it('serves index.html at / and for client-side routes, never cached', async () => {
    for (const path of [
      '/',
      '/sign-in',
      '/portal',
      '/portal/campaigns/3f1c7a52-0000-4000-8000-000000000000?channel=phone',
      '/console/x',
      '/shopper',
    ]) {
      const response = await ctx.http.get(path).set('Accept', 'text/html').expect(200);
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.text).toBe(INDEX);
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves hashed assets as immutable', async () => {
    const response = await ctx.http.get('/assets/app-1234.js').expect(200);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toContain('immutable');
  });

  it('leaves unknown API paths to the API: JSON 404s, whatever the Accept header', async () => {
    const unknown = [
      '/campaigns/xyz/nope',
      '/visit-reports/3f1c7a52-0000-4000-8000-000000000000/nope',
      '/nope',
      '/assets/missing.js',
      '/docs/nope.js',
      '/portalx',
    ];
    for (const path of unknown) {
      for (const accept of ['text/html', 'application/json']) {
        const response = await ctx.http.get(path).set('Accept', accept);
        expect({ path, accept, status: response.status }).toEqual({ path, accept, status: 404 });
        expect(response.headers['content-type']).toMatch(/application\/json/);
        expect(response.body.statusCode ?? response.body.status).toBe(404);
      }
    }
    // An existing API route answers as the API, not with the web app.
    const visitReports = await ctx.http.get('/visit-reports').set('Accept', 'text/html');
    expect(visitReports.status).toBe(401);
    expect(visitReports.headers['content-type']).toMatch(/application\/json/);
  });

  it('keeps /docs and /docs-json', async () => {
    const docs = await ctx.http.get('/docs/').set('Accept', 'text/html').expect(200);
    expect(docs.text).toContain('swagger-ui');
    const json = await ctx.http.get('/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
  });

  it('never gives the web app a prefix an API route uses', () => {
    const document = buildOpenApiDocument(ctx.app);
    const apiPaths = Object.keys(document.paths);
    expect(apiPaths.length).toBeGreaterThan(20);
    for (const path of [...apiPaths, '/docs', '/docs-json']) {
      expect({ path, web: WEB_ROUTE_PATTERN.test(path) }).toEqual({ path, web: false });
      expect(WEB_ROUTE_PREFIXES).not.toContain(path.split('/')[1]);
    }
  });

  it('sends a Content-Security-Policy without inline scripts, on the web app and on /docs', async () => {
    for (const path of ['/portal', '/docs/']) {
      const response = await ctx.http.get(path).set('Accept', 'text/html').expect(200);
      const policy = String(response.headers['content-security-policy']);
      const directives = Object.fromEntries(
        policy.split(';').map((directive) => {
          const [name, ...values] = directive.trim().split(/\s+/);
          return [name, values];
        }),
      );
      expect(directives['script-src']).toEqual(["'self'"]);
      expect(directives['script-src-attr']).toEqual(["'none'"]);
      expect(directives['default-src']).toEqual(["'self'"]);
      expect(directives['img-src']).toEqual(expect.arrayContaining(['blob:']));
    }
  });
});
