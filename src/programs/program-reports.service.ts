// The omnichannel report downloads of a wave (PDF and Excel). Both start from the program model,
// which decides who may read the program (404 for another client's), so the three always agree.
import { Injectable } from '@nestjs/common';
import { AuthUser } from '../common/auth/auth-user';
import { PDF_CONTENT_TYPE, reportFileName, XLSX_CONTENT_TYPE, type ReportFileName } from '../exports/format';
import { ReportLanguage, resolveReportLanguage } from '../exports/i18n';
import { programLabelsFor } from '../exports/program/i18n';
import { renderProgramPdf } from '../exports/program/program-pdf';
import { renderProgramWorkbook } from '../exports/program/program-workbook';
import type { ProgramFilters } from './program-model';
import { ProgramModelService } from './program-model.service';

export interface ProgramReport {
  contentType: string;
  fileName: ReportFileName;
  body: Buffer;
}

@Injectable()
export class ProgramReportsService {
  constructor(private readonly models: ProgramModelService) {}

  async pdf(user: AuthUser, programId: string, waveId: string, filters: ProgramFilters, lang?: ReportLanguage): Promise<ProgramReport> {
    const model = await this.models.buildModel(user, programId, waveId, filters);
    const language = resolveReportLanguage(lang, model.language);
    const body = await renderProgramPdf(model, language);
    const name = reportFileName(`${model.program.name} ${model.wave.name}`, new Date(), 'pdf', programLabelsFor(language).fileNameFallback);
    return { contentType: PDF_CONTENT_TYPE, fileName: name, body };
  }

  async xlsx(user: AuthUser, programId: string, waveId: string, filters: ProgramFilters, lang?: ReportLanguage): Promise<ProgramReport> {
    const model = await this.models.buildModel(user, programId, waveId, filters);
    const language = resolveReportLanguage(lang, model.language);
    const body = await renderProgramWorkbook(model, language);
    const name = reportFileName(
      `${model.program.name} ${model.wave.name}`,
      new Date(),
      'xlsx',
      programLabelsFor(language).fileNameFallback,
    );
    return { contentType: XLSX_CONTENT_TYPE, fileName: name, body };
  }
}
