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
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const record = value as Record<string, unknown>;
  let fields = '';
  // sort() orders by UTF-16 code units, as `<` does.
  for (const key of Object.keys(record).sort()) {
    const field = record[key];
    if (field !== undefined) fields += `${fields ? ',' : ''}${JSON.stringify(key)}:${canonicalJson(field)}`;
  }
  return `{${fields}}`;
}

/** sha256 (hex) of what the request asks for: the target assignment and the canonical body. */
export function submissionRequestHash(assignmentId: string, body: unknown): string {
  return createHash('sha256').update(canonicalJson({ assignmentId, body })).digest('hex');
}
