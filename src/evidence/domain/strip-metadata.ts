// Removes what identifies a person from evidence files that are not images (images are re-encoded
// with sharp, in ../evidence-sanitizer.ts). Pure: bytes in, cleaned bytes (or null when the file cannot
// be cleaned with confidence) out. Where offsets inside the file matter (MP4, WAV, PDF), tags are
// blanked in place, same length, so every offset stays valid and the media plays as before.
import { inflateSync } from 'zlib';

const latin1 = (bytes: Uint8Array, from: number, to: number) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1', from, to);

// ---------------------------------------------------------------------------------------------------
// MP3: ID3v2 tags at the start (and appended at the end), ID3v1, APEv2 and Lyrics3 tags at the end.

const syncsafe = (bytes: Uint8Array, at: number) =>
  ((bytes[at] & 0x7f) << 21) | ((bytes[at + 1] & 0x7f) << 14) | ((bytes[at + 2] & 0x7f) << 7) | (bytes[at + 3] & 0x7f);

/** The MPEG audio frames of an MP3, without any tag; null when no frame follows the tags. */
export function stripMp3Tags(input: Uint8Array): Buffer | null {
  let start = 0;
  let end = input.length;
  // Some writers put several ID3v2 tags one after another.
  while (end - start >= 10 && latin1(input, start, start + 3) === 'ID3') {
    const footer = input[start + 5] & 0x10 ? 10 : 0;
    start += 10 + syncsafe(input, start + 6) + footer;
  }
  for (let changed = true; changed && end > start;) {
    changed = false;
    if (end - start >= 128 && latin1(input, end - 128, end - 125) === 'TAG') {
      end -= 128;
      changed = true;
    } else if (end - start >= 32 && latin1(input, end - 32, end - 24) === 'APETAGEX') {
      const footerAt = end - 32;
      const size = Buffer.from(input.buffer, input.byteOffset, input.byteLength).readUInt32LE(footerAt + 12);
      const hasHeader = (input[footerAt + 23] & 0x80) !== 0;
      end -= size + (hasHeader ? 32 : 0);
      changed = true;
    } else if (end - start >= 10 && latin1(input, end - 10, end - 7) === '3DI') {
      end -= 20 + syncsafe(input, end - 4);
      changed = true;
    } else if (end - start >= 15 && latin1(input, end - 9, end) === 'LYRICS200') {
      const size = Number(latin1(input, end - 15, end - 9));
      if (!Number.isInteger(size)) return null;
      end -= size + 15;
      changed = true;
    }
  }
  if (start < 0 || end - start < 4) return null;
  // What is left must begin with an MPEG frame header (11 set sync bits).
  if (input[start] !== 0xff || (input[start + 1] & 0xe0) !== 0xe0) return null;
  return Buffer.from(input.subarray(start, end));
}

// ---------------------------------------------------------------------------------------------------
// ISO base media (M4A, MP4): iTunes tags (moov/udta/meta/ilst), Apple location (©xyz, loci), XMP (uuid)
// and any other user data become `free` boxes of the same size, zero-filled: players skip `free`, and
// the sample offsets (stco/co64) stay right because nothing moves.

/** Boxes whose content is about the recording's author, place or device, never the media. */
const USER_DATA_BOXES = new Set(['udta', 'meta', 'uuid', 'XMP_', 'ilst']);
/** Boxes that hold other boxes, walked to find user data inside. */
const CONTAINER_BOXES = new Set(['moov', 'trak', 'mdia', 'minf', 'edts', 'moof', 'traf']);

export function blankIsoUserData(input: Uint8Array): Buffer | null {
  const output = Buffer.from(input);
  const walk = (from: number, to: number, depth: number): boolean => {
    let at = from;
    while (at + 8 <= to) {
      let size = output.readUInt32BE(at);
      const type = output.toString('latin1', at + 4, at + 8);
      let header = 8;
      if (size === 1) {
        if (at + 16 > to) return false;
        const large = output.readBigUInt64BE(at + 8);
        if (large > BigInt(Number.MAX_SAFE_INTEGER)) return false;
        size = Number(large);
        header = 16;
      } else if (size === 0) {
        size = to - at;
      }
      if (size < header || at + size > to) return false;
      if (USER_DATA_BOXES.has(type)) {
        output.write('free', at + 4, 'latin1');
        output.fill(0, at + header, at + size);
      } else if (CONTAINER_BOXES.has(type) && depth < 16) {
        if (!walk(at + header, at + size, depth + 1)) return false;
      }
      at += size;
    }
    return true;
  };
  return walk(0, output.length, 0) ? output : null;
}

// ---------------------------------------------------------------------------------------------------
// WAV: RIFF chunks with tags (LIST/INFO with IART, ID3, Broadcast-WAV bext, iXML, XMP) become JUNK.

const WAV_TAG_CHUNKS = new Set(['LIST', 'id3 ', 'ID3 ', 'bext', 'iXML', '_PMX', 'axml', 'cart', 'DISP']);

