// Duplicate-narrative integrity signal (docs/domain.md §4b): two narratives are duplicates when they are
// equal after normalising case, accents, punctuation and spacing. Only the hash of the normalised
// text is stored and compared, so the check is one indexed lookup. Pure: no Nest, no ORM.
import { createHash } from 'crypto';

/**
 * Narratives shorter than this (after normalising) are not compared: "todo correcto" written by two
 * shoppers is not evidence of copying.
 */
export const MIN_COMPARED_NARRATIVE_LENGTH = 20;

/** Lower case, accents removed, anything but letters and digits turned into single spaces, trimmed. */
export function normalizeNarrative(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** sha256 (hex) of the normalised narrative, or null when there is too little text to compare. */
export function narrativeFingerprint(text: string | null | undefined): string | null {
  if (!text) return null;
  const normalized = normalizeNarrative(text);
  if (normalized.length < MIN_COMPARED_NARRATIVE_LENGTH) return null;
  return createHash('sha256').update(normalized).digest('hex');
}
