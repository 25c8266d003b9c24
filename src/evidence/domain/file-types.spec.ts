import { detectEvidenceType, isoBrands, safeOriginalName } from './file-types';

const bytes = (...parts: Array<string | number[]>) =>
  new Uint8Array(Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part)))));

/** An ISO base-media `ftyp` box with the given major and compatible brands. */
const ftyp = (major: string, ...compatible: string[]) => {
  const size = 16 + 4 * compatible.length;
  return bytes([0, 0, 0, size], 'ftyp', major, [0, 0, 0, 0], compatible.join(''), [0, 0, 0, 8], 'free');
};

const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], 'IHDR', [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);

describe('detectEvidenceType', () => {
  it.each([
    ['PNG', 'image/png', PNG],
    ['JPEG (JFIF)', 'image/jpeg', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF\0')],
    ['JPEG (raw)', 'image/jpeg', bytes([0xff, 0xd8, 0xff, 0xdb, 0, 0x43])],
    ['GIF', 'image/gif', bytes('GIF89a', [1, 0, 1, 0])],
    ['WebP', 'image/webp', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 ')],
    ['PDF', 'application/pdf', bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')],
    ['MP3 with ID3 tag', 'audio/mpeg', bytes('ID3', [3, 0, 0, 0, 0, 0, 0])],
    ['MP3 frame', 'audio/mpeg', bytes([0xff, 0xfb, 0x90, 0x64, 0, 0])],
    ['Ogg', 'audio/ogg', bytes('OggS', [0, 2, 0, 0, 0, 0, 0, 0, 0, 0])],
    // Was refused (415): magic-bytes names an Ogg Vorbis file `ogg`, which was not on the list.
    ['Ogg Vorbis', 'audio/ogg', bytes('OggS', [0, 2], new Array(22).fill(0), '\x01vorbis', new Array(30).fill(0))],
    ['Ogg Opus', 'audio/ogg', bytes('OggS', [0, 2], new Array(22).fill(0), 'OpusHead', new Array(30).fill(0))],
    ['WAV', 'audio/wav', bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt ')],
    ['M4A', 'audio/mp4', ftyp('M4A ', 'M4A ', 'mp42', 'isom')],
    ['MP4 whose compatibles say M4A', 'audio/mp4', ftyp('mp42', 'isom', 'M4A ')],
    ['plain MP4', 'video/mp4', ftyp('isom', 'isom', 'iso2', 'mp41')],
    ['HEIC', 'image/heic', ftyp('heic', 'mif1', 'heic')],
    ['HEIF listing heic', 'image/heic', ftyp('mif1', 'mif1', 'heic')],
    ['HEIF', 'image/heif', ftyp('mif1', 'mif1')],
  ])('accepts %s as %s', (_name, mimeType, content) => {
    expect(detectEvidenceType(content)?.mimeType).toBe(mimeType);
  });

  it.each([
    ['plain text', bytes('this is not a picture, whatever its name says')],
    ['HTML', bytes('<!DOCTYPE html><script>alert(1)</script>')],
    ['SVG (can carry scripts)', bytes('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>')],
    ['ZIP / Office documents', bytes('PK\x03\x04', [20, 0, 0, 0])],
    ['Windows executable', bytes('MZ\x90\0\x03\0')],
    ['FLAC (audio, but not on the list)', bytes('fLaC', [0, 0, 0, 34])],
    ['QuickTime', ftyp('qt  ', 'qt  ')],
    ['3GP', ftyp('3gp4', '3gp4', 'isom')],
    ['empty file', new Uint8Array()],
    ['PNG signature cut short', PNG.subarray(0, 4)],
  ])('refuses %s', (_name: string, content: Uint8Array) => {
    expect(detectEvidenceType(content)).toBeNull();
  });

  it('judges only the content: a PNG is a PNG whatever comes after its header', () => {
    const withTrailer = new Uint8Array([...PNG, ...bytes('<script>alert(1)</script>')]);
    expect(detectEvidenceType(withTrailer)).toEqual({ mimeType: 'image/png', extension: 'png', kind: 'image' });
  });
});

describe('isoBrands', () => {
  it('reads the major and compatible brands within the ftyp box only', () => {
    expect(isoBrands(ftyp('M4A ', 'mp42', 'isom'))).toEqual(['M4A ', 'mp42', 'isom']);
  });

  it('is empty for anything that is not an ISO base-media file', () => {
    expect(isoBrands(PNG)).toEqual([]);
    expect(isoBrands(bytes('short'))).toEqual([]);
  });
});

describe('safeOriginalName', () => {
  it('keeps an ordinary name, including non-ASCII letters', () => {
    expect(safeOriginalName('recepción 1.jpg', 'x')).toBe('recepción 1.jpg');
  });

  it('drops directories, quotes and control characters', () => {
    expect(safeOriginalName('../../etc/passwd', 'x')).toBe('passwd');
    expect(safeOriginalName('C:\\Users\\me\\photo.png', 'x')).toBe('photo.png');
    expect(safeOriginalName('a"b\r\nSet-Cookie: x.png', 'x')).toBe('abSet-Cookie: x.png');
  });

  it('falls back when nothing usable is left, and caps the length', () => {
    expect(safeOriginalName(undefined, 'evidence.png')).toBe('evidence.png');
    expect(safeOriginalName('..', 'evidence.png')).toBe('evidence.png');
    expect(safeOriginalName('\u0000\u0001', 'evidence.png')).toBe('evidence.png');
    expect(safeOriginalName('a'.repeat(500), 'x')).toHaveLength(200);
  });
});