export function blankWavTags(input: Uint8Array): Buffer | null {
  const output = Buffer.from(input);
  if (output.length < 12 || output.toString('latin1', 0, 4) !== 'RIFF' || output.toString('latin1', 8, 12) !== 'WAVE') return null;
  let at = 12;
  while (at + 8 <= output.length) {
    const id = output.toString('latin1', at, at + 4);
    const size = output.readUInt32LE(at + 4);
    const end = at + 8 + size;
    if (end > output.length) return null;
    if (WAV_TAG_CHUNKS.has(id)) {
      output.write('JUNK', at, 'latin1');
      output.fill(0, at + 8, end);
    }
    at = end + (size % 2);
  }
  return output;
}

// ---------------------------------------------------------------------------------------------------
// PDF: the document information dictionary's values (/Author, /Creator…) are overwritten with spaces
// inside their delimiters, and XMP metadata streams with blank content of the same length, so the
// cross-reference offsets stay valid. Metadata inside a compressed object stream cannot be blanked in
// place: such a file is reported as not cleanable (null).

const INFO_KEYS = [
  'Author',
  'Creator',
  'Producer',
  'Title',
  'Subject',
  'Keywords',
  'Company',
  'Manager',
  'SourceModified',
  'AAPL:Keywords',
];
const INFO_KEY_PATTERN = new RegExp(`/(?:${INFO_KEYS.map((key) => key.replace(/[:]/g, '\\$&')).join('|')})(?![A-Za-z0-9])`, 'g');
const XMP_MARKERS = /<x:xmpmeta|<\?xpacket|<rdf:RDF/;
const BLANK = 0x20;

/** Where the PDF string value starting at `at` (after spaces) ends, blanking its content; -1 when it is no string. */
function blankStringValue(bytes: Buffer, at: number): number {
  let position = at;
  while (position < bytes.length && /\s/.test(String.fromCharCode(bytes[position]))) position++;
  if (bytes[position] === 0x28 /* ( */) {
    let depth = 1;
    let index = position + 1;
    for (; index < bytes.length && depth > 0; index++) {
      const byte = bytes[index];
      if (byte === 0x5c /* \ */) {
        bytes[index] = BLANK;
        if (index + 1 < bytes.length) bytes[++index] = BLANK;
        continue;
      }
      if (byte === 0x28) depth++;
      else if (byte === 0x29 && --depth === 0) break;
      bytes[index] = BLANK;
    }
    return index;
  }
  if (bytes[position] === 0x3c /* < */ && bytes[position + 1] !== 0x3c) {
    let index = position + 1;
    for (; index < bytes.length && bytes[index] !== 0x3e; index++) bytes[index] = BLANK; // whitespace in a hex string is ignored
    return index;
  }
  return -1;
}

/** A zlib stream of exactly `length` bytes that inflates to spaces (stored blocks), or null below the 11-byte minimum. */
function blankZlibStream(length: number): Buffer | null {
  const payload = length - 2 - 4 - 5; // zlib header, adler-32, one stored block's header
  if (payload < 0 || payload > 0xffff) return null;
  const content = Buffer.alloc(payload, BLANK);
  const raw = Buffer.concat([Buffer.from([0x01, payload & 0xff, payload >> 8, ~payload & 0xff, (~payload >> 8) & 0xff]), content]);
  let a = 1;
  let b = 0;
  for (const byte of content) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE(((b << 16) | a) >>> 0);
  return Buffer.concat([Buffer.from([0x78, 0x01]), raw, adler]);
}

export function blankPdfMetadata(input: Uint8Array): Buffer | null {
  const output = Buffer.from(input);
  const text = output.toString('latin1');
  if (!text.startsWith('%PDF-')) return null;

  // Streams first, so the dictionary scan below never blanks bytes inside (binary) stream data.
  const streams: Array<{ start: number; end: number }> = [];
  const streamPattern = /stream\r?\n/g;
  for (let match = streamPattern.exec(text); match; match = streamPattern.exec(text)) {
    if (text.slice(Math.max(0, match.index - 3), match.index).endsWith('end')) continue; // "endstream"
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    const dictionary = text.slice(Math.max(0, text.lastIndexOf('<<', match.index) - 200), match.index);
    const raw = output.subarray(start, end);
    if (XMP_MARKERS.test(raw.toString('latin1'))) {
      output.fill(BLANK, start, end);
    } else if (/\/FlateDecode/.test(dictionary)) {
      let inflated: Buffer | null;
      try {
        inflated = inflateSync(raw);
      } catch {
        inflated = null;
      }
      if (inflated && XMP_MARKERS.test(inflated.toString('latin1'))) {
        // The stream's declared length includes any end-of-line before "endstream"; keep it all the same size.
        const replacement = blankZlibStream(end - start);
        if (!replacement) output.fill(BLANK, start, end);
        else replacement.copy(output, start);
      } else if (inflated && /\/Type\s*\/ObjStm/.test(dictionary)) {
        INFO_KEY_PATTERN.lastIndex = 0;
        if (INFO_KEY_PATTERN.test(inflated.toString('latin1'))) return null;
      }
    }
    streams.push({ start, end });
    streamPattern.lastIndex = end;
  }

  const insideStream = (at: number) => streams.some((stream) => at >= stream.start && at < stream.end);
  INFO_KEY_PATTERN.lastIndex = 0;
  for (let match = INFO_KEY_PATTERN.exec(text); match; match = INFO_KEY_PATTERN.exec(text)) {
    if (insideStream(match.index)) continue;
    blankStringValue(output, match.index + match[0].length);
  }
  return output;
}

