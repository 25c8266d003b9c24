import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from './audit/audit.module';
import { FeesModule } from './fees/fees.module';
import { AuthModule } from './auth/auth.module';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { APP_CONFIG, AppConfig, logsRequests } from './config/app-config';
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

@Module({
  imports: [
    AppConfigModule,
    StorageModule,
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.logLevel,
          // Each line carries Fastify's request id (the caller's X-Request-ID or a new UUID, src/app.factory.ts).
          // Bodies are never logged; credentials in headers are masked.
          redact: ['req.headers.authorization', 'req.headers.cookie'],
          customProps: (req) => ({ userId: (req as { user?: { id: string } }).user?.id }),
        },
        // Above info there is no line per request, so no per-request logger either (nor the async context it
        // needs, which every promise would pay for): the error filter names the request of what it logs.
        ...(logsRequests(config.logLevel) ? {} : { forRoutes: [] }),
      }),
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
  ],
  providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
})
export class AppModule {}
