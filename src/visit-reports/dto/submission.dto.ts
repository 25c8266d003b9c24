import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsISO8601, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { NestedDto } from '../../common/http/validation';
import { AnswerDto } from './answer.dto';

export class EmployeeDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) badge?: string;
  @ApiPropertyOptional({ description: 'Looks, clothes: personal data, consultants only' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;
}

export class SubmitReportDto {
  @ApiProperty({ example: '2026-03-01T10:30:00Z', description: 'When the visit took place; must fall inside the window' })
  @IsISO8601({ strict: true })
  visitedAt: string;
  @ApiProperty({ type: [AnswerDto] })
  @IsArray()
  @ArrayMaxSize(1000)
  @NestedDto(() => AnswerDto, { each: true })
  answers: AnswerDto[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20_000) narrative?: string;
  @ApiPropertyOptional({ type: EmployeeDto })
  @IsOptional()
  @NestedDto(() => EmployeeDto)
  employee?: EmployeeDto;
  @ApiPropertyOptional({ description: 'Expenses to reimburse, in the campaign currency', minimum: 0 })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(99_999_999)
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
