// `npm run api:types`: the OpenAPI document the app serves at /docs-json, turned into the TypeScript
// types of the web client (web/src/shared/api/schema.d.ts, committed; a test fails when it is stale).
//
// The document is built from the app's modules in Nest's preview mode (src/openapi.ts): no database,
// no JWT secret, nothing listens. openapi-typescript is an ES module, so it runs as its CLI in a
// child process, here and in the staleness test alike.
//
//   ts-node --transpile-only scripts/openapi-document.ts [--json <file>] [--types <file>]
//   (no option: the types go to web/src/shared/api/schema.d.ts)
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { buildOpenApiDocumentOffline } from '../src/openapi';

const ROOT = resolve(__dirname, '..');
export const API_TYPES_FILE = join(ROOT, 'web/src/shared/api/schema.d.ts');

/** The JSON the app serves, byte for byte (Fastify sends an object as JSON.stringify without spacing). */
export function serialiseDocument(document: unknown): string {
  return JSON.stringify(document);
}

/** Runs the openapi-typescript CLI on a document file and writes the types to `outputFile`. */
export function writeApiTypes(documentFile: string, outputFile: string): void {
  const cli = join(ROOT, 'node_modules/openapi-typescript/bin/cli.js');
  execFileSync(process.execPath, [cli, documentFile, '--output', outputFile, '--alphabetize'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const jsonFile = option('--json');
  const typesFile = option('--types') ?? (jsonFile ? undefined : API_TYPES_FILE);

  const json = serialiseDocument(await buildOpenApiDocumentOffline());
  if (jsonFile) writeFileSync(resolve(jsonFile), json);
  if (typesFile) {
    const dir = mkdtempSync(join(tmpdir(), 'incognito-openapi-'));
    try {
      const documentFile = join(dir, 'openapi.json');
      writeFileSync(documentFile, json);
      writeApiTypes(documentFile, resolve(typesFile));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    process.stdout.write(`API types written to ${typesFile}\n`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
