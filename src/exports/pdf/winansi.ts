// pdfkit's standard fonts (Helvetica) are WinAnsi-encoded: they cover Spanish and English fully
// (á é í ó ú ü ñ ¿ ¡ € “ ” – — …) but print garbage for anything else. Text that reaches the PDF goes
// through toWinAnsi first, so a stray emoji, a Greek letter or a math sign in a comment degrades to a
// close equivalent instead of corrupting the line.
import type { KpiModel } from '../../kpis/kpi-model';

/** The code points above Latin-1 that WinAnsi (Windows-1252) maps into 0x80–0x9F. */
const WINANSI_EXTRA = new Set(
  Array.from('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ').map((character) => character.codePointAt(0) as number),
);

/** Close equivalents for common characters WinAnsi lacks. */
const REPLACEMENTS: Record<string, string> = {
  '\u2212': '-', // minus sign
  '\u2010': '-',
  '\u2011': '-',
  '\u2192': '->',
  '\u2190': '<-',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u2248': '~',
  '\u03BC': '\u00B5', // Greek mu → micro sign
  '\u2009': ' ', // thin space
  '\u202F': ' ', // narrow no-break space
  '\u2007': ' ',
  '\u200B': '', // zero-width space
  '\u00AD': '', // soft hyphen: pdfkit would print it
  '\u2032': "'",
  '\u2033': '"',
  '\u2022': '•',
  // Latin letters whose stroke is not a combining mark, so NFKD cannot take it off.
  'Ł': 'L',
  'ł': 'l',
  'Đ': 'D',
  'đ': 'd',
  'ı': 'i',
};

export function isWinAnsi(character: string): boolean {
  const code = character.codePointAt(0) as number;
  return code === 0x0a || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WINANSI_EXTRA.has(code);
}

/**
 * Text the standard fonts can draw: WinAnsi characters pass; known look-alikes are substituted;
 * letters with marks outside Latin-1 lose their marks ("ő" → "o"); pictographs (emoji) are dropped;
 * anything else becomes "?". Tabs and CR become spaces and line breaks; runs of spaces collapse to one.
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const character of text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ')) {
    if (isWinAnsi(character)) {
      out += character;
    } else if (Object.hasOwn(REPLACEMENTS, character)) {
      out += REPLACEMENTS[character];
    } else if (/[\p{Extended_Pictographic}\u{FE0F}\u{200D}\u{1F3FB}-\u{1F3FF}]/u.test(character)) {
      // emoji and their joiners / variation selectors / skin tones
    } else if (/\p{Cc}|\p{Cf}/u.test(character)) {
      // other control and format characters
    } else {
      const base = character.normalize('NFKD').replace(/\p{M}/gu, '');
      out += base && Array.from(base).every(isWinAnsi) ? base : '?';
    }
  }
  // A dropped emoji leaves two spaces behind; a PDF line never needs more than one.
  return out.replace(/ {2,}/g, ' ');
}

/** The model with every string drawable, so no renderer can forget one (numbers and structure untouched). */
export function toWinAnsiModel(model: KpiModel): KpiModel {
  return mapStrings(model) as KpiModel;
}

function mapStrings(value: unknown): unknown {
  if (typeof value === 'string') return toWinAnsi(value);
  if (Array.isArray(value)) return value.map(mapStrings);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item)]));
  }
  return value;
}
