// The DataSource the TypeORM CLI uses (npm run migration:generate|run|revert).
// It points at DATABASE_URL or, when that is unset, at the embedded server `npm start` is running.
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './src/database/data-source-options';

function databaseUrl(): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const file = join(process.env.DATA_DIR || './.incognito', 'database-url');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  throw new Error('Set DATABASE_URL, or run `npm start` so the embedded database is up');
}

export default new DataSource(buildDataSourceOptions(databaseUrl()));
