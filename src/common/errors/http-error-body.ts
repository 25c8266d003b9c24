import { STATUS_CODES } from 'http';
import { ErrorDetail } from './domain-error';
import type { RuleCode } from './error-codes';

/** The error shape of docs/api.md "Errors": { statusCode, error, code?, message, details? }; `code` names a broken rule (docs/errors.md). */
export interface HttpErrorBody {
  statusCode: number;
  error: string;
  code?: RuleCode;
  message: string;
  details?: ErrorDetail[];
}

export function httpErrorBody(statusCode: number, message: string, details?: ErrorDetail[], code?: RuleCode): HttpErrorBody {
  return {
    statusCode,
    error: STATUS_CODES[statusCode] ?? 'Error',
    ...(code !== undefined ? { code } : {}),
    message,
    ...(details && details.length ? { details } : {}),
  };
}
