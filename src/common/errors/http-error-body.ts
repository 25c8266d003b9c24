import { STATUS_CODES } from 'http';
import { ErrorDetail } from './domain-error';

/** The error shape of docs/api.md "Errors": { statusCode, error, message, details? }. */
export interface HttpErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: ErrorDetail[];
}

export function httpErrorBody(statusCode: number, message: string, details?: ErrorDetail[]): HttpErrorBody {
  const body: HttpErrorBody = { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
  if (details && details.length) body.details = details;
  return body;
}
