// Environment → typed configuration, validated once at boot. Services receive AppConfig, never process.env.

export interface AppConfig {
  port: number;
  databaseUrl: string;
  jwtSecret: string;
  /** Access-token lifetime in seconds. */
  jwtExpiresInSeconds: number;
  dataDir: string;
  /** Largest JSON body accepted, in bytes (larger → 413). */
  bodyLimitBytes: number;
  /** Largest evidence file accepted, in bytes. */
  uploadMaxBytes: number;
  adminEmail?: string;
  adminPassword?: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Login attempts allowed per email and address within loginWindowSeconds. */
  loginMaxAttempts: number;
  loginWindowSeconds: number;
  /** Failed logins allowed from one address, whatever the emails, within loginAddressWindowSeconds (password spraying). */
  loginMaxFailuresPerAddress: number;
  loginAddressWindowSeconds: number;
  /** IANA zone used for touchpoints that do not name their own. */
  defaultTimeZone: string;
  rotationDays: number;
  maxActiveAssignments: number;
  maxVisitsPerDay: number;
  /** Database connection pool size. */
  dbPoolSize: number;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const problems: string[] = [];

  const integer = (name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };

  const databaseUrl = env.DATABASE_URL ?? '';
  if (!databaseUrl) problems.push('DATABASE_URL is required (postgres://user:password@host:port/database)');
  else if (!/^postgres(ql)?:\/\//.test(databaseUrl)) problems.push('DATABASE_URL must start with postgres:// or postgresql://');

  const jwtSecret = env.JWT_SECRET ?? '';
  if (jwtSecret.length < 32) problems.push('JWT_SECRET is required and must be at least 32 characters');

  const logLevel = (env.LOG_LEVEL ?? 'info') as AppConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);

  const defaultTimeZone = env.TIME_ZONE ?? 'Europe/Madrid';
  if (!isIanaZone(defaultTimeZone)) problems.push(`TIME_ZONE must be an IANA time zone (got "${defaultTimeZone}")`);

  const adminEmail = env.ADMIN_EMAIL || undefined;
  if (adminEmail && !/^[^@\s]+@[^@\s]+$/.test(adminEmail)) problems.push('ADMIN_EMAIL must be an email address');
  const adminPassword = env.ADMIN_PASSWORD || undefined;
  if (adminPassword && adminPassword.length < 8) problems.push('ADMIN_PASSWORD must be at least 8 characters');

  const config: AppConfig = {
    port: integer('PORT', 3000, 0, 65535),
    databaseUrl,
    jwtSecret,
    jwtExpiresInSeconds: integer('JWT_EXPIRES_IN_SECONDS', 8 * 3600, 60),
    dataDir: env.DATA_DIR || './.incognito',
    bodyLimitBytes: integer('BODY_LIMIT_BYTES', 1024 * 1024, 1024),
    uploadMaxBytes: integer('UPLOAD_MAX_BYTES', 15 * 1024 * 1024, 1024),
    adminEmail,
    adminPassword,
    logLevel,
    loginMaxAttempts: integer('LOGIN_MAX_ATTEMPTS', 10, 1),
    loginWindowSeconds: integer('LOGIN_WINDOW_SECONDS', 60, 1),
    loginMaxFailuresPerAddress: integer('LOGIN_MAX_FAILURES_PER_ADDRESS', 100, 1),
    loginAddressWindowSeconds: integer('LOGIN_ADDRESS_WINDOW_SECONDS', 900, 1),
    defaultTimeZone,
    rotationDays: integer('ROTATION_DAYS', 90, 0),
    maxActiveAssignments: integer('MAX_ACTIVE_ASSIGNMENTS', 5, 1),
    maxVisitsPerDay: integer('MAX_VISITS_PER_DAY', 3, 1),
    dbPoolSize: integer('DB_POOL_SIZE', 20, 1, 500),
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}

function isIanaZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
