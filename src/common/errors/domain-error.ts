// Domain errors carry their kind (and, for a broken rule, its code); the one exception filter maps
// kinds to HTTP statuses. The codes live in error-codes.ts.
import { RULE_CODES, type DomainErrorKind, type RuleCode } from './error-codes';

export type DomainErrorCode = DomainErrorKind;

export interface ErrorDetail {
  field: string;
  reason: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    /** The rule broken, shown as `code` in the error body. */
    readonly rule?: RuleCode,
  ) {
    super(message);
  }
}

/** A request that breaks a named rule: its status comes from the rule's entry in RULE_CODES. */
export const ruleViolation = (rule: RuleCode, message: string, details?: ErrorDetail[]) =>
  new DomainError(RULE_CODES[rule].kind, message, details, rule);

export const notFound = (what: string) => new DomainError('not_found', `${what} not found`);
export const conflict = (message: string, details?: ErrorDetail[]) => new DomainError('conflict', message, details);
export const unprocessable = (message: string, details: ErrorDetail[]) => new DomainError('unprocessable', message, details);
export const forbidden = (message = 'You may not do this') => new DomainError('forbidden', message);
