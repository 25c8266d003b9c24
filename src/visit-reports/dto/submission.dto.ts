import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  isISO8601,
  IsISO8601,
  isNumber,
  IsNumber,
  IsNumberOptions,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  maxLength,
  Min,
} from 'class-validator';
import { CheckedBy, NestedDto } from '../../common/http/validation';
import { AnswerDto, isPlainObject, isValidAnswer } from './answer.dto';

/** Limits the decorators and the hand-written checks below share. */
const EMPLOYEE_MAX = { name: 200, badge: 100, description: 2000 } as const;
const MAX_ANSWERS = 1000;
const MAX_NARRATIVE = 20_000;
const MAX_EXPENSES = 99_999_999;
const EXPENSES_NUMBER: IsNumberOptions = { maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false };

/** IsOptional's rule: null and absent skip the field's other checks. */
const absent = (value: unknown) => value === undefined || value === null;
/** IsOptional, IsString, MaxLength(max). */
const optionalText = (value: unknown, max: number) => absent(value) || (typeof value === 'string' && maxLength(value, max));

export class EmployeeDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(EMPLOYEE_MAX.name) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(EMPLOYEE_MAX.badge) badge?: string;
  @ApiPropertyOptional({ description: 'Looks, clothes: personal data, consultants only' })
  @IsOptional()
  @IsString()
  @MaxLength(EMPLOYEE_MAX.description)
  description?: string;
}

/** EmployeeDto's decorators as a hand-written check: true only if they all pass. */
function isValidEmployee(employee: unknown): boolean {
  if (!isPlainObject(employee)) return false;
  for (const key of Object.keys(employee)) if (!Object.hasOwn(EMPLOYEE_MAX, key)) return false;
  return (
    optionalText(employee.name, EMPLOYEE_MAX.name) &&
    optionalText(employee.badge, EMPLOYEE_MAX.badge) &&
    optionalText(employee.description, EMPLOYEE_MAX.description)
  );
}

const REPORT_FIELDS = new Set(['visitedAt', 'answers', 'narrative', 'employee', 'expenses']);

/**
 * SubmitReportDto's decorators (with the validation pipe's whitelist: no unknown field at any level) as
 * one hand-written check for the ingest hot path: true only if they all pass (see CheckedBy).
 */
export function isValidSubmitReport(body: unknown): boolean {
  if (!isPlainObject(body)) return false;
  for (const key of Object.keys(body)) if (!REPORT_FIELDS.has(key)) return false;
  const { visitedAt, answers, narrative, employee, expenses } = body;
  return (
    isISO8601(visitedAt, { strict: true }) &&
    Array.isArray(answers) &&
    answers.length <= MAX_ANSWERS &&
    answers.every(isValidAnswer) &&
    optionalText(narrative, MAX_NARRATIVE) &&
    (absent(employee) || isValidEmployee(employee)) &&
    (absent(expenses) || (isNumber(expenses, EXPENSES_NUMBER) && expenses >= 0 && expenses <= MAX_EXPENSES))
  );
}

@CheckedBy(isValidSubmitReport)
export class SubmitReportDto {
  @ApiProperty({ example: '2026-03-01T10:30:00Z', description: 'When the visit took place; must fall inside the window' })
  @IsISO8601({ strict: true })
  visitedAt: string;
  @ApiProperty({ type: [AnswerDto] })
  @IsArray()
  @ArrayMaxSize(MAX_ANSWERS)
  @NestedDto(() => AnswerDto, { each: true })
  answers: AnswerDto[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(MAX_NARRATIVE) narrative?: string;
  @ApiPropertyOptional({ type: EmployeeDto })
  @IsOptional()
  @NestedDto(() => EmployeeDto)
  employee?: EmployeeDto;
  @ApiPropertyOptional({ description: 'Expenses to reimburse, in the campaign currency', minimum: 0 })
  @IsOptional()
  @IsNumber(EXPENSES_NUMBER)
  @Min(0)
  @Max(MAX_EXPENSES)
  expenses?: number;
}

export class ScoreItemView {
  @ApiProperty() key: string;
  @ApiProperty({ nullable: true, type: Number, description: '0–100, null when N/A' }) score: number | null;
}

export class SubmissionView {
  @ApiProperty() id: string;
  @ApiProperty() assignmentId: string;
  @ApiProperty({ enum: ['submitted'] }) status: 'submitted';
  @ApiProperty({ nullable: true, type: Number }) score: number | null;
  @ApiProperty() knockout: boolean;
  @ApiProperty({ type: [ScoreItemView] }) sections: ScoreItemView[];
  @ApiProperty({ type: [ScoreItemView] }) dimensions: ScoreItemView[];
  @ApiProperty({ description: 'The report version (bumped by every resubmission or edit)' }) version: number;
}
