import { Param, ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';

/**
 * A route parameter that must be a UUID (any version): `@UuidParam('id') id: string`. Anything else is
 * a 400 naming the parameter, before any query runs.
 */
export function UuidParam(name: string): ParameterDecorator {
  const reason = `${name} must be a UUID`;
  return Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => new DomainError('bad_request', `Invalid request: ${name}`, [{ field: name, reason }]),
    }),
  );
}
