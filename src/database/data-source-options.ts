import { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/**
 * The one options object behind both the app's connection and the TypeORM CLI (ormconfig.ts). With a
 * `readUrl` (DATABASE_READ_URL) the DataSource gets a second pool on that server through TypeORM's
 * replication setting; `defaultMode: 'master'` keeps every query, repository reads included, on the
 * primary unless it asks for the replica (ReadDatabase, src/database/read-database.ts).
 */
export function buildDataSourceOptions(databaseUrl: string, poolSize = 20, readUrl?: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    ...(readUrl ? { replication: { master: { url: databaseUrl }, slaves: [{ url: readUrl }], defaultMode: 'master' as const } } : {}),
    entities: ENTITIES,
    migrations: MIGRATIONS,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsTransactionMode: 'each',
    uuidExtension: 'pgcrypto',
    // Each pool (the primary's and, with a replica, the replica's) holds up to poolSize connections.
    extra: { max: poolSize, connectionTimeoutMillis: 5000 },
  };
}
