import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { bodyParsers } from './common/http/body-parsing';
import { requestIds } from './common/http/request-id';
import { createValidationPipe } from './common/http/validation';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { buildOpenApiDocument } from './openapi';

/** Builds the HTTP application exactly as production runs it; tests use the same function. */
export async function createApp(): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bodyParser: false,
    bufferLogs: true,
    forceCloseConnections: false,
  });
  const config = app.get<AppConfig>(APP_CONFIG);
  app.useLogger(app.get(Logger));
  // X-Forwarded-For is believed only from the proxies TRUST_PROXY names (none by default): the login limits key on req.ip.
  app.set('trust proxy', config.trustProxy);
  app.use(requestIds);
  app.use(
    helmet({
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
    }),
  );
  app.use(...bodyParsers(config.bodyLimitBytes));
  app.useGlobalPipes(createValidationPipe());

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
