// The web app (web/, built by Vite into dist/web) served by the API's own server, at `/`.
//
// Client-side routes live under a few prefixes of their own, disjoint from the API's route prefixes, so
// the index.html fallback never shadows the API: an unknown API path stays the API's JSON 404 and
// /docs stays Swagger UI (test/e2e/web-serving.e2e-spec.ts checks both, and that no API route starts
// with one of these prefixes). A new area of the web app adds its prefix here.
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { basename, join, resolve } from 'path';

import { WEB_ROUTE_PREFIXES } from './web-routes';

export { WEB_ROUTE_PREFIXES };

/** `/portal`, `/portal/…` and the like: the paths that get index.html. */
export const WEB_ROUTE_PATTERN = new RegExp(`^/(?:${WEB_ROUTE_PREFIXES.join('|')})(?:/.*)?$`);

/** dist/web beside the compiled server (dist/src), or the built copy when the server runs from sources (ts-node, jest). */
export function webDistDir(): string {
  if (process.env.WEB_DIST_DIR) return resolve(process.env.WEB_DIST_DIR);
  const parent = resolve(__dirname, '..');
  return basename(parent) === 'dist' ? join(parent, 'web') : join(parent, 'dist', 'web');
}

/** The built files at `/` (a missing file is the API's JSON 404), and index.html for the client-side routes. */
export async function registerWebApp(app: NestFastifyApplication): Promise<void> {
  // Read when the app is created (tests point WEB_DIST_DIR elsewhere), not on import.
  await app.register(fastifyStatic, {
    root: webDistDir(),
    prefix: '/',
    index: 'index.html',
    redirect: false,
    setHeaders: (response, path) => {
      // Hashed bundles never change; index.html must be asked for again after a deploy.
      response.header('Cache-Control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const fastify = app.getHttpAdapter().getInstance();
  for (const prefix of WEB_ROUTE_PREFIXES) {
    for (const url of [`/${prefix}`, `/${prefix}/*`]) {
      fastify.get(url, (_request, reply) => reply.sendFile('index.html'));
    }
  }
}
