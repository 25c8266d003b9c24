// Domain errors carry a code; the one exception filter maps codes to HTTP statuses.

export type DomainErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unprocessable'
  | 'payload_too_large'
  | 'unsupported_media_type';

export interface ErrorDetail {
  field: string;
  reason: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} not found`);
export const conflict = (message: string, details?: ErrorDetail[]) => new DomainError('conflict', message, details);
export const unprocessable = (message: string, details: ErrorDetail[]) =>
  new DomainError('unprocessable', message, details);
export const forbidden = (message = 'You may not do this') => new DomainError('forbidden', message);
