import { Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { DomainError } from '../errors/domain-error';

/**
 * A route parameter that must be a UUID (any version): `@UuidParam('id') id: string`. Anything else is
 * a 400 naming the parameter, before any query runs; /docs shows it as `format: uuid`.
 */
export function UuidParam(name: string): ParameterDecorator {
  const reason = `${name} must be a UUID`;
  const param = Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => new DomainError('bad_request', `Invalid request: ${name}`, [{ field: name, reason }]),
    }),
  );
  const documented = ApiParam({ name, type: String, format: 'uuid' });
  return (target, propertyKey, index) => {
    param(target, propertyKey, index);
    const method = propertyKey === undefined ? undefined : Object.getOwnPropertyDescriptor(target, propertyKey);
    if (propertyKey !== undefined && method) documented(target, propertyKey, method);
  };
}
