import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { DomainError, ErrorDetail } from './domain-error';
import { HTTP_STATUS_OF, type RuleCode } from './error-codes';
import { httpErrorBody } from './http-error-body';

/** The single place where errors become HTTP answers; anything unexpected is a 500 that hides internals. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const { status, message, details, code } = this.describe(exception);
    if (status >= 500) {
      // The request is named here too: above info no per-request logger binds it to the line.
      const request = host.switchToHttp().getRequest<Request & { id?: string }>();
      this.logger.error(
        `${request.method} ${request.originalUrl} (request ${request.id}): ${exception instanceof Error ? exception.stack : String(exception)}`,
      );
    }
    if (response.headersSent) {
      response.end();
      return;
    }
    response.status(status).json(httpErrorBody(status, message, details, code));
  }

  private describe(exception: unknown): { status: number; message: string; details?: ErrorDetail[]; code?: RuleCode } {
    if (exception instanceof DomainError) {
      return { status: HTTP_STATUS_OF[exception.code], message: exception.message, details: exception.details, code: exception.rule };
    }
    if (exception instanceof ThrottlerException) {
      return { status: HttpStatus.TOO_MANY_REQUESTS, message: 'Too many attempts; try again later' };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      if (typeof body === 'object' && body !== null) {
        const { message, details } = body as { message?: unknown; details?: ErrorDetail[] };
        return {
          status,
          message: Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : exception.message,
          details,
        };
      }
      return { status, message: String(body) };
    }
    const bodyParserError = exception as { type?: string; status?: number };
    if (bodyParserError?.type === 'entity.too.large') {
      return { status: 413, message: 'Request body is too large' };
    }
    return { status: 500, message: 'Internal server error' };
  }
}
