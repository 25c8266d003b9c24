import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ErrorDetail } from './domain-error';
import { HTTP_STATUS_OF, type RuleCode } from './error-codes';
import { httpErrorBody } from './http-error-body';

/** The single place where errors become HTTP answers; anything unexpected is a 500 that hides internals. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, message, details, code } = this.describe(exception);
    if (status >= 500) {
      // The request is named here too: above info no per-request logger binds it to the line.
      const request = host.switchToHttp().getRequest<FastifyRequest>();
      this.logger.error(
        `${request.method} ${request.url} (request ${request.id}): ${exception instanceof Error ? exception.stack : String(exception)}`,
      );
    }
    if (reply.raw.headersSent) {
      reply.raw.end();
      return;
    }
    const body = httpErrorBody(status, message, details, code);
    if (reply.sent) {
      // A route that streams its own body (streamingResponse) failed before its first byte.
      reply.raw.statusCode = status;
      reply.raw.setHeader('Content-Type', 'application/json; charset=utf-8');
      reply.raw.end(JSON.stringify(body));
      return;
    }
    void reply.status(status).send(body);
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
    // Fastify's own refusals before any route runs (a body past bodyLimit, a bad Content-Length…): their 4xx, in this shape.
    const fastifyError = exception as { code?: unknown; statusCode?: number; message?: string };
    if (
      typeof fastifyError?.code === 'string' &&
      fastifyError.code.startsWith('FST_') &&
      fastifyError.statusCode &&
      fastifyError.statusCode < 500
    ) {
      const status = fastifyError.statusCode;
      return { status, message: status === 413 ? 'Request body is too large' : (fastifyError.message ?? 'Bad request') };
    }
    return { status: 500, message: 'Internal server error' };
  }
}
