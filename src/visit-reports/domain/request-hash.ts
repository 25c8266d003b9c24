// Fingerprint of a submission, so a retried request (same Idempotency-Key) can be told apart from a
// different request that reuses the key. Pure: no Nest, no ORM.
import { createHash } from 'crypto';

/**
 * JSON with object keys sorted at every level, so the same content always gives the same text
 * whatever order the client wrote the fields in. Array order is kept (it can matter). Fields whose
 * value is `undefined` are left out, as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    return text === undefined ? 'null' : text;
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, field]) => field !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`).join(',')}}`;
}

/** sha256 (hex) of what the request asks for: the target assignment and the canonical body. */
export function submissionRequestHash(assignmentId: string, body: unknown): string {
  return createHash('sha256').update(canonicalJson({ assignmentId, body })).digest('hex');
}
