// The renderers without HTTP, for the benchmark and scripts: a KPI model in, a PDF buffer or a streamed
// workbook out. Pure of Nest; streamVisitRows needs only something with query(sql, params).
export { renderPdf } from './pdf/report-pdf';
export { writeWorkbook } from './excel/workbook';
export type { WorkbookAudience, WorkbookOptions } from './excel/workbook';
export { streamVisitRows } from './excel/visit-rows';
export type { VisitRow } from './excel/visit-rows';
export type { VisitScope } from '../kpis/visit-scope';
export type { SqlRunner } from '../database/transactions';
export { resolveReportLanguage } from './i18n';
export type { ReportLanguage } from './i18n';
