// Reads every figure the dashboard shows (elements with data-kpi / data-format, see web/src/client/
// components/Figure.tsx) and works out what it must say from the JSON of GET /kpis.
import type { Page } from 'playwright-core';
import { formatDuration } from '../../src/exports/format';

export interface ShownFigure {
  path: string;
  format: string;
  text: string;
}

export async function shownFigures(page: Page): Promise<ShownFigure[]> {
  return page.$$eval('[data-kpi]', (elements) =>
    elements.map((element) => ({
      path: element.getAttribute('data-kpi')!,
      format: element.getAttribute('data-format')!,
      text: (element.textContent ?? '').trim(),
    })),
  );
}

/** "sections[key=service].mean", "timing[channel=phone,metric=wait_time].p90", "overall.ci95[0]" in the model. */
export function resolvePath(model: unknown, path: string): unknown {
  let value: unknown = model;
  for (const segment of path.match(/[^.[\]]+(\[[^\]]*\])?/g) ?? []) {
    const [, name, selector] = /^([^[]+)(?:\[([^\]]*)\])?$/.exec(segment)!;
    value = (value as Record<string, unknown> | undefined)?.[name];
    if (selector === undefined) continue;
    if (/^\d+$/.test(selector)) {
      value = (value as unknown[] | undefined)?.[Number(selector)];
      continue;
    }
    const conditions = selector.split(',').map((condition) => condition.split('=') as [string, string]);
    value = (value as Array<Record<string, unknown>> | undefined)?.find((item) =>
      conditions.every(([key, wanted]) => String(item[key]) === wanted),
    );
  }
  return value;
}

/** The figure as the page must write it, in the given locale, with Intl (independently of the web app's code). */
export function expectedText(value: unknown, format: string, locale: 'en-GB' | 'es-ES'): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  const fixed = (digits: number, extra: Intl.NumberFormatOptions = {}) =>
    new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, ...extra });
  switch (format) {
    case 'decimal':
      return fixed(1).format(value);
    case 'percent':
      return fixed(1, { style: 'percent' }).format(value / 100);
    case 'integer':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
    case 'change':
      return fixed(1, { signDisplay: 'exceptZero' }).format(value);
    case 'duration':
      return formatDuration(value);
    case 'pValue':
      return value < 0.001 ? `< ${fixed(3).format(0.001)}` : fixed(3).format(value);
    default:
      throw new Error(`unknown figure format ${format}`);
  }
}
