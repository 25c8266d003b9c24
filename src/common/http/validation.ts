import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { ErrorDetail } from '../errors/domain-error';

/** Flattens class-validator's tree into one entry per offending field, with a dotted/indexed path. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = !parent ? error.property : /^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({
      field,
      reason: reason.replace(/^property (\S+) should not exist$/, 'unknown field "$1" is not allowed'),
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => {
      const details = flattenValidationErrors(errors);
      return new BadRequestException({
        message: `Invalid request: ${details.map((d) => d.field).filter((f, i, all) => all.indexOf(f) === i).join(', ')}`,
        details,
      });
    },
  });
}
