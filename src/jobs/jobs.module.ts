import { Global, Module } from '@nestjs/common';
import { JobQueue } from './job-queue';

/** The one job queue of the app (pg-boss on the app's PostgreSQL); any module may define and send jobs. */
@Global()
@Module({ providers: [JobQueue], exports: [JobQueue] })
export class JobsModule {}
