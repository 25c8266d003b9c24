import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { randomUUID } from 'crypto';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from './audit/audit.module';
import { FeesModule } from './fees/fees.module';
import { AuthModule } from './auth/auth.module';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { AppConfigModule } from './config/config.module';
import { buildDataSourceOptions } from './database/data-source-options';
import { ReadDatabaseModule } from './database/read-database';
import { EvidenceModule } from './evidence/evidence.module';
import { HealthModule } from './health/health.module';
import { JobsModule } from './jobs/jobs.module';
import { KpisModule } from './kpis/kpis.module';
import { ExportsModule } from './exports/exports.module';
import { UsersModule } from './users/users.module';
import { CampaignsModule } from './campaigns/campaigns.module';
import { ClientsModule } from './clients/clients.module';
import { QuestionnairesModule } from './questionnaires/questionnaires.module';
import { AssignmentsModule } from './assignments/assignments.module';
import { VisitReportsModule } from './visit-reports/visit-reports.module';
import { ProgramsModule } from './programs/programs.module';
import { ReportJobsModule } from './report-jobs/report-jobs.module';
import { StorageModule } from './storage/storage.module';
import { webAppModule } from './web-app';

@Module({
  imports: [
    AppConfigModule,
    StorageModule,
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const logsRequests = ['info', 'debug', 'trace'].includes(config.logLevel);
        return {
          pinoHttp: {
            level: config.logLevel,
            genReqId: (req, res) => {
              const id = (req.headers['x-request-id'] as string | undefined) ?? randomUUID();
              res.setHeader('x-request-id', id);
              return id;
            },
            ...(logsRequests
              ? {
                  // Bodies are never logged; credentials in headers are masked.
                  redact: ['req.headers.authorization', 'req.headers.cookie'],
                  customProps: (req) => ({ userId: (req as { user?: { id: string } }).user?.id }),
                }
              : {
                  // No line per request above info: the request is bound to the few lines written (errors) by
                  // id, method and url alone, without serializing and redacting its headers on every request.
                  autoLogging: false,
                  wrapSerializers: false,
                  serializers: {
                    req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
                  },
                }),
          },
        };
      },
    }),
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...buildDataSourceOptions(config.databaseUrl, config.dbPoolSize, config.databaseReadUrl),
        migrationsRun: true,
        retryAttempts: 3,
        retryDelay: 1000,
      }),
    }),
    ReadDatabaseModule,
    JobsModule,
    AuthModule,
    AuditModule,
    FeesModule,
    UsersModule,
    ClientsModule,
    QuestionnairesModule,
    CampaignsModule,
    EvidenceModule,
    KpisModule,
    ExportsModule,
    AssignmentsModule,
    VisitReportsModule,
    HealthModule,
    ProgramsModule,
    ReportJobsModule,
    // Last: the web app's files and its index.html fallback for client-side routes (src/web-app.ts).
    webAppModule(),
  ],
  providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
})
export class AppModule {}
