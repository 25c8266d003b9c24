// The OpenAPI document: one builder for /docs (app.factory.ts) and `npm run api:types`
// (scripts/openapi-document.ts), so the typed web client is generated from what the app serves.
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { OperationObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { PUBLIC_OPERATION } from './common/http/api-docs';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Incognito API')
      .setDescription('Mystery-shopper program management: design, field work, review, KPIs and reports.')
      .setVersion('1.0')
      .setLicense('AGPL-3.0-or-later', 'https://www.gnu.org/licenses/agpl-3.0.html')
      .addServer('/', 'The server that serves this document')
      .addBearerAuth()
      .build(),
  );
  markPublicOperations(document);
  return document;
}

/** Routes documented as public (see Endpoint in src/common/http/api-docs.ts) need no token: `security: []`. */
function markPublicOperations(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as Array<OperationObject & Record<string, unknown>>) {
      if (typeof operation !== 'object' || operation === null || !(PUBLIC_OPERATION in operation)) continue;
      delete operation[PUBLIC_OPERATION];
      operation.security = [];
    }
  }
}

/**
 * The same document without a database: Nest's preview mode scans the modules and controllers
 * (all Swagger needs) without instantiating any provider, so nothing connects anywhere.
 */
export async function buildOpenApiDocumentOffline(): Promise<OpenAPIObject> {
  const { AppModule } = await import('./app.module');
  const app = await NestFactory.create(AppModule, new FastifyAdapter(), { preview: true, logger: false, abortOnError: false });
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
