import { applyDecorators, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsObject, Matches, ValidateIf, ValidateNested } from 'class-validator';
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
    // One reason per field, and no validating the elements of a list already refused (too long, not
    // objects): otherwise a 200 kB list of 100 000 bad elements costs seconds and a 10 MB answer.
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const details = flattenValidationErrors(errors);
      return new BadRequestException({
        message: `Invalid request: ${[...new Set(details.map((d) => d.field))].join(', ')}`,
        details,
      });
    },
  });
}

/**
 * A nested DTO, or with `each` a list of them. @ValidateNested alone also takes an array where the
 * object belongs (it validates the array's elements instead), so `employee: []` or `answers: [[]]`
 * would pass; IsObject refuses arrays.
 */
export function NestedDto(type: () => new (...args: never[]) => object, options: { each?: boolean } = {}): PropertyDecorator {
  return applyDecorators(IsObject({ each: options.each }), ValidateNested({ each: options.each }), Type(type));
}

/**
 * An edit's optional field that cannot be cleared: absent is fine, null is refused by the validators
 * after it (IsOptional would let null through as "absent").
 */
export function OptionalNotNull(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined);
}

/** Text that must hold something besides spaces: the services trim it, and an all-blank name would be stored as ''. */
export function NotBlank(): PropertyDecorator {
  return Matches(/\S/u, { message: '$property must not be blank' });
}
