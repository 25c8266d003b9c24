import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsOptional,
  IsString,
  length,
  Length,
  registerDecorator,
  ValidationArguments,
  ValidationOptions,
} from 'class-validator';
import type { AnswerValue } from '../../questionnaires/domain/definition';

const MAX_TEXT = 10_000;
const MAX_CHOICES = 100;
const MAX_KEY = 100;

/**
 * The shapes an answer value can take at all: true/false, a finite number, text, or a list of option
 * keys (null = no answer). Whether it fits its question (type, range, options) is the questionnaire's
 * to decide, as a 422 listing every problem; anything else (an object, a list of numbers) is a 400.
 */
export function isAnswerValue(value: unknown): boolean {
  if (value === null || value === undefined || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'string') return value.length <= MAX_TEXT;
  return Array.isArray(value) && value.length <= MAX_CHOICES && value.every((item) => typeof item === 'string' && item.length <= 100);
}

/** The decorator of isAnswerValue, with its 400 message. */
export function IsAnswerValue(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isAnswerValue',
      target: object.constructor,
      propertyName,
      options,
      validator: {
        validate: isAnswerValue,
        defaultMessage(args: ValidationArguments): string {
          return `${args.property} must be true/false, a number, a text (up to ${MAX_TEXT} characters) or a list of option keys`;
        },
      },
    });
}

export class AnswerDto {
  @ApiProperty({ example: 'greeting' }) @IsString() @Length(1, MAX_KEY) questionKey: string;
  @ApiPropertyOptional({
    description:
      'yes_no: boolean; scale/number/duration (seconds): number; single_choice/text/datetime: string; multi_choice: string[]; ' +
      'evidence: the id of a file uploaded to this assignment (POST /assignments/:id/evidence), or a list of up to 20 ids',
    // null is allowed through the string branch: OpenAPI 3.0 wants `nullable` beside a `type`.
    oneOf: [{ type: 'boolean' }, { type: 'number' }, { type: 'string', nullable: true }, { type: 'array', items: { type: 'string' } }],
  })
  @IsOptional()
  @IsAnswerValue()
  value?: AnswerValue | null;
  @ApiPropertyOptional({ description: 'Not applicable (only where the question allows it)' })
  @IsOptional()
  @IsBoolean()
  na?: boolean;
}

const ANSWER_FIELDS = new Set(['questionKey', 'value', 'na']);

/** AnswerDto's decorators as one hand-written check (a report has dozens of answers): true only if they all pass. */
export function isValidAnswer(answer: unknown): boolean {
  if (!isPlainObject(answer)) return false;
  for (const key of Object.keys(answer)) if (!ANSWER_FIELDS.has(key)) return false;
  const { questionKey, value, na } = answer;
  return (
    typeof questionKey === 'string' &&
    length(questionKey, 1, MAX_KEY) &&
    isAnswerValue(value) &&
    (na === undefined || na === null || typeof na === 'boolean')
  );
}

/** An object as JSON.parse makes it: not an array, not a class instance (its prototype is an Object.prototype, or none). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value) as object | null;
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}
