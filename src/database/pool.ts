import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * The pg pool under TypeORM (the primary). Statements run on every request go to it directly, as named
 * statements: parsed and planned once per connection, not per request, and without TypeORM's query
 * runner around each.
 */
export function primaryPool(dataSource: DataSource): Pool {
  return (dataSource.driver as PostgresDriver).master as Pool;
}
