import {
  applyDecorators,
  ArgumentMetadata,
  BadRequestException,
  ValidationError,
  ValidationPipe,
  type ValidationPipeOptions,
} from '@nestjs/common';
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

/** The hand-written checks of hot-path body DTOs, by class (see CheckedBy). */
const bodyChecks = new WeakMap<object, (body: unknown) => boolean>();

/**
 * A request body DTO with a hand-written check beside its decorators, for a hot path (a 40-answer
 * report costs class-transformer and class-validator about 0.4 ms of CPU; the check, a few µs). A body
 * the check accepts is passed on as it came, a plain object: nothing to strip or convert, since it has
 * only the DTO's fields with the types they declare. Anything else goes through the decorators as usual,
 * so every refusal and its messages stay theirs. The check must accept only what the decorators accept
 * (its spec compares the two); refusing more only costs time.
 */
export function CheckedBy(check: (body: unknown) => boolean): ClassDecorator {
  return (target) => {
    bodyChecks.set(target, check);
  };
}

/** The global pipe: CheckedBy's check first for a body that has one, then class-validator. */
class ValidationPipeWithChecks extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const check = metadata.type === 'body' && metadata.metatype ? bodyChecks.get(metadata.metatype) : undefined;
    if (check?.(value)) return value;
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipeWithChecks(validationOptions());
}

/** How every DTO is validated (the global pipe's options). */
export function validationOptions(): ValidationPipeOptions {
  return {
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
  };
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