/** For tests and callers that want to double-check: the inflated content of every Flate stream. */
export function inflatePdfStreams(bytes: Uint8Array): string[] {
  const text = Buffer.from(bytes).toString('latin1');
  const found: string[] = [];
  const pattern = /stream\r?\n([\s\S]*?)endstream/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    try {
      found.push(inflateSync(Buffer.from(match[1], 'latin1')).toString('latin1'));
    } catch {
      found.push(match[1]);
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------
// Ogg (Vorbis, Opus): the comment header (ARTIST=, TITLE=, LOCATION=, cover art…) keeps its layout
// and each value becomes spaces; the pages it spans get their checksum recomputed. Other codecs in
// Ogg (FLAC, Speex…) are not cleaned (null).

const OGG_CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let index = 0; index < 256; index++) {
    let crc = index << 24;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x80000000 ? (crc << 1) ^ 0x04c11db7 : crc << 1;
    table[index] = crc >>> 0;
  }
  return table;
})();

function oggCrc(page: Uint8Array): number {
  let crc = 0;
  for (const byte of page) crc = ((crc << 8) ^ OGG_CRC_TABLE[((crc >>> 24) ^ byte) & 0xff]) >>> 0;
  return crc >>> 0;
}

export function blankOggComments(input: Uint8Array): Buffer | null {
  const output = Buffer.from(input);
  interface Stream {
    packets: number; // complete packets seen
    current: number[]; // file offsets of the bytes of the packet being read
    done: boolean;
  }
  const streams = new Map<number, Stream>();
  const pages: Array<{ start: number; end: number }> = [];
  const touchedPages = new Set<number>();
  const pageOfOffset: number[] = [];
  let at = 0;
  while (at < output.length) {
    if (at + 27 > output.length || output.toString('latin1', at, at + 4) !== 'OggS') return null;
    const serial = output.readUInt32LE(at + 14);
    const segments = output[at + 26];
    const lacingStart = at + 27;
    if (lacingStart + segments > output.length) return null;
    let bodyAt = lacingStart + segments;
    const pageIndex = pages.length;
    const stream = streams.get(serial) ?? { packets: 0, current: [], done: false };
    streams.set(serial, stream);
    for (let segment = 0; segment < segments; segment++) {
      const size = output[lacingStart + segment];
      if (bodyAt + size > output.length) return null;
      if (!stream.done) {
        for (let offset = bodyAt; offset < bodyAt + size; offset++) {
          stream.current.push(offset);
          pageOfOffset[offset] = pageIndex;
        }
      }
      bodyAt += size;
      if (size < 255 && !stream.done) {
        stream.packets += 1;
        if (stream.packets === 2) {
          if (!blankCommentPacket(output, stream.current, touchedPages, pageOfOffset)) return null;
          stream.done = true;
        }
        stream.current = [];
      }
    }
    pages.push({ start: at, end: bodyAt });
    at = bodyAt;
  }
  if (![...streams.values()].every((stream) => stream.done)) return null;
  for (const index of touchedPages) {
    const { start, end } = pages[index];
    output.writeUInt32LE(0, start + 22);
    output.writeUInt32LE(oggCrc(output.subarray(start, end)), start + 22);
  }
  return output;
}

/** Blanks the values of a Vorbis or Opus comment packet whose bytes lie at `offsets`; false when it is neither. */
function blankCommentPacket(output: Buffer, offsets: number[], touchedPages: Set<number>, pageOfOffset: number[]): boolean {
  const packet = Buffer.from(offsets.map((offset) => output[offset]));
  const prefix =
    packet.subarray(0, 7).toString('latin1') === '\u0003vorbis' ? 7 : packet.subarray(0, 8).toString('latin1') === 'OpusTags' ? 8 : -1;
  if (prefix < 0 || packet.length < prefix + 8) return false;
  let position = prefix;
  const vendorLength = packet.readUInt32LE(position);
  position += 4 + vendorLength;
  if (position + 4 > packet.length) return false;
  const count = packet.readUInt32LE(position);
  position += 4;
  for (let comment = 0; comment < count; comment++) {
    if (position + 4 > packet.length) return false;
    const length = packet.readUInt32LE(position);
    position += 4;
    if (position + length > packet.length) return false;
    const equals = packet.indexOf(0x3d, position);
    const valueStart = equals >= 0 && equals < position + length ? equals + 1 : position;
    for (let index = valueStart; index < position + length; index++) {
      output[offsets[index]] = BLANK;
      touchedPages.add(pageOfOffset[offsets[index]]);
    }
    position += length;
  }
  return true;
}
