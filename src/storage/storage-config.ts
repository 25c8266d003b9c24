// EVIDENCE_STORAGE and the S3_* variables → where objects are kept. Parsed with the rest of AppConfig.
import { objectKeyProblem } from './object-key';

export type EvidenceStorageConfig = { kind: 'disk' } | S3StorageConfig;

export interface S3StorageConfig {
  kind: 's3';
  bucket: string;
  /** Folder inside the bucket, without leading or trailing slash; '' for the bucket's root. */
  prefix: string;
  /** An S3-compatible store's URL (MinIO, s3rver…); unset for AWS itself. */
  endpoint?: string;
  region: string;
  /** Both or neither: without them the AWS SDK's default credential chain applies (environment, profile, instance role). */
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
}

/** S3's bucket naming rules: 3-63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit. */
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const REGION = /^[a-z0-9-]{1,40}$/;

/** Pushes a line naming the variable to `problems` for each bad value. */
export function parseEvidenceStorage(env: Record<string, string | undefined>, problems: string[]): EvidenceStorageConfig {
  const raw = (env.EVIDENCE_STORAGE ?? '').trim();
  if (raw === '' || raw === 'disk') return { kind: 'disk' };
  const match = /^s3:\/\/([^/]*)(?:\/(.*))?$/.exec(raw);
  const bucket = match?.[1] ?? '';
  const prefix = (match?.[2] ?? '').replace(/\/+$/, '');
  if (!match || !BUCKET.test(bucket) || bucket.includes('..')) {
    problems.push(`EVIDENCE_STORAGE must be "disk" or s3://bucket/prefix with a valid bucket name (got "${raw}")`);
    return { kind: 'disk' };
  }
  if (prefix && objectKeyProblem(prefix)) {
    problems.push(`EVIDENCE_STORAGE's prefix "${prefix}" is not usable: ${objectKeyProblem(prefix)}`);
  }

  const endpoint = env.S3_ENDPOINT?.trim() || undefined;
  if (endpoint && !isHttpUrlWithoutCredentials(endpoint)) {
    problems.push('S3_ENDPOINT must be an http:// or https:// URL without user or password (e.g. http://localhost:9000)');
  }
  const region = env.S3_REGION?.trim() || 'us-east-1';
  if (!REGION.test(region)) problems.push(`S3_REGION must be a region name such as us-east-1 (got "${region}")`);

  const accessKeyId = env.S3_ACCESS_KEY_ID || undefined;
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY || undefined;
  if (!accessKeyId !== !secretAccessKey) {
    problems.push('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both, or neither to use the AWS default credential chain');
  }

  const pathStyle = (env.S3_FORCE_PATH_STYLE ?? '').trim().toLowerCase();
  let forcePathStyle = endpoint !== undefined;
  if (['true', '1'].includes(pathStyle)) forcePathStyle = true;
  else if (['false', '0'].includes(pathStyle)) forcePathStyle = false;
  else if (pathStyle !== '') problems.push(`S3_FORCE_PATH_STYLE must be true or false (got "${env.S3_FORCE_PATH_STYLE}")`);

  return { kind: 's3', bucket, prefix, endpoint, region, accessKeyId, secretAccessKey, forcePathStyle };
}

/** Where objects go, as logs and /health show it: never credentials. */
export function describeStorage(config: Pick<S3StorageConfig, 'bucket' | 'prefix'>): string {
  return `s3://${config.bucket}${config.prefix ? `/${config.prefix}` : ''}`;
}

function isHttpUrlWithoutCredentials(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password;
  } catch {
    return false;
  }
}
