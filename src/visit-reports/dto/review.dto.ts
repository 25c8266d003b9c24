import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Min } from 'class-validator';
import { PageQuery } from '../../common/http/paging';
import { NestedDto } from '../../common/http/validation';
import { AnswerDto } from './answer.dto';

export const REPORT_STATUSES = ['submitted', 'returned', 'approved'] as const;

export class ListReportsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() campaignId?: string;
  @ApiPropertyOptional({ enum: REPORT_STATUSES }) @IsOptional() @IsIn(REPORT_STATUSES) status?: (typeof REPORT_STATUSES)[number];
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
  @NestedDto(() => AnswerDto, { each: true })
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
  @ApiProperty({
    enum: APPEAL_DECISIONS,
    description: 'upheld: the visit stands; overturned: the answers are corrected and the visit re-scored',
  })
  @IsIn(APPEAL_DECISIONS)
  decision: (typeof APPEAL_DECISIONS)[number];
  @ApiPropertyOptional({ type: [AnswerDto], description: 'Required when overturned: the corrected answers' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @NestedDto(() => AnswerDto, { each: true })
  answers?: AnswerDto[];
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 5000) comment?: string;
}

export class ListAppealsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: APPEAL_STATUSES }) @IsOptional() @IsIn(APPEAL_STATUSES) status?: (typeof APPEAL_STATUSES)[number];
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the appeals on this visit' }) @IsOptional() @IsUUID() visitReportId?: string;
}

export class ListAlertsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() campaignId?: string;
}
