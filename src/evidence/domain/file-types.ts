// Which evidence files are accepted, decided from their content (magic bytes), never from the name or
// the Content-Type the client claims. Pure: bytes in, an allowed type (or null) out.
import { filetypeinfo } from 'magic-bytes.js';

export interface EvidenceType {
  /** The MIME type stored and served back as Content-Type. */
  mimeType: string;
  /** The usual extension, without the dot. */
  extension: string;
  kind: 'image' | 'document' | 'audio' | 'video';
}

/** magic-bytes.js type name → what we store. Anything not listed here (SVG, HTML, ZIP, EXE…) is refused. */
const ALLOWED: Record<string, EvidenceType> = {
  jpg: { mimeType: 'image/jpeg', extension: 'jpg', kind: 'image' },
  png: { mimeType: 'image/png', extension: 'png', kind: 'image' },
  webp: { mimeType: 'image/webp', extension: 'webp', kind: 'image' },
  gif: { mimeType: 'image/gif', extension: 'gif', kind: 'image' },
  pdf: { mimeType: 'application/pdf', extension: 'pdf', kind: 'document' },
  mp3: { mimeType: 'audio/mpeg', extension: 'mp3', kind: 'audio' },
  // magic-bytes names Ogg by its first codec: Vorbis `ogg`, FLAC `oga`, Speex `spx`, anything else (Opus) `ogx`.
  ogg: { mimeType: 'audio/ogg', extension: 'ogg', kind: 'audio' },
  oga: { mimeType: 'audio/ogg', extension: 'ogg', kind: 'audio' },
  spx: { mimeType: 'audio/ogg', extension: 'ogg', kind: 'audio' },
  ogx: { mimeType: 'audio/ogg', extension: 'ogg', kind: 'audio' },
  wav: { mimeType: 'audio/wav', extension: 'wav', kind: 'audio' },
};

/** ISO base-media brands (the `ftyp` box) that mark HEIC/HEIF stills and M4A audio. */
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx']);
const HEIF_BRANDS = new Set(['mif1', 'msf1']);
const M4A_BRANDS = new Set(['M4A ', 'M4B ']);
/** Plain MP4 containers: what many Android recorders write for voice memos, and screen recordings. */
const MP4_BRANDS = new Set(['isom', 'iso2', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'dash']);

/** The major and compatible brands of an ISO base-media file (`....ftypBRND....BRND…`), or [] when it is not one. */
export function isoBrands(bytes: Uint8Array): string[] {
  if (bytes.length < 16) return [];
  const ascii = (from: number) => String.fromCharCode(...bytes.subarray(from, from + 4));
  if (ascii(4) !== 'ftyp') return [];
  const boxSize = ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0;
  const end = Math.min(boxSize >= 16 ? boxSize : 16, bytes.length);
  const brands = [ascii(8)];
  for (let offset = 16; offset + 4 <= end; offset += 4) brands.push(ascii(offset));
  return brands;
}

function isoBaseMediaType(bytes: Uint8Array): EvidenceType | null {
  const brands = isoBrands(bytes);
  if (!brands.length) return null;
  const [major] = brands;
  // The major brand decides first: an HEIC photo lists `mif1` among its compatibles, an M4A lists `isom`.
  if (HEIC_BRANDS.has(major)) return { mimeType: 'image/heic', extension: 'heic', kind: 'image' };
  if (HEIF_BRANDS.has(major)) {
    return brands.some((brand) => HEIC_BRANDS.has(brand))
      ? { mimeType: 'image/heic', extension: 'heic', kind: 'image' }
      : { mimeType: 'image/heif', extension: 'heif', kind: 'image' };
  }
  if (M4A_BRANDS.has(major) || brands.some((brand) => M4A_BRANDS.has(brand))) {
    return { mimeType: 'audio/mp4', extension: 'm4a', kind: 'audio' };
  }
  if (MP4_BRANDS.has(major)) return { mimeType: 'video/mp4', extension: 'mp4', kind: 'video' };
  return null;
}

/**
 * The accepted type of an evidence file judged by its first bytes, or null when it is not one of:
 * JPEG, PNG, WebP, GIF, HEIC/HEIF, PDF, MP3, M4A / MP4, Ogg, WAV.
 */
export function detectEvidenceType(bytes: Uint8Array): EvidenceType | null {
  const head = bytes.subarray(0, 4096);
  const iso = isoBaseMediaType(head);
  if (iso) return iso;
  if (isoBrands(head).length) return null; // another ISO media kind (3GP, QuickTime…): not on the list
  for (const guess of filetypeinfo(head)) {
    const allowed = ALLOWED[guess.typename];
    if (allowed) return allowed;
  }
  return null;
}

const EXTENSION_BY_MIME: Record<string, string> = {
  ...Object.fromEntries(Object.values(ALLOWED).map((type) => [type.mimeType, type.extension])),
  'image/heic': 'heic',
  'image/heif': 'heif',
  'audio/mp4': 'm4a',
  'video/mp4': 'mp4',
};

/** Every MIME type an evidence file can be stored (and downloaded) as. */
export const EVIDENCE_MIME_TYPES = Object.keys(EXTENSION_BY_MIME);

/** The usual extension of a stored MIME type (`bin` for one this list no longer knows). */
export function extensionOf(mimeType: string): string {
  return EXTENSION_BY_MIME[mimeType] ?? 'bin';
}

/** The accepted types, for error messages and the API documentation. */
export const ACCEPTED_EVIDENCE_DESCRIPTION = 'JPEG, PNG, WebP, GIF, HEIC/HEIF, PDF, MP3, M4A/MP4, Ogg, WAV';

/**
 * A file name safe to keep and to put back in a Content-Disposition header: the last path segment,
 * without control characters, at most 200 characters; `fallback` when nothing is left.
 */
export function safeOriginalName(name: string | undefined, fallback: string): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // eslint-disable-next-line no-control-regex -- control characters are what it removes
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(0, 200);
  return cleaned && cleaned !== '.' && cleaned !== '..' ? cleaned : fallback;
}
