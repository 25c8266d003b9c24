// What makes two report files the same file: the campaign, the format, the language, the filters, who
// it is for (staff files may count submitted visits; client files never carry anything staff-only) and
// the data it was drawn from. A file built for one request is served again for any request with the
// same key, until its retention ends.
import { createHash } from 'crypto';
import type { KpiFilters } from '../../kpis/kpi-model';

export type ReportFormat = 'pdf' | 'xlsx';
export type ReportAudience = 'staff' | 'client';

export interface ReportIdentity {
  campaignId: string;
  format: ReportFormat;
  language: string;
  filters: KpiFilters;
  audience: ReportAudience;
  /** The state of every input of the report (see ReportJobsService.dataFingerprint). */
  dataFingerprint: string;
}

/** The filters with unset ones dropped and keys in one order, so equal filters give equal keys. */
export function canonicalFilters(filters: KpiFilters): KpiFilters {
  const entries = Object.entries(filters).filter(([, value]) => value !== undefined && value !== null && value !== '');
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A sha256 hex digest of the identity: the cache key of report_files and report_jobs. */
export function reportCacheKey(identity: ReportIdentity): string {
  const canonical = JSON.stringify([
    identity.campaignId,
    identity.format,
    identity.language,
    identity.audience,
    canonicalFilters(identity.filters),
    identity.dataFingerprint,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Progress as the job tells it: building the model is the first tenth, the rows the bulk, storing the
 * file the end. Never 100 before the file is stored, never backwards.
 */
export function rowProgress(rowsWritten: number, rowsExpected: number): number {
  if (rowsExpected <= 0) return 50;
  return Math.min(95, 10 + Math.floor((85 * rowsWritten) / rowsExpected));
}
