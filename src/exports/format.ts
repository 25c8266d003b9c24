// How the reports write numbers, dates, durations and file names. Pure: no Nest, no I/O.
import type { ReportLanguage } from './i18n';

export const EMPTY = '—';

/**
 * A number with a fixed number of decimals in the report's language ("82,5" in Spanish, "82.5" in
 * English). Rounds like Number#toFixed, the same rule the JSON's readers use, so a figure in the PDF
 * is the JSON figure rounded to one decimal. Null, undefined and non-finite numbers print as a dash;
 * a value that rounds to zero never prints as "-0,0".
 */
export function formatDecimal(value: number | null | undefined, language: ReportLanguage, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return EMPTY;
  let text = value.toFixed(digits);
  if (/^-0(\.0*)?$/.test(text)) text = text.slice(1);
  return language === 'es' ? text.replace('.', ',') : text;
}

/** A change in points with its sign: "+2,5", "-1,0", "0,0" (a hyphen-minus: the PDF's standard fonts have no U+2212). */
export function formatChange(value: number | null | undefined, language: ReportLanguage, digits = 1): string {
  const text = formatDecimal(value, language, digits);
  if (text === EMPTY || /^0([.,]0*)?$/.test(text)) return text;
  return text.startsWith('-') ? text : `+${text}`;
}

/** A 0–100 rate: "82,5 %" (Spanish typography puts a space before %), "82.5%". */
export function formatPercent(value: number | null | undefined, language: ReportLanguage, digits = 1): string {
  const text = formatDecimal(value, language, digits);
  if (text === EMPTY) return text;
  return language === 'es' ? `${text} %` : `${text}%`;
}

/** A whole count with the language's grouping ("12.345" in Spanish, "12,345" in English). */
export function formatInteger(value: number | null | undefined, language: ReportLanguage): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return EMPTY;
  return new Intl.NumberFormat(language === 'es' ? 'es-ES' : 'en-GB', { maximumFractionDigits: 0 }).format(value);
}

/** A p-value: "0,012", "< 0,001". */
export function formatPValue(value: number | null | undefined, language: ReportLanguage): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return EMPTY;
  if (value < 0.001) return `< ${formatDecimal(0.001, language, 3)}`;
  return formatDecimal(value, language, 3);
}

/**
 * Seconds as a person reads them: "45 s", "3 min 20 s", "2 h 05 min", "1 d 4 h". Rounded to the
 * second first, so 59.6 s reads "1 min 00 s" rather than "60 s".
 */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return EMPTY;
  const total = Math.round(seconds);
  if (total < 60) return `${total} s`;
  const pad = (value: number) => String(value).padStart(2, '0');
  if (total < 3600) return `${Math.floor(total / 60)} min ${pad(total % 60)} s`;
  const totalMinutes = Math.round(total / 60);
  if (totalMinutes < 24 * 60) return `${Math.floor(totalMinutes / 60)} h ${pad(totalMinutes % 60)} min`;
  const totalHours = Math.round(total / 3600);
  return `${Math.floor(totalHours / 24)} d ${totalHours % 24} h`;
}

/** A calendar date (YYYY-MM-DD or an ISO timestamp, read in UTC) written out: "24 de noviembre de 2026", "24 November 2026". */
export function formatLongDate(isoDate: string | null | undefined, language: ReportLanguage): string {
  const date = parseIsoDate(isoDate);
  if (!date) return isoDate ?? EMPTY;
  return new Intl.DateTimeFormat(language === 'es' ? 'es-ES' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** A short date: "24/11/2026" (both languages write day first in this platform's markets; en-GB does too). */
export function formatShortDate(isoDate: string | null | undefined, language: ReportLanguage): string {
  const date = parseIsoDate(isoDate);
  if (!date) return isoDate ?? EMPTY;
  return new Intl.DateTimeFormat(language === 'es' ? 'es-ES' : 'en-GB', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

function parseIsoDate(isoDate: string | null | undefined): Date | null {
  if (!isoDate) return null;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? `${isoDate}T00:00:00Z` : isoDate);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** YYYY-MM-DD of an instant, in UTC. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const MAX_SLUG_LENGTH = 80;

/**
 * A file-name slug: lower case, words joined by hyphens, nothing a file system or a header could
 * misread. `ascii` also strips accents ("Atención" → "atencion") for the plain `filename=`.
 */
export function slugify(text: string, options: { ascii: boolean }): string {
  const source = options.ascii ? text.normalize('NFKD').replace(/\p{M}/gu, '') : text.normalize('NFC');
  const separators = options.ascii ? /[^a-z0-9]+/g : /[^\p{L}\p{N}]+/gu;
  const slug = source
    .toLowerCase()
    .replace(separators, '-')
    .replace(/^-+|-+$/g, '');
  // Cut by code point, never inside a surrogate pair.
  return Array.from(slug).slice(0, MAX_SLUG_LENGTH).join('').replace(/-+$/g, '');
}

export interface ReportFileName {
  /** ASCII only: safe in a quoted `filename=` everywhere. */
  ascii: string;
  /** With the campaign name's accents; equal to `ascii` when the name had none. */
  utf8: string;
}

/** "oleada-1-2026-11-24.pdf" from the campaign name and the day the report is made. */
export function reportFileName(campaignName: string, day: Date, extension: 'pdf' | 'xlsx', fallback = 'report'): ReportFileName {
  const suffix = `${isoDay(day)}.${extension}`;
  const ascii = slugify(campaignName, { ascii: true }) || fallback;
  const utf8 = slugify(campaignName, { ascii: false }) || ascii;
  return { ascii: `${ascii}-${suffix}`, utf8: `${utf8}-${suffix}` };
}

/** RFC 5987 / RFC 8187 value-chars: percent-encode everything but attr-char. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

export const PDF_CONTENT_TYPE = 'application/pdf';
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The headers of every report download: its type, its name as an attachment, its length when known, and
 * never kept by a shared cache (reports and payables are not for anyone else's eyes).
 */
export function attachmentHeaders(contentType: string, name: ReportFileName, length?: number): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Disposition': attachmentDisposition(name),
    ...(length === undefined ? {} : { 'Content-Length': String(length) }),
    'Cache-Control': 'private, no-store',
  };
}

/** `attachment; filename="…"` plus `filename*=UTF-8''…` (RFC 6266) when the name has non-ASCII letters. */
export function attachmentDisposition(name: ReportFileName): string {
  const quoted = name.ascii.replace(/["\\]/g, '');
  if (name.utf8 === name.ascii) return `attachment; filename="${quoted}"`;
  return `attachment; filename="${quoted}"; filename*=UTF-8''${encodeRfc5987(name.utf8)}`;
}
