// The OpenAPI document the app serves at /docs-json: Redocly's recommended rules pass, every operation
// documents its success body, errors and security as the app really behaves, and the web client's
// generated types (web/src/shared/api/schema.d.ts) are what `npm run api:types` makes of it today.
import { execFile } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { promisify } from 'util';
import { API_TYPES_FILE, serialiseDocument, writeApiTypes } from '../../scripts/openapi-document';
import { buildOpenApiDocumentOffline } from '../../src/openapi';
import { createTestApp, TestContext } from '../helpers/test-app';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../..');
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface Operation {
  operationId?: string;
  summary?: string;
  security?: Array<Record<string, string[]>>;
  responses: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
}
interface Document {
  paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
  components: { schemas: Record<string, unknown> };
}

describe('OpenAPI document (/docs-json)', () => {
  let ctx: TestContext;
  let document: Document;
  let tempDir: string;
  const operations: Array<{ method: (typeof METHODS)[number]; path: string; operation: Operation }> = [];

  beforeAll(async () => {
    ctx = await createTestApp();
    document = (await ctx.http.get('/docs-json').expect(200)).body as Document;
    for (const [path, item] of Object.entries(document.paths)) {
      for (const method of METHODS) {
        const operation = item[method];
        if (operation) operations.push({ method, path, operation });
      }
    }
    tempDir = mkdtempSync(join(tmpdir(), 'incognito-openapi-test-'));
  });
  afterAll(async () => {
    rmSync(tempDir, { recursive: true, force: true });
    await ctx.close();
  });

  it('passes Redocly’s recommended rules without an error or a warning', async () => {
    const file = join(tempDir, 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    const cli = join(ROOT, 'node_modules/@redocly/cli/bin/cli.js');
    // Exit code 1 on errors: the JSON report is on stdout either way.
    const { stdout } = await run(process.execPath, [cli, 'lint', '--extends', 'recommended', '--format', 'json', file], {
      cwd: ROOT,
      maxBuffer: 20 * 1024 * 1024,
    }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const report = JSON.parse(stdout) as {
      problems: Array<{ ruleId: string; severity: string; message: string; location: Array<{ pointer: string }> }>;
    };
    const problems = report.problems.map((p) => `${p.severity} ${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`);
    expect(problems).toEqual([]);
  }, 120000);

  it('covers every route with an operationId, a summary and a typed success body', () => {
    expect(operations.length).toBeGreaterThanOrEqual(45);
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { method, path, operation } of operations) {
      const where = `${method.toUpperCase()} ${path}`;
      expect([where, operation.operationId]).toEqual([where, expect.stringMatching(/^[a-z][A-Za-z0-9]+$/)]);
      expect([where, operation.summary]).toEqual([where, expect.any(String)]);
      const success = Object.entries(operation.responses).filter(([status]) => /^2\d\d$/.test(status));
      expect([where, success.length]).toEqual([where, 1]);
      const content = success[0][1].content ?? {};
      const json = content['application/json'];
      if (success[0][0] === '204') {
        // No Content: documented without a body, and nothing else.
        expect([where, Object.keys(content)]).toEqual([where, []]);
      } else if (json) {
        // JSON, alone and with a real schema.
        expect([where, Object.keys(content)]).toEqual([where, ['application/json']]);
        expect([where, JSON.stringify(json.schema ?? {})]).not.toEqual([where, '{}']);
      } else {
        // A file: a binary string of each content type it can be.
        expect([where, Object.keys(content).length]).not.toEqual([where, 0]);
        for (const [type, { schema }] of Object.entries(content)) {
          expect([where, type, schema]).toEqual([where, type, { type: 'string', format: 'binary' }]);
        }
      }
    }
  });

  it('gives every 4xx the one error body, and every non-public route bearer security and a 401', () => {
    const errorRef = { $ref: '#/components/schemas/ErrorBodyView' };
    expect(document.components.schemas.ErrorBodyView).toMatchObject({
      required: expect.arrayContaining(['statusCode', 'error', 'message']),
      properties: expect.objectContaining({ details: expect.anything(), code: expect.anything() }),
    });
    for (const { method, path, operation } of operations) {
      const where = `${method.toUpperCase()} ${path}`;
      const errors = Object.entries(operation.responses).filter(([status]) => /^4\d\d$/.test(status));
      expect([where, errors.length]).not.toEqual([where, 0]);
      for (const [status, response] of errors) {
        expect([where, status, response.content]).toEqual([where, status, { 'application/json': { schema: errorRef } }]);
      }
      const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
      if (!isPublic) {
        expect([where, operation.security]).toEqual([where, [{ bearer: [] }]]);
        expect([where, Object.keys(operation.responses)]).toEqual([where, expect.arrayContaining(['401'])]);
      }
    }
    const publicOperations = operations
      .filter(({ operation }) => operation.security?.length === 0)
      .map(({ operation }) => operation.operationId);
    expect(publicOperations.sort()).toEqual(['checkHealth', 'login', 'resetPassword']);
  });

  it('documents security as the guard applies it: without a token every route but the public ones is a 401', async () => {
    const anyId = '00000000-0000-4000-8000-000000000000';
    for (const { method, path, operation } of operations) {
      const url = path.replace(/\{[^}]+\}/g, anyId);
      const response = await ctx.http[method](url).send({});
      const isPublic = operation.security?.length === 0;
      expect([`${method.toUpperCase()} ${path}`, response.status === 401]).toEqual([`${method.toUpperCase()} ${path}`, !isPublic]);
    }
  });

  it('documents the public health check’s one 4xx truthfully: a malformed body is a 400', async () => {
    await ctx.http.get('/health').set('Content-Type', 'application/json').send('{"broken":').expect(400);
    expect(Object.keys(document.paths['/health'].get!.responses).filter((status) => status.startsWith('4'))).toEqual(['400']);
  });

  it('is built the same without a database (the document `npm run api:types` reads)', async () => {
    const offline = await buildOpenApiDocumentOffline();
    expect(JSON.parse(serialiseDocument(offline))).toEqual(document);
  });

  it('matches the committed web client types (run `npm run api:types` after changing the API)', () => {
    const file = join(tempDir, 'served.json');
    writeFileSync(file, serialiseDocument(document));
    const generated = join(tempDir, 'schema.d.ts');
    writeApiTypes(file, generated);
    const types = readFileSync(generated, 'utf8');
    expect(firstDifference(readFileSync(API_TYPES_FILE, 'utf8'), types)).toBe('none: the committed types are fresh');
    // An object schema without properties would reach the web app as Record<string, never>.
    const empty = types
      .split('\n')
      .filter((line) => line.includes('Record<string, never>') && !/^export type (webhooks|\$defs) =/.test(line));
    expect(empty).toEqual([]);
  }, 120000);
});

/** Where the committed types and today's part ways, in a few lines rather than a 4000-line diff. */
function firstDifference(committed: string, generated: string): string {
  if (committed === generated) return 'none: the committed types are fresh';
  const [old, now] = [committed.split('\n'), generated.split('\n')];
  const at = old.findIndex((line, index) => line !== now[index]);
  const line = at === -1 ? old.length : at;
  const around = (lines: string[]) => lines.slice(Math.max(0, line - 2), line + 3).join('\n');
  return `stale from line ${line + 1}: run \`npm run api:types\` and commit ${API_TYPES_FILE}\n--- committed\n${around(old)}\n--- generated\n${around(now)}`;
}
