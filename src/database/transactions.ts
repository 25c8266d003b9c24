// The two ways code talks to the database outside TypeORM's repositories: one statement on whatever
// connection is at hand, or several in a transaction on a connection of their own.
import type { DataSource, QueryRunner } from 'typeorm';

/** What a single statement needs from a connection; TypeORM's DataSource, EntityManager and QueryRunner all fit. */
export interface SqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * Runs `work` in a transaction on a connection taken from the pool: committed when it resolves, rolled
 * back when it throws, the connection released either way. `work` gets the QueryRunner (not just an
 * EntityManager) for its structured results (`affected`, `records`).
 */
export async function inTransaction<T>(dataSource: DataSource, work: (runner: QueryRunner) => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    const result = await work(runner);
    await runner.commitTransaction();
    return result;
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}
