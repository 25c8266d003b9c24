// "The read connection": where the heavy read-only work runs (the KPI and program models, the PDF and Excel
// exports). With DATABASE_READ_URL that is the replica's pool of the one DataSource (data-source-options.ts);
// without it, TypeORM hands out a primary connection, so nothing changes. Anything that writes, or must see
// what this request has just written, uses the DataSource itself: a replica may lag the primary.
import { Global, Injectable, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** What the read-only query code needs: `query`, which both ReadDatabase and a plain DataSource (bench, scripts) offer. */
export type ReadQueries = Pick<DataSource, 'query'>;

@Injectable()
export class ReadDatabase implements ReadQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** One statement on a replica connection, taken from its pool and given back (as DataSource.query does on the primary). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the same contract as DataSource.query<T = any>
  async query<T = any>(sql: string, parameters?: unknown[]): Promise<T> {
    const runner = this.dataSource.createQueryRunner('slave');
    try {
      return (await runner.query(sql, parameters)) as T;
    } finally {
      await runner.release();
    }
  }
}

/** Global, so every feature module that reads heavily can inject ReadDatabase. */
@Global()
@Module({ providers: [ReadDatabase], exports: [ReadDatabase] })
export class ReadDatabaseModule {}
