// The docs/api.md error shape, asserted the same way by every test that checks a refusal.
import { STATUS_CODES } from 'http';
import { RULE_CODES } from '../../src/common/errors/error-codes';

export interface ErrorDetail {
  field: string;
  reason: string;
}

/** The offending fields an error answer names, in order. */
export const fieldsOf = (body: { details?: ErrorDetail[] }) => (body.details ?? []).map((detail) => detail.field);

/**
 * Whether `body` is exactly `{ statusCode, error, code?, message, details? }` for `status`, `code` (when
 * present) a rule code of docs/errors.md, with `details` (when
 * present) a non-empty list of `{ field, reason }` strings; returns what is wrong, or null. A plain
 * function rather than expect() calls so property-based tests can report the failing payload with it.
 */
export function errorShapeProblem(status: number, body: unknown): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return `body is not an object: ${JSON.stringify(body)}`;
  const { statusCode, error, code, message, details, ...rest } = body as Record<string, unknown>;
  if (Object.keys(rest).length) return `unexpected fields ${Object.keys(rest).join(', ')}`;
  if (statusCode !== status) return `statusCode ${String(statusCode)} is not the HTTP status ${status}`;
  if (error !== STATUS_CODES[status]) return `error ${JSON.stringify(error)} is not ${JSON.stringify(STATUS_CODES[status])}`;
  if (code !== undefined && !(typeof code === 'string' && Object.hasOwn(RULE_CODES, code)))
    return `code ${JSON.stringify(code)} is not a rule code of docs/errors.md`;
  if (typeof message !== 'string' || message === '') return `message ${JSON.stringify(message)} is not a non-empty string`;
  if (details === undefined) return null;
  const wellFormed =
    Array.isArray(details) &&
    details.length > 0 &&
    details.every(
      (detail) =>
        typeof detail === 'object' &&
        detail !== null &&
        typeof (detail as ErrorDetail).field === 'string' &&
        typeof (detail as ErrorDetail).reason === 'string' &&
        Object.keys(detail).length === 2,
    );
  return wellFormed ? null : `details is not a non-empty list of { field, reason }: ${JSON.stringify(details).slice(0, 500)}`;
}

/** jest assertion form of errorShapeProblem. */
export function expectErrorShape(status: number, response: { status: number; body: unknown }): void {
  expect(response.status).toBe(status);
  expect(errorShapeProblem(status, response.body)).toBeNull();
}
