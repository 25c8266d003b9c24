import {
  attachmentDisposition,
  formatChange,
  formatDecimal,
  formatDuration,
  formatInteger,
  formatLongDate,
  formatPercent,
  formatPValue,
  formatShortDate,
  reportFileName,
  slugify,
} from './format';

describe('formatDecimal', () => {
  it('writes one decimal with the language’s separator', () => {
    expect(formatDecimal(82.46, 'es')).toBe('82,5');
    expect(formatDecimal(82.46, 'en')).toBe('82.5');
    expect(formatDecimal(100, 'es')).toBe('100,0');
    expect(formatDecimal(0.04, 'en')).toBe('0.0');
  });

  it('rounds like toFixed on the stored double and never prints a negative zero', () => {
    expect(formatDecimal(71.25, 'es')).toBe('71,3'); // exactly representable: half up
    expect(formatDecimal(0.15, 'en')).toBe('0.1'); // 0.1499999… as a double
    expect(formatDecimal(-0.04, 'es')).toBe('0,0');
    expect(formatDecimal(-2.96, 'es')).toBe('-3,0');
  });

  it('prints a dash for missing or non-finite values', () => {
    expect(formatDecimal(null, 'es')).toBe('—');
    expect(formatDecimal(undefined, 'es')).toBe('—');
    expect(formatDecimal(Number.NaN, 'es')).toBe('—');
    expect(formatDecimal(Number.POSITIVE_INFINITY, 'en')).toBe('—');
  });
});

describe('formatChange, formatPercent, formatInteger, formatPValue', () => {
  it('signs changes, but not a change that rounds to zero', () => {
    expect(formatChange(6.2, 'es')).toBe('+6,2');
    expect(formatChange(-2.96, 'en')).toBe('-3.0');
    expect(formatChange(0.02, 'es')).toBe('0,0');
    expect(formatChange(null, 'es')).toBe('—');
  });

  it('writes percentages with Spanish and English typography', () => {
    expect(formatPercent(66.666, 'es')).toBe('66,7 %');
    expect(formatPercent(66.666, 'en')).toBe('66.7%');
    expect(formatPercent(null, 'en')).toBe('—');
  });

  it('groups thousands as each language does', () => {
    expect(formatInteger(12345, 'es')).toBe('12.345');
    expect(formatInteger(12345, 'en')).toBe('12,345');
    expect(formatInteger(3, 'es')).toBe('3');
  });

  it('writes p-values with three decimals and a floor', () => {
    expect(formatPValue(0.0312, 'es')).toBe('0,031');
    expect(formatPValue(0.00001, 'en')).toBe('< 0.001');
    expect(formatPValue(null, 'en')).toBe('—');
  });
});

describe('formatDuration', () => {
  it('reads seconds as a person would', () => {
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(59.6)).toBe('1 min 00 s');
    expect(formatDuration(200)).toBe('3 min 20 s');
    expect(formatDuration(2 * 3600 + 5 * 60)).toBe('2 h 05 min');
    expect(formatDuration(28 * 3600)).toBe('1 d 4 h');
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(-1)).toBe('—');
  });
});

describe('dates', () => {
  it('writes calendar dates in UTC, whatever the server’s zone', () => {
    expect(formatLongDate('2026-11-24', 'es')).toBe('24 de noviembre de 2026');
    expect(formatLongDate('2026-11-24', 'en')).toBe('24 November 2026');
    expect(formatLongDate('2026-01-01T00:30:00Z', 'en')).toBe('1 January 2026');
    expect(formatShortDate('2026-03-05', 'es')).toBe('05/03/2026');
    expect(formatLongDate('not a date', 'es')).toBe('not a date');
  });
});

describe('file names', () => {
  it('slugs campaign names for an ASCII and a UTF-8 file name', () => {
    expect(slugify('Oleada 1', { ascii: true })).toBe('oleada-1');
    expect(slugify('  Oleada 2 – Atención al cliente!  ', { ascii: true })).toBe('oleada-2-atencion-al-cliente');
    expect(slugify('Oleada 2 – Atención al cliente', { ascii: false })).toBe('oleada-2-atención-al-cliente');
    expect(slugify('Año Niño', { ascii: true })).toBe('ano-nino');
    expect(slugify('../../etc/passwd', { ascii: true })).toBe('etc-passwd');
    expect(slugify('x'.repeat(200), { ascii: true })).toHaveLength(80);
  });

  it('names the file after the campaign and the day, falling back when nothing is left', () => {
    const day = new Date('2026-11-24T23:59:00Z');
    expect(reportFileName('Oleada 1', day, 'pdf')).toEqual({ ascii: 'oleada-1-2026-11-24.pdf', utf8: 'oleada-1-2026-11-24.pdf' });
    expect(reportFileName('Atención', day, 'xlsx')).toEqual({ ascii: 'atencion-2026-11-24.xlsx', utf8: 'atención-2026-11-24.xlsx' });
    expect(reportFileName('¿?', day, 'pdf', 'informe').ascii).toBe('informe-2026-11-24.pdf');
    expect(reportFileName('日本', day, 'pdf', 'report')).toEqual({ ascii: 'report-2026-11-24.pdf', utf8: '日本-2026-11-24.pdf' });
  });

  it('builds Content-Disposition with filename* only when the name needs it', () => {
    expect(attachmentDisposition({ ascii: 'oleada-1-2026-11-24.pdf', utf8: 'oleada-1-2026-11-24.pdf' })).toBe(
      'attachment; filename="oleada-1-2026-11-24.pdf"',
    );
    expect(attachmentDisposition({ ascii: 'atencion-2026-11-24.pdf', utf8: 'atención-2026-11-24.pdf' })).toBe(
      `attachment; filename="atencion-2026-11-24.pdf"; filename*=UTF-8''atenci%C3%B3n-2026-11-24.pdf`,
    );
  });
});
