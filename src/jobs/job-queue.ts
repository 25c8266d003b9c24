import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** pg-boss keeps its queue tables here, apart from the app's own (it creates and upgrades them itself). */
export const JOB_SCHEMA = 'pgboss';

/** How long running jobs may go on once the instance is asked to stop. */
const SHUTDOWN_GRACE_MS = 20_000;

/** A transaction's query function (a TypeORM QueryRunner or EntityManager). */
export interface TransactionQueries {
  query(text: string, values: unknown[]): Promise<unknown>;
}

export interface JobContext {
  id: string;
  /** Attempts made before this one. */
  retryCount: number;
  /** The attempt after which the job fails for good. */
  retryLimit: number;
}

export interface JobDefinition<T extends object> {
  name: string;
  /**
   * A cron expression (UTC) for work the cluster does now and then, once whatever the number of
   * instances; leave it out for jobs sent on demand.
   */
  schedule?: string;
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** After this long an active job is taken to have died with its instance, and is tried again. */
  expireInSeconds?: number;
  /** Jobs one instance works on at the same time. */
  concurrency?: number;
  handle(data: T, job: JobContext): Promise<void>;
}

/**
 * Background work on PostgreSQL through pg-boss: jobs sent by one instance are done by whichever
 * instance fetches them first, and scheduled work runs once per cluster. Feature modules define their
 * jobs while the app starts (onModuleInit); the queue starts once every module is ready and stops,
 * letting running jobs finish, before the database connection closes.
 */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobQueue.name);
  private readonly definitions = new Map<string, JobDefinition<object>>();
  private readonly boss: PgBoss;
  private started = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.boss = new PgBoss({
      connectionString: config.databaseUrl,
      schema: JOB_SCHEMA,
      max: 4,
      application_name: 'incognito-jobs',
      // Finished jobs are kept a day (their state lives in the app's own tables); no one needs them after.
      deleteAfterDays: 1,
    });
    this.boss.on('error', (error: Error) => this.logger.warn(`Job queue: ${error.message}`));
  }

  define<T extends object>(definition: JobDefinition<T>): void {
    if (this.started) throw new Error(`Job ${definition.name} defined after the queue started`);
    this.definitions.set(definition.name, definition);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.boss.start();
    this.started = true;
    for (const definition of this.definitions.values()) {
      await this.boss.createQueue(definition.name, {
        name: definition.name,
        retryLimit: definition.retryLimit ?? 2,
        retryDelay: definition.retryDelaySeconds ?? 5,
        expireInSeconds: definition.expireInSeconds ?? 15 * 60,
      });
      if (definition.schedule)
        await this.boss.schedule(definition.name, definition.schedule, {}, { tz: 'UTC', singletonKey: definition.name });
      if (!this.config.jobWorkers) continue;
      for (let worker = 0; worker < (definition.concurrency ?? 1); worker++) {
        await this.boss.work<object>(
          definition.name,
          { pollingIntervalSeconds: this.config.jobPollingSeconds, includeMetadata: true },
          async ([job]) => {
            await definition.handle(job.data, { id: job.id, retryCount: job.retryCount, retryLimit: job.retryLimit });
          },
        );
      }
    }
  }

  /**
   * Sends a job. With `transaction`, the job is written in that transaction: it exists if and only if the
   * transaction commits, so nothing acknowledged to a caller is lost and nothing is sent for a rollback.
   */
  async send(name: string, data: object, transaction?: TransactionQueries): Promise<string> {
    if (!this.definitions.has(name)) throw new Error(`Unknown job ${name}`);
    const db = transaction
      ? { executeSql: async (text: string, values: unknown[]) => ({ rows: (await transaction.query(text, values)) as unknown[] }) }
      : undefined;
    const id = await this.boss.send(name, data, db ? { db } : {});
    if (!id) throw new Error(`Job ${name} was not queued`);
    return id;
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    // Running jobs get this long to finish; one cut short is expired and tried again by another instance.
    await this.boss.stop({ graceful: true, wait: true, timeout: SHUTDOWN_GRACE_MS });
  }
}
