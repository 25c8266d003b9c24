// The downloads of docs/domain.md §6. Both start from KpisService.buildModel, which also decides who may
// read the campaign (client users: own client only, approved visits only), so the PDF, the Excel file
// and GET /campaigns/:id/kpis always agree, and a refused caller gets its 403/404 before any byte.
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { streamingResponse } from '../common/http/raw-response';
import type { Writable } from 'stream';
import { ReadDatabase, type ReadQueries } from '../database/read-database';
import { AuthUser, isStaff } from '../common/auth/auth-user';
import type { KpiModel } from '../kpis/kpi-model';
import { KpisService } from '../kpis/kpis.service';
import { visitScope } from '../kpis/visit-scope';
import { ReportQueryDto } from './dto/report-query.dto';
import { OutputClosedError, writeWorkbook } from './excel/workbook';
import { streamVisitRows } from './excel/visit-rows';
import { attachmentHeaders, reportFileName, ReportFileName, XLSX_CONTENT_TYPE } from './format';
import { labelsFor, resolveReportLanguage } from './i18n';
import { renderPdf } from './pdf/report-pdf';

/**
 * The downloads never carry the consultants-only shopper calibration block (shopper names), whoever
 * asks: files get forwarded. The renderers do not read it either; this keeps it out of their reach.
 */
function withoutShopperData(model: KpiModel): KpiModel {
  const { shoppers: _shoppers, ...rest } = model;
  return rest;
}

@Injectable()
export class ExportsService {
  private readonly logger = new Logger(ExportsService.name);

  constructor(
    private readonly kpis: KpisService,
    /** The visit rows are read where the model is: the read connection (a replica with DATABASE_READ_URL). */
    @Inject(ReadDatabase) private readonly readDb: ReadQueries,
  ) {}

  async pdf(user: AuthUser, campaignId: string, query: ReportQueryDto): Promise<{ fileName: ReportFileName; body: Buffer }> {
    const model = withoutShopperData(await this.kpis.buildModel(user, campaignId, query.toFilters()));
    const language = resolveReportLanguage(query.lang, model.campaign.language);
    const body = await renderPdf(model, language);
    return { fileName: reportFileName(model.campaign.name, new Date(), 'pdf', labelsFor(language).fileNameFallback), body };
  }

  /**
   * The workbook of a campaign, ready to be written: the model is built (and access decided, any 403/404
   * thrown) before anything is written. `write` streams it into `out`, calling `onRow` with the number
   * of visit rows written so far (report jobs tell their progress with it). Used by the download below
   * and by report jobs.
   */
  async prepareXlsx(
    user: AuthUser,
    campaignId: string,
    query: ReportQueryDto,
  ): Promise<{
    fileName: ReportFileName;
    expectedRows: number;
    write: (out: Writable, onRow?: (rowsWritten: number) => void) => Promise<void>;
  }> {
    const model = withoutShopperData(await this.kpis.buildModel(user, campaignId, query.toFilters()));
    const language = resolveReportLanguage(query.lang, model.campaign.language);
    const staff = isStaff(user);
    const fileName = reportFileName(model.campaign.name, new Date(), 'xlsx', labelsFor(language).fileNameFallback);
    return {
      fileName,
      expectedRows: model.overall.n,
      write: (out, onRow) => {
        // The model's filters are the ones it was computed with; the visit rows use exactly that scope.
        const rows = streamVisitRows(this.readDb, visitScope(model.campaign.id, model.filters, staff));
        return writeWorkbook(model, onRow ? counted(rows, onRow) : rows, out, language, { audience: staff ? 'staff' : 'client' });
      },
    };
  }

  /**
   * Streams the workbook into the response. Access is decided (and any 403/404 thrown) before the
   * first byte; a failure after the first byte aborts the connection, so the client sees a failed
   * download rather than a truncated file that looks complete.
   */
  async xlsx(user: AuthUser, campaignId: string, query: ReportQueryDto, reply: FastifyReply): Promise<void> {
    const { fileName, write } = await this.prepareXlsx(user, campaignId, query);
    const response = streamingResponse(reply, attachmentHeaders(XLSX_CONTENT_TYPE, fileName));
    try {
      await write(response);
    } catch (error) {
      if (!response.headersSent) {
        response.removeHeader('Content-Disposition');
        response.removeHeader('Content-Type');
        throw error;
      }
      if (error instanceof OutputClosedError) {
        this.logger.warn(`Excel export of campaign ${campaignId}: the client closed the download`);
      } else {
        this.logger.error(
          `Excel export of campaign ${campaignId} failed mid-stream: ${error instanceof Error ? error.stack : String(error)}`,
        );
      }
      response.destroy();
    }
  }
}

/** The rows as they are, telling `onRow` how many went by (every 500 rows, and at the end). */
async function* counted<T>(rows: AsyncIterable<T>, onRow: (rowsWritten: number) => void): AsyncGenerator<T> {
  let written = 0;
  for await (const row of rows) {
    yield row;
    written += 1;
    if (written % 500 === 0) onRow(written);
  }
  onRow(written);
}
