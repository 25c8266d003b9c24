// Environment → typed configuration, validated once at boot. Services receive AppConfig, never process.env.
import { isIP } from 'net';
import { PASSWORD_MIN_LENGTH } from '../users/password-policy';
import { EvidenceStorageConfig, parseEvidenceStorage } from '../storage/storage-config';

export interface AppConfig {
  port: number;
  databaseUrl: string;
  /**
   * DATABASE_READ_URL: a read replica for the heavy read-only work (KPI and program models, PDF and Excel
   * exports), which may lag the primary by its replication delay; unset, everything uses databaseUrl.
   */
  databaseReadUrl?: string;
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
  /** Failed logins allowed per email and address within loginWindowSeconds. */
  loginMaxAttempts: number;
  loginWindowSeconds: number;
  /** Failed logins allowed from one address, whatever the emails, within loginAddressWindowSeconds (password spraying). */
  loginMaxFailuresPerAddress: number;
  loginAddressWindowSeconds: number;
  /** Failed logins allowed for one account, whatever the addresses, within loginAccountWindowSeconds. */
  loginMaxFailuresPerAccount: number;
  loginAccountWindowSeconds: number;
  /**
   * Express's `trust proxy`: false (the default) takes the client address from the socket and ignores
   * X-Forwarded-For; a hop count or a list of proxy addresses/subnets believes the header that far.
   */
  trustProxy: TrustProxy;
  /** IANA zone used for touchpoints that do not name their own. */
  defaultTimeZone: string;
  rotationDays: number;
  maxActiveAssignments: number;
  maxVisitsPerDay: number;
  /** Database connection pool size. */
  dbPoolSize: number;
  /** ISO 4217 code of the consultancy's currency: shopper fees are integer cents of it (CURRENCY, default EUR). */
  currency: string;
  /** Where evidence files go: the data folder (EVIDENCE_STORAGE unset or "disk") or an S3-compatible bucket (s3://bucket/prefix, S3_*). */
  evidenceStorage: EvidenceStorageConfig;
  /** JOB_WORKERS=false: this instance answers HTTP only and leaves background jobs to the others. */
  jobWorkers: boolean;
  /** How often an idle worker asks the queue for a job, in seconds. */
  jobPollingSeconds: number;
  /** How long a built report file is kept for download and reuse, in hours. */
  reportRetentionHours: number;
}

/** false, the number of proxies in front of the server, or the addresses/subnets (or proxy-addr names) of trusted proxies. */
export type TrustProxy = false | number | string[];

export const APP_CONFIG = Symbol('APP_CONFIG');

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Whether a line is written per request (pino-http's, at info). */
export const logsRequests = (level: AppConfig['logLevel']): boolean => level === 'info' || level === 'debug' || level === 'trace';

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
  const boolean = (name: string, fallback: boolean): boolean => {
    const raw = (env[name] ?? '').trim().toLowerCase();
    if (raw === '') return fallback;
    if (raw === 'true' || raw === '1') return true;
    if (raw === 'false' || raw === '0') return false;
    problems.push(`${name} must be true or false (got "${env[name]}")`);
    return fallback;
  };

  const databaseUrl = env.DATABASE_URL ?? '';
  if (!databaseUrl) problems.push('DATABASE_URL is required (postgres://user:password@host:port/database)');
  else if (!/^postgres(ql)?:\/\//.test(databaseUrl)) problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  const databaseReadUrl = env.DATABASE_READ_URL || undefined;
  if (databaseReadUrl && !/^postgres(ql)?:\/\//.test(databaseReadUrl))
    problems.push('DATABASE_READ_URL must start with postgres:// or postgresql:// (a read replica of DATABASE_URL)');

  const jwtSecret = env.JWT_SECRET ?? '';
  if (jwtSecret.length < 32) problems.push('JWT_SECRET is required and must be at least 32 characters');

  const logLevel = (env.LOG_LEVEL ?? 'info') as AppConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);

  const defaultTimeZone = env.TIME_ZONE ?? 'Europe/Madrid';
  if (!isIanaZone(defaultTimeZone)) problems.push(`TIME_ZONE must be an IANA time zone (got "${defaultTimeZone}")`);

  const adminEmail = env.ADMIN_EMAIL || undefined;
  if (adminEmail && !/^[^@\s]+@[^@\s]+$/.test(adminEmail)) problems.push('ADMIN_EMAIL must be an email address');
  const adminPassword = env.ADMIN_PASSWORD || undefined;
  if (adminPassword && [...adminPassword].length < PASSWORD_MIN_LENGTH)
    problems.push(`ADMIN_PASSWORD must be at least ${PASSWORD_MIN_LENGTH} characters`);

  const trustProxy = parseTrustProxy(env.TRUST_PROXY, problems);

  const currency = env.CURRENCY || 'EUR';
  if (!isCurrencyCode(currency)) problems.push(`CURRENCY must be an ISO 4217 currency code such as EUR or USD (got "${currency}")`);

  const evidenceStorage = parseEvidenceStorage(env, problems);

  const config: AppConfig = {
    port: integer('PORT', 3000, 0, 65535),
    databaseUrl,
    databaseReadUrl,
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
    loginMaxFailuresPerAccount: integer('LOGIN_MAX_FAILURES_PER_ACCOUNT', 30, 1),
    loginAccountWindowSeconds: integer('LOGIN_ACCOUNT_WINDOW_SECONDS', 900, 1),
    trustProxy,
    defaultTimeZone,
    rotationDays: integer('ROTATION_DAYS', 90, 0),
    maxActiveAssignments: integer('MAX_ACTIVE_ASSIGNMENTS', 5, 1),
    maxVisitsPerDay: integer('MAX_VISITS_PER_DAY', 3, 1),
    dbPoolSize: integer('DB_POOL_SIZE', 20, 1, 500),
    currency,
    evidenceStorage,
    jobWorkers: boolean('JOB_WORKERS', true),
    jobPollingSeconds: integer('JOB_POLLING_SECONDS', 2, 1, 60),
    reportRetentionHours: integer('REPORT_RETENTION_HOURS', 24, 1, 24 * 90),
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/** proxy-addr's names for address ranges, as Express's `trust proxy` accepts them. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY: unset, empty, `false` or `0` → false; a whole number 1..32 → that many hops; otherwise a
 * comma-separated list of IP addresses, subnets (`10.0.0.0/8`) or the names loopback, linklocal,
 * uniquelocal. Anything else is a configuration problem (so a typo never silently trusts everyone).
 */
export function parseTrustProxy(raw: string | undefined, problems: string[]): TrustProxy {
  const text = (raw ?? '').trim();
  if (text === '' || text === 'false' || text === '0') return false;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops <= 32) return hops;
    problems.push(`TRUST_PROXY as a hop count must be between 0 and 32 (got "${text}")`);
    return false;
  }
  const entries = text.split(',').map((entry) => entry.trim());
  const bad = entries.filter((entry) => !PROXY_RANGE_NAMES.has(entry) && !isAddressOrSubnet(entry));
  if (bad.length || text === 'true') {
    problems.push(
      `TRUST_PROXY must be false, a number of proxies (1-32), or a comma-separated list of IP addresses, subnets or loopback/linklocal/uniquelocal (bad: ${bad.map((entry) => `"${entry}"`).join(', ') || '"true"'})`,
    );
    return false;
  }
  return entries;
}

function isAddressOrSubnet(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (!version || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

function isIanaZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** An upper-case ISO 4217 code the runtime knows (Intl's list), e.g. EUR, USD, MXN. */
function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && Intl.supportedValuesOf('currency').includes(code);
}
