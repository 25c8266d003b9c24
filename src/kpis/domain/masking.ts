// Nothing identifying a shopper reaches a client (docs/domain.md): the comments and verbatims of the KPI
// model, its PDF and its Excel are client documents, so a narrative signed by its shopper ("Un saludo,
// Laura Gómez") shows "[shopper]" instead, and e-mail addresses and phone numbers are masked whoever wrote them.

export const SHOPPER_MASK = '[shopper]';
export const EMAIL_MASK = '[email]';
export const PHONE_MASK = '[phone]';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// 9 to 15 digits, optionally after a +country code, grouped by spaces, dots or dashes: phone numbers
// (and account numbers, which are no better shown); amounts such as 1.500.000 have fewer digits.
const PHONE = /(?<![\p{L}\p{N}])(?:\+\d{1,3}[\s.-]?)?\d(?:[\s.-]?\d){8,14}(?![\p{L}\p{N}])/gu;
const WORD = /[\p{L}\p{M}'’-]+/gu;
const COMBINING_MARK = /\p{M}/gu;
/** Parts of a name shorter than this ("de", "la", "y") are not masked on their own. */
const MIN_NAME_PART = 3;

const plain = (word: string) => word.normalize('NFD').replace(COMBINING_MARK, '').toLowerCase();

/**
 * The text with e-mails, phone numbers and the shopper's name masked. The name is matched word by word,
 * without case or accents ("laura gomez" is "Laura Gómez"), so a signature with only the first name or
 * the surname is caught too; consecutive name words become one mask.
 */
export function maskPersonalData(text: string, shopperName: string | null | undefined): string {
  let masked = text.replace(EMAIL, EMAIL_MASK).replace(PHONE, PHONE_MASK);
  const nameParts = new Set(
    (shopperName ?? '')
      .split(/[^\p{L}\p{M}'’-]+/u)
      .filter((part) => Array.from(part).length >= MIN_NAME_PART)
      .map(plain),
  );
  if (nameParts.size === 0) return masked;
  masked = masked.replace(WORD, (word) => (nameParts.has(plain(word)) ? SHOPPER_MASK : word));
  // "[shopper] [shopper]" (first name and surname) reads as one person.
  const repeated = new RegExp(`${escapeRegExp(SHOPPER_MASK)}(?:\\s+${escapeRegExp(SHOPPER_MASK)})+`, 'gu');
  return masked.replace(repeated, SHOPPER_MASK);
}

/** The words of shoppers' names, as the frequent terms would show them: none of them may be a frequent term. */
export function namePartsOf(names: ReadonlyArray<string | null>): Set<string> {
  const parts = new Set<string>();
  for (const name of names) {
    for (const part of (name ?? '').split(/[^\p{L}\p{M}'’-]+/u)) {
      if (Array.from(part).length >= MIN_NAME_PART) parts.add(plain(part));
    }
  }
  return parts;
}

export function isNamePart(word: string, parts: ReadonlySet<string>): boolean {
  return parts.has(plain(word));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
