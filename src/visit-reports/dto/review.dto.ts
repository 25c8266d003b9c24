import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { AnswerDto } from './answer.dto';

export const MAX_PAGE_SIZE = 500;
export const REPORT_STATUSES = ['submitted', 'returned', 'approved'] as const;

export class ListReportsQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() campaignId?: string;
  @ApiPropertyOptional({ enum: REPORT_STATUSES }) @IsOptional() @IsIn(REPORT_STATUSES) status?: (typeof REPORT_STATUSES)[number];
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;
  @ApiPropertyOptional({ minimum: 0, default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}

export class ReturnReportDto {
  @ApiProperty({ description: 'What the shopper must correct' }) @IsString() @Length(1, 5000) comment: string;
}

export class EditReportDto {
  @ApiProperty({ description: 'The version the reviewer read; a stale one is 409' }) @IsInt() @Min(1) version: number;
  @ApiProperty({ type: [AnswerDto], description: 'The answers to change; the others stay as they are' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => AnswerDto)
  answers: AnswerDto[];
  @ApiProperty({ description: 'Why (kept in the audit trail)' }) @IsString() @Length(1, 2000) reason: string;
}

export class FileAppealDto {
  @ApiProperty() @IsString() @Length(1, 5000) reason: string;
  @ApiPropertyOptional({ description: 'The disputed question, when the appeal is about one answer' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  questionKey?: string;
}

export const APPEAL_DECISIONS = ['upheld', 'overturned'] as const;
export const APPEAL_STATUSES = ['open', 'upheld', 'overturned'] as const;

export class ResolveAppealDto {
  @ApiProperty({ enum: APPEAL_DECISIONS, description: 'upheld: the visit stands; overturned: the answers are corrected and the visit re-scored' })
  @IsIn(APPEAL_DECISIONS)
  decision: (typeof APPEAL_DECISIONS)[number];
  @ApiPropertyOptional({ type: [AnswerDto], description: 'Required when overturned: the corrected answers' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => AnswerDto)
  answers?: AnswerDto[];
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 5000) comment?: string;
}

export class ListAppealsQuery {
  @ApiPropertyOptional({ enum: APPEAL_STATUSES }) @IsOptional() @IsIn(APPEAL_STATUSES) status?: (typeof APPEAL_STATUSES)[number];
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;
  @ApiPropertyOptional({ minimum: 0, default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}

export class ListAlertsQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() campaignId?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;
  @ApiPropertyOptional({ minimum: 0, default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}
