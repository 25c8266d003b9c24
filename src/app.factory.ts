import multipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import type { IncomingMessage } from 'http';
import { Logger } from 'nestjs-pino';
import { parse as parseQueryString } from 'querystring';
import { AppModule } from './app.module';
import { registerBodyParsers } from './common/http/body-parsing';
import { requestIdOf } from './common/http/request-id';
import { createValidationPipe } from './common/http/validation';
import { parseConfig } from './config/app-config';
import { buildOpenApiDocument } from './openapi';
import { registerWebApp } from './web-app';

/** Builds the HTTP application exactly as production runs it; tests use the same function. */
export async function createApp(): Promise<NestFastifyApplication> {
  // Read here as well as in AppConfigModule: the server's own options come before the module graph.
  const config = parseConfig(process.env);
  const adapter = new FastifyAdapter({
    // X-Forwarded-For is believed only from the proxies TRUST_PROXY names (none by default): the login limits key on req.ip.
    trustProxy: config.trustProxy,
    bodyLimit: config.bodyLimitBytes,
    // The caller's X-Request-ID or a new one: the request log's id (pino-http takes Fastify's), answered in the same header.
    genReqId: (request: IncomingMessage) => requestIdOf(request.headers['x-request-id']),
    routerOptions: {
      // Node's querystring, as Express 5's default "simple" parser: `region=a&region=b` is an array, `region[1]` a plain name.
      querystringParser: (text) => parseQueryString(text),
      // As Express routes: `/Users/` is `/users`, and long path parameters reach the route (which names the bad one).
      ignoreTrailingSlash: true,
      caseSensitive: false,
      maxParamLength: 10_000,
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, {
    bodyParser: false,
    bufferLogs: true,
    forceCloseConnections: false,
  });
  app.useLogger(app.get(Logger));
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });
  // The request log (pino-http, app.module.ts) names the signed-in user from Node's request, which lies under Fastify's:
  // the `user` the guards set on Fastify's request is kept on Node's.
  fastify.decorateRequest('user', {
    getter(this: { raw: { user?: unknown } }) {
      return this.raw.user;
    },
    setter(this: { raw: { user?: unknown } }, user: unknown) {
      this.raw.user = user;
    },
  });
  const secureHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        // helmet's defaults (script-src 'self': no inline script, for the web app and /docs alike), plus blob:
        // images and audio (evidence previews the web app fetches with its token) and no upgrade to https, which would
        // break the plain-http `npm start` on localhost; TLS belongs to the proxy in front.
        'img-src': ["'self'", 'data:', 'blob:'],
        'media-src': ["'self'", 'blob:'],
        'upgrade-insecure-requests': null,
      },
    },
  });
  // helmet's middleware built once, on Node's request and response (@fastify/helmet builds it anew for every request).
  fastify.addHook('onRequest', (request, reply, done) =>
    secureHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)),
  );
  registerBodyParsers(fastify);
  // Multipart bodies are left unread until an upload route reads its file (src/evidence/evidence-file.interceptor.ts).
  await app.register(multipart);
  app.useGlobalPipes(createValidationPipe());

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  // The web app's files and its index.html fallback for client-side routes (src/web-app.ts).
  await registerWebApp(app);
  return app;
}
