import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { KpiQueryDto } from '../../kpis/dto/kpi-query.dto';
import { REPORT_LANGUAGES, ReportLanguage } from '../i18n';

/** The KPI endpoint's filters (the reports are drawn from the same model) plus the report's language. */
export class ReportQueryDto extends KpiQueryDto {
  @ApiPropertyOptional({ enum: REPORT_LANGUAGES, description: 'Defaults to the questionnaire’s language' })
  @IsOptional()
  @IsIn(REPORT_LANGUAGES)
  lang?: ReportLanguage;
}
