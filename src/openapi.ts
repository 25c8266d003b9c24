// The OpenAPI document: one builder for /docs (app.factory.ts) and `npm run api:types`
// (scripts/openapi-document.ts), so the typed web client is generated from what the app serves.
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Incognito API')
      .setDescription('Mystery-shopper program management: design, field work, review, KPIs and reports.')
      .setVersion('1.0')
      .addBearerAuth()
      .build(),
  );
}

/**
 * The same document without a database: Nest's preview mode scans the modules and controllers
 * (all Swagger needs) without instantiating any provider, so nothing connects anywhere.
 */
export async function buildOpenApiDocumentOffline(): Promise<OpenAPIObject> {
  const { AppModule } = await import('./app.module');
  const app = await NestFactory.create(AppModule, { preview: true, logger: false, abortOnError: false });
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
