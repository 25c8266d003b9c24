import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, ValidateNested } from 'class-validator';
import { REPORT_LANGUAGES, type ReportLanguage } from '../../exports/i18n';
import { KpiQueryDto } from '../../kpis/dto/kpi-query.dto';

export const REPORT_FORMATS = ['pdf', 'xlsx'] as const;
export const REPORT_JOB_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type ReportJobState = (typeof REPORT_JOB_STATES)[number];

export class CreateReportJobDto {
  @ApiProperty({ enum: REPORT_FORMATS })
  @IsIn(REPORT_FORMATS)
  format: (typeof REPORT_FORMATS)[number];

  @ApiPropertyOptional({ enum: REPORT_LANGUAGES, description: 'Defaults to the questionnaire’s language' })
  @IsOptional()
  @IsIn(REPORT_LANGUAGES)
  lang?: ReportLanguage;

  @ApiPropertyOptional({ type: KpiQueryDto, description: 'The filters of GET /campaigns/:id/kpis' })
  @IsOptional()
  @ValidateNested()
  @Type(() => KpiQueryDto)
  filters?: KpiQueryDto;
}

export class ReportJobView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: REPORT_JOB_STATES }) state: ReportJobState;
  @ApiProperty({ minimum: 0, maximum: 100, description: 'Percent done' }) progress: number;
  @ApiPropertyOptional({ description: 'Why the job failed (state failed)' }) error?: string;
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty({ enum: REPORT_FORMATS }) format: (typeof REPORT_FORMATS)[number];
  @ApiProperty({ enum: REPORT_LANGUAGES }) lang: string;
  @ApiProperty({ description: 'The file was already built for the same campaign, filters, language and data' }) fromCache: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiPropertyOptional({ format: 'date-time' }) finishedAt?: string;
  @ApiPropertyOptional({ description: 'The file’s name (state done)' }) fileName?: string;
  @ApiPropertyOptional({ description: 'The file’s size in bytes (state done)' }) size?: number;
  @ApiPropertyOptional({ format: 'date-time', description: 'When the file is deleted (REPORT_RETENTION_HOURS after it was built)' })
  expiresAt?: string;
}
