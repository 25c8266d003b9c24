import { Module } from '@nestjs/common';
import { ExportsModule } from '../exports/exports.module';
import { KpisModule } from '../kpis/kpis.module';
import { UsersModule } from '../users/users.module';
import { ReportJobsController } from './report-jobs.controller';
import { ReportJobsService } from './report-jobs.service';

/** POST /campaigns/:id/report-jobs, GET /report-jobs/:id and its download: reports built in the background. */
@Module({
  imports: [ExportsModule, KpisModule, UsersModule],
  controllers: [ReportJobsController],
  providers: [ReportJobsService],
})
export class ReportJobsModule {}
