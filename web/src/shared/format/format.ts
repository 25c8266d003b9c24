// Numbers, percentages and dates for the current language, with Intl ("79,7 %" in Spanish, "79.7%" in English).
import { formatDuration } from '@server/exports/format';
import { useMemo } from 'react';
import { useLanguage, type Language } from '../i18n';

export const EMPTY = '—';
const LOCALES: Record<Language, string> = { es: 'es-ES', en: 'en-GB' };
const ok = (value: number | null | undefined): value is number => typeof value === 'number' && Number.isFinite(value);

export interface Formatters {
  locale: string;
  /** 82.46 → "82,5" */
  decimal(value: number | null | undefined, digits?: number): string;
  /** A 0–100 rate: 79.7 → "79,7 %" */
  percent(value: number | null | undefined, digits?: number): string;
  /** A change in points, signed: "+2,5", "−1,0" */
  change(value: number | null | undefined, digits?: number): string;
  integer(value: number | null | undefined): string;
  /** "24 nov 2026" */
  date(value: string | Date | null | undefined): string;
  /** "24 nov 2026, 10:32" */
  dateTime(value: string | Date | null | undefined): string;
  duration(seconds: number | null | undefined): string;
  pValue(value: number | null | undefined): string;
}

export function formatters(language: Language): Formatters {
  const locale = LOCALES[language];
  const decimals = (digits: number) => new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const toDate = (value: string | Date) =>
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  const dateOnly = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  return {
    locale,
    decimal: (value, digits = 1) => (ok(value) ? decimals(digits).format(value) : EMPTY),
    percent: (value, digits = 1) =>
      ok(value)
        ? new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
            value / 100,
          )
        : EMPTY,
    change: (value, digits = 1) =>
      ok(value)
        ? new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'exceptZero' }).format(
            value,
          )
        : EMPTY,
    integer: (value) => (ok(value) ? new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value) : EMPTY),
    date: (value) => (value ? dateOnly.format(toDate(value)) : EMPTY),
    dateTime: (value) => (value ? dateTime.format(toDate(value)) : EMPTY),
    duration: (seconds) => formatDuration(seconds),
    pValue: (value) => (!ok(value) ? EMPTY : value < 0.001 ? `< ${decimals(3).format(0.001)}` : decimals(3).format(value)),
  };
}

export function useFormat(): Formatters {
  const language = useLanguage();
  return useMemo(() => formatters(language), [language]);
}
