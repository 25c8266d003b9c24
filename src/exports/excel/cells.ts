// What may go into a workbook cell. Text people typed (comments, answers, names) must stay text: a
// value starting with =, +, -, @, tab or CR must never become a formula (CSV/formula injection). exceljs
// writes a JS string primitive as a string cell and only an object like { formula } as a formula, so
// the guarantee is: user text reaches exceljs only as a string primitive, never as an object.
import type { AnswerValue } from '../../questionnaires/domain/definition';

/** Excel's limit on the characters of one cell; longer text makes Excel "repair" the file. */
export const MAX_CELL_TEXT = 32767;

// Characters XML 1.0 cannot carry (C0 controls other than tab, LF, CR; lone surrogates; U+FFFE/U+FFFF).
// exceljs drops some of them itself; doing it here keeps the guarantee independent of its internals.
/* eslint-disable no-control-regex -- control characters are exactly what it removes */
const XML_INVALID =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/* eslint-enable no-control-regex */

/**
 * Any value a user could have typed, as a plain string cell value: a string primitive (never an object
 * exceljs could read as a formula, hyperlink or rich text), without characters XML cannot hold, cut to
 * Excel's cell limit. Null and undefined stay empty cells. Leading =, +, -, @ are kept as typed: the
 * cell is a string cell, so spreadsheet programs show them and never evaluate them.
 */
export function plainText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  let text: string;
  if (typeof value === 'string') text = value;
  else if (value instanceof String) text = value.valueOf();
  else if (Array.isArray(value)) text = value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join(', ');
  else if (typeof value === 'object') text = JSON.stringify(value);
  else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') text = String(value);
  else text = ''; // functions and symbols are never typed text
  text = text.replace(XML_INVALID, '');
  if (text.length > MAX_CELL_TEXT) {
    text = text.slice(0, MAX_CELL_TEXT);
    if (/[\uD800-\uDBFF]$/.test(text)) text = text.slice(0, -1);
  }
  return text;
}

/** A number cell value; null for anything that is not a finite number (so no NaN or text sneaks in). */
export function numberCell(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * A raw answer for the Visits sheet: numbers stay numbers, booleans a word in the report's language,
 * choices and text as plain text, N/A as "N/A".
 */
export function answerCell(
  answer: { value: AnswerValue | null; na: boolean } | undefined,
  words: { yes: string; no: string; na: string },
): string | number | null {
  if (!answer) return null;
  if (answer.na) return words.na;
  const { value } = answer;
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return numberCell(value);
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  return plainText(value);
}
