// How every route describes itself in the OpenAPI document (/docs, /docs-json, the web client's
// generated types): one decorator per route with its operationId, summary, error statuses and
// security, and the one error body every 4xx shares (see the exception filter in src/common/errors).
import { applyDecorators } from '@nestjs/common';
import { ApiExtension, ApiOperation, ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';
import { Public } from '../auth/decorators';
import { RULE_CODES, type RuleCode } from '../errors/error-codes';

export class ErrorDetailView {
  @ApiProperty({ example: 'touchpointIds[0]' }) field: string;
  @ApiProperty({ example: 'each value in touchpointIds must be a UUID' }) reason: string;
}

/** The body of every error answer: { statusCode, error, message, details?, code? }. */
export class ErrorBodyView {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ example: 'Bad Request', description: 'The HTTP reason phrase' }) error: string;
  @ApiProperty({ example: 'Invalid request: touchpointIds[0]' }) message: string;
  @ApiPropertyOptional({ type: [ErrorDetailView], description: 'One entry per offending field' })
  details?: ErrorDetailView[];
  @ApiPropertyOptional({
    enum: Object.keys(RULE_CODES),
    description: 'The platform rule the request broke (docs/errors.md); absent when it broke none',
  })
  code?: RuleCode;
}

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429;

const ERROR_MEANING: Record<ErrorStatus, string> = {
  400: 'Invalid input; `details` names each offending field',
  401: 'No valid bearer token',
  403: 'The signed-in role may not do this',
  404: 'Not found, or not visible to the signed-in user',
  409: 'Conflicts with the current state; `details` names each broken rule',
  413: 'The body or file is too large',
  415: 'The file type is not accepted',
  422: 'Well-formed but breaks a rule of the domain; `details` lists every problem',
  429: 'Too many attempts; the Retry-After header says in how many seconds to try again',
};

const RETRY_AFTER = {
  'Retry-After': { description: 'Seconds until an attempt may pass', schema: { type: 'integer', minimum: 1 } },
};

/** Marks an operation as callable without a token; src/openapi.ts turns it into `security: []`. */
export const PUBLIC_OPERATION = 'x-public';

export interface EndpointDoc {
  /** The generated client's method name: a verb and a noun, unique in the API. */
  operationId: string;
  summary: string;
  description?: string;
  /** 4xx answers besides 401, which every non-public route documents by itself. */
  errors: ErrorStatus[];
  /** No bearer token needed: applies @Public() to the route as well, so docs and guard cannot disagree. */
  public?: boolean;
}

/** Documents one route. The success response stays with @ApiOkResponse/@ApiCreatedResponse beside it. */
export function Endpoint(doc: EndpointDoc): MethodDecorator {
  const statuses = new Set<ErrorStatus>(doc.errors);
  if (!doc.public) statuses.add(401);
  const decorators: Array<MethodDecorator | ClassDecorator | PropertyDecorator> = [
    ApiOperation({ operationId: doc.operationId, summary: doc.summary, description: doc.description }),
    ...[...statuses]
      .sort()
      .map((status) =>
        ApiResponse({ status, description: ERROR_MEANING[status], type: ErrorBodyView, headers: status === 429 ? RETRY_AFTER : undefined }),
      ),
  ];
  if (doc.public) decorators.push(Public(), ApiExtension(PUBLIC_OPERATION, true));
  return applyDecorators(...(decorators as MethodDecorator[]));
}

/** A file download: the body is the file itself, of this content type (or one of these). */
export function ApiFileResponse(contentTypes: string | string[], description: string): MethodDecorator {
  const binary = { schema: { type: 'string', format: 'binary' } };
  return ApiResponse({
    status: 200,
    description,
    content: Object.fromEntries((Array.isArray(contentTypes) ? contentTypes : [contentTypes]).map((type) => [type, binary])),
  });
}
