// CSV for spreadsheets. A field people typed (a shopper's name) must never become a formula when the
// file is opened in Excel, LibreOffice or Google Sheets: text starting with =, +, -, @, tab or CR is
// prefixed with an apostrophe (OWASP's advice for CSV injection); numbers are written as numbers.

const FORMULA_START = /^[=+\-@\t\r]/;

/** One text field, formula-safe and quoted when it holds a separator, quote or line break. */
export function csvText(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",;\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A whole CSV document: a header row and the rows, CRLF line ends, with a BOM so Excel reads UTF-8. */
export function csvDocument(header: string[], rows: Array<Array<string | number | boolean | null>>): string {
  const field = (value: string | number | boolean | null) =>
    typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : typeof value === 'boolean' ? String(value) : csvText(value);
  return '\uFEFF' + [header.map(csvText), ...rows.map((row) => row.map(field))].map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}
