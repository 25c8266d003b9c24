// Issue 12.1: no file a client user can download carries anything that identifies the shopper. One
// fixture per evidence kind, built here with the shopper's name in its metadata; the client's copy
// must not contain the name (nor GPS, nor the file name), staff still get the original byte for byte,
// and a photo's capture time and place become integrity data for reviewers.
import { createHash } from 'crypto';
import sharp from 'sharp';
import type { Response } from 'supertest';
import { crc32, deflateSync } from 'zlib';
import {
  blankIsoUserData,
  blankPdfMetadata,
  blankWavTags,
  inflatePdfStreams,
  stripMp3Tags,
} from '../../src/evidence/domain/strip-metadata';
import { createTestApp, TestContext } from '../helpers/test-app';
import { addTenantVisit, buildWorld, World } from '../factories/world.factory';

jest.setTimeout(90_000);

const NAME = 'Ana Shopper-Garcia';
const FILE_NAME = 'IMG_Ana_Shopper-Garcia_2026.jpg';
const XMP = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>${NAME}</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
const EXIF = {
  IFD0: { Artist: NAME, ImageDescription: `${NAME} at Calle Mayor 5`, Copyright: NAME },
  IFD2: { DateTimeOriginal: '2021:03:04 10:00:00', OffsetTimeOriginal: '+01:00' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '40/1 25/1 1234/100', GPSLongitudeRef: 'W', GPSLongitude: '3/1 42/1 0/1' },
};

/** A 40×20 photo, stored rotated (EXIF orientation 6: shown 20×40), with the shopper in EXIF, GPS and XMP. */
const photo = (format: 'jpeg' | 'png' | 'webp', background = 'red') =>
  sharp({ create: { width: 40, height: 20, channels: 3, background } })
    .toFormat(format)
    .withMetadata({ orientation: 6 })
    .withExif(EXIF)
    .withXmp(XMP)
    .toBuffer();

/** A PNG chunk with its CRC. */
function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG with tEXt/iTXt chunks naming the shopper inserted after IHDR, besides its EXIF and XMP. */
async function pngWithText(): Promise<Buffer> {
  const png = await photo('png', 'blue');
  const afterHeader = 8 + 25; // signature + IHDR chunk
  return Buffer.concat([
    png.subarray(0, afterHeader),
    pngChunk('tEXt', Buffer.from(`Author\0${NAME}`, 'latin1')),
    pngChunk('iTXt', Buffer.from(`Description\0\0\0\0\0Foto de ${NAME}`, 'utf8')),
    png.subarray(afterHeader),
  ]);
}

/** A GIF with a comment extension naming the shopper, inserted after the global colour table. */
async function gifWithComment(): Promise<Buffer> {
  const gif = await sharp({ create: { width: 6, height: 4, channels: 3, background: 'orange' } })
    .gif()
    .toBuffer();
  const packed = gif[10];
  const afterTable = 13 + (packed & 0x80 ? 3 * 2 ** ((packed & 7) + 1) : 0);
  const text = Buffer.from(`Foto de ${NAME}`, 'latin1');
  const comment = Buffer.concat([Buffer.from([0x21, 0xfe, text.length]), text, Buffer.from([0])]);
  return Buffer.concat([gif.subarray(0, afterTable), comment, gif.subarray(afterTable)]);
}

/** A small valid PDF with the shopper as /Author and /Creator, in an XMP stream (plain) and a compressed one, and a correct xref table. */
function pdfWithAuthor(): Buffer {
  const xmpCompressed = deflateSync(Buffer.from(XMP, 'latin1'));
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R /Metadata 4 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
    `<< /Type /Metadata /Subtype /XML /Length ${XMP.length} >>\nstream\n${XMP}\nendstream`,
    `<< /Type /Metadata /Subtype /XML /Filter /FlateDecode /Length ${xmpCompressed.length} >>\nstream\n${xmpCompressed.toString('latin1')}\nendstream`,
    `<< /Author (${NAME}) /Creator (Scanner of ${NAME} \\(phone\\)) /Producer <${Buffer.from(NAME).toString('hex')}> /Title (Ticket) >>`,
  ];
  let body = '%PDF-1.6\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** An ID3v2.3 tag with the artist and a comment, a few MPEG frames, an APE-free tail and an ID3v1 tag. */
function mp3WithId3(): Buffer {
  const frame = (id: string, text: string) => {
    const data = Buffer.concat([Buffer.from([0]), Buffer.from(text, 'latin1')]);
    const header = Buffer.alloc(10);
    header.write(id, 0, 'latin1');
    header.writeUInt32BE(data.length, 4);
    return Buffer.concat([header, data]);
  };
  const frames = Buffer.concat([frame('TPE1', NAME), frame('TIT2', `Llamada de ${NAME}`), frame('TCOM', NAME)]);
  const size = frames.length;
  const syncsafe = Buffer.from([(size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f]);
  const id3v2 = Buffer.concat([Buffer.from('ID3', 'latin1'), Buffer.from([3, 0, 0]), syncsafe, frames]);
  // MPEG-1 Layer III, 128 kbit/s, 44.1 kHz: 417-byte frames of silence.
  const mpegFrame = Buffer.alloc(417);
  mpegFrame.set([0xff, 0xfb, 0x90, 0x64]);
  const audio = Buffer.concat([mpegFrame, mpegFrame, mpegFrame]);
  const id3v1 = Buffer.alloc(128);
  id3v1.write('TAG', 0, 'latin1');
  id3v1.write(NAME.slice(0, 30), 33, 'latin1');
  return Buffer.concat([id3v2, audio, id3v1]);
}

/** An M4A: ftyp, moov (mvhd, trak, udta/meta/ilst with ©ART and ©xyz), mdat, with the sample offset (stco) into mdat. */
function m4aWithItunesTags(): Buffer {
  const box = (type: string, ...children: Buffer[]) => {
    const content = Buffer.concat(children);
    const header = Buffer.alloc(8);
    header.writeUInt32BE(content.length + 8);
    header.write(type, 4, 'latin1');
    return Buffer.concat([header, content]);
  };
  const fullBox = (type: string, ...children: Buffer[]) => box(type, Buffer.alloc(4), ...children);
  const text = (value: string) => box('data', Buffer.from([0, 0, 0, 1, 0, 0, 0, 0]), Buffer.from(value, 'utf8'));
  const ftyp = box('ftyp', Buffer.from('M4A \0\0\0\0M4A isom', 'latin1'));
  const ilst = box('ilst', box('\u00a9ART', text(NAME)), box('\u00a9nam', text(`Llamada de ${NAME}`)));
  const udta = box(
    'udta',
    fullBox('meta', box('hdlr', Buffer.alloc(25)), ilst),
    box('\u00a9xyz', Buffer.from('+40.4200-003.7000/', 'latin1')),
  );
  const stco = (offset: number) =>
    fullBox('stco', Buffer.from([0, 0, 0, 1]), Buffer.from([offset >>> 24, (offset >> 16) & 0xff, (offset >> 8) & 0xff, offset & 0xff]));
  const moovWith = (offset: number) =>
    box('moov', fullBox('mvhd', Buffer.alloc(96)), box('trak', box('mdia', box('minf', box('stbl', stco(offset))))), udta);
  const mdatPayload = Buffer.from('AUDIO-SAMPLES-'.repeat(8), 'latin1');
  const moovSize = moovWith(0).length;
  const mdatOffset = ftyp.length + moovSize + 8;
  return Buffer.concat([ftyp, moovWith(mdatOffset), box('mdat', mdatPayload)]);
}

/** A WAV with a LIST/INFO chunk naming the artist. */
function wavWithInfo(): Buffer {
  const chunk = (id: string, data: Buffer) => {
    const header = Buffer.alloc(8);
    header.write(id, 0, 'latin1');
    header.writeUInt32LE(data.length, 4);
    return Buffer.concat([header, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
  };
  const fmt = Buffer.alloc(16);
  fmt.writeUInt16LE(1, 0);
  fmt.writeUInt16LE(1, 2);
  fmt.writeUInt32LE(8000, 4);
  fmt.writeUInt32LE(16000, 8);
  fmt.writeUInt16LE(2, 12);
  fmt.writeUInt16LE(16, 14);
  const info = Buffer.concat([Buffer.from('INFO', 'latin1'), chunk('IART', Buffer.from(`${NAME}\0`, 'latin1'))]);
  const body = Buffer.concat([Buffer.from('WAVE', 'latin1'), chunk('fmt ', fmt), chunk('LIST', info), chunk('data', Buffer.alloc(400))]);
  const header = Buffer.alloc(8);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(body.length, 4);
  return Buffer.concat([header, body]);
}

/** Ogg's page checksum (CRC-32, polynomial 0x04c11db7, no reflection), written here independently of the server's. */
function oggChecksum(page: Buffer): number {
  let crc = 0;
  for (const byte of page) {
    crc ^= byte << 24;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x80000000 ? (crc << 1) ^ 0x04c11db7 : crc << 1;
    crc >>>= 0;
  }
  return crc;
}

/** One Ogg page holding `packets` whole (each under 255 bytes except the last, which may span segments). */
function oggPage(serial: number, sequence: number, flags: number, packets: Buffer[]): Buffer {
  const lacing: number[] = [];
  for (const packet of packets) {
    let left = packet.length;
    while (left >= 255) {
      lacing.push(255);
      left -= 255;
    }
    lacing.push(left);
  }
  const header = Buffer.alloc(27);
  header.write('OggS', 0, 'latin1');
  header[5] = flags;
  header.writeUInt32LE(serial, 14);
  header.writeUInt32LE(sequence, 18);
  header[26] = lacing.length;
  const page = Buffer.concat([header, Buffer.from(lacing), ...packets]);
  page.writeUInt32LE(oggChecksum(page), 22);
  return page;
}

/** An Ogg Opus file: OpusHead, OpusTags naming the shopper (with a comment over 255 bytes), one audio packet. */
function opusWithTags(): Buffer {
  const head = Buffer.concat([Buffer.from('OpusHead', 'latin1'), Buffer.from([1, 1, 0x38, 1, 0x80, 0xbb, 0, 0, 0, 0, 0])]);
  const comments = [`ARTIST=${NAME}`, `TITLE=Llamada de ${NAME}`, `DESCRIPTION=${'Visita de '.repeat(30)}${NAME}`];
  const field = (text: string) => {
    const length = Buffer.alloc(4);
    length.writeUInt32LE(Buffer.byteLength(text));
    return Buffer.concat([length, Buffer.from(text, 'utf8')]);
  };
  const count = Buffer.alloc(4);
  count.writeUInt32LE(comments.length);
  const tags = Buffer.concat([Buffer.from('OpusTags', 'latin1'), field('libopus 1.4'), count, ...comments.map(field)]);
  const audio = Buffer.from('OPUS-AUDIO-FRAME', 'latin1');
  return Buffer.concat([oggPage(7, 0, 0x02, [head]), oggPage(7, 1, 0, [tags]), oggPage(7, 2, 0x04, [audio])]);
}

const binary = (res: Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

/** Every way the name could survive: as written, in UTF-16, hex-encoded (PDF strings), or any part of it. */
function leaks(bytes: Buffer): string[] {
  const found: string[] = [];
  for (const needle of [NAME, 'Shopper-Garcia', 'Garcia', 'Calle Mayor']) {
    if (bytes.includes(Buffer.from(needle, 'latin1')) || bytes.includes(Buffer.from(needle, 'utf16le'))) found.push(needle);
  }
  if (bytes.toString('latin1').toLowerCase().includes(Buffer.from('Garcia').toString('hex'))) found.push('hex');
  return found;
}

describe('evidence metadata: what a client user downloads identifies nobody', () => {
  let ctx: TestContext;
  let world: World;

  beforeAll(async () => {
    ctx = await createTestApp();
    world = await buildWorld(ctx);
  });
  afterAll(() => ctx.close());

  /** Uploads through the report, approves it, and downloads as the client user and as a consultant. */
  async function roundTrip(content: Buffer, fileName: string, clientStatus = 200) {
    const { report } = await addTenantVisit(ctx, world.a, { status: 'submitted' });
    const created = await ctx.http
      .post(`/visit-reports/${report.id}/evidence`)
      .set(world.a.shopper.auth)
      .attach('file', content, fileName)
      .expect(201);
    await ctx.db.query(`UPDATE visit_reports SET status = 'approved', approved_at = now(), approved_by = $2 WHERE id = $1`, [
      report.id,
      world.consultant.user.id,
    ]);
    const client = await ctx.http
      .get(`/evidence/${created.body.id}`)
      .set(world.a.clientUser.auth)
      .buffer(true)
      .parse(binary)
      .expect(clientStatus);
    const staff = await ctx.http.get(`/evidence/${created.body.id}`).set(world.consultant.auth).buffer(true).parse(binary).expect(200);
    const clientList = await ctx.http.get(`/visit-reports/${report.id}/evidence`).set(world.a.clientUser.auth).expect(200);
    const staffList = await ctx.http.get(`/visit-reports/${report.id}/evidence`).set(world.consultant.auth).expect(200);
    return { report, created: created.body, client, staff, clientList: clientList.body, staffList: staffList.body };
  }

  it.each([
    ['JPEG with EXIF Artist, GPS and XMP', 'jpeg', 'image/jpeg', 'jpg'],
    ['PNG with EXIF and XMP', 'png', 'image/png', 'png'],
    ['WebP with EXIF and XMP', 'webp', 'image/webp', 'webp'],
  ] as const)(
    '%s: the client copy is re-encoded without metadata, upright, under a neutral name',
    async (_what, format, mimeType, extension) => {
      const original = await photo(format);
      expect(leaks(original)).not.toEqual([]); // the fixture does carry the name
      const { created, client, staff, clientList, staffList } = await roundTrip(original, FILE_NAME.replace('.jpg', `.${extension}`));

      expect(client.headers['content-type']).toBe(mimeType);
      expect(client.headers['content-disposition']).toBe(
        `attachment; filename="evidencia-1.${extension}"; filename*=UTF-8''evidencia-1.${extension}`,
      );
      expect(leaks(client.body)).toEqual([]);
      const metadata = await sharp(client.body).metadata();
      expect(metadata).toMatchObject({ format, width: 20, height: 40 }); // the orientation is in the pixels now
      expect(metadata.exif).toBeUndefined();
      expect(metadata.xmp).toBeUndefined();
      expect(metadata.iptc).toBeUndefined();
      expect(metadata.orientation).toBeUndefined();

      expect(clientList).toEqual([
        expect.objectContaining({ id: created.id, name: `evidencia-1.${extension}`, mimeType, size: client.body.length }),
      ]);
      expect(JSON.stringify(clientList)).not.toMatch(/Ana|Shopper|Garcia|originalName|capture|latitude/);

      // staff: the original, its name, and the capture data as integrity information
      expect(staff.body.equals(original)).toBe(true);
      expect(staffList[0]).toMatchObject({
        originalName: FILE_NAME.replace('.jpg', `.${extension}`),
        capture: { capturedAt: '2021-03-04T09:00:00.000Z', capturedAtHasOffset: true, gps: { latitude: 40.420094, longitude: -3.7 } },
        shareable: true,
      });
    },
  );

  it('PNG: tEXt and iTXt chunks naming the shopper are gone, the pixels are the same', async () => {
    const original = await pngWithText();
    expect(original.includes(Buffer.from(`Author\0${NAME}`, 'latin1'))).toBe(true);
    const { client } = await roundTrip(original, 'foto.png');
    expect(leaks(client.body)).toEqual([]);
    const [before, after] = await Promise.all([sharp(original).autoOrient().raw().toBuffer(), sharp(client.body).raw().toBuffer()]);
    expect(after.equals(before)).toBe(true); // PNG is lossless: exactly the same pixels
  });

  it('GIF: a comment extension naming the shopper is gone, the image still decodes', async () => {
    const original = await gifWithComment();
    expect(leaks(original)).not.toEqual([]);
    const { client } = await roundTrip(original, 'captura.gif');
    expect(client.headers['content-type']).toBe('image/gif');
    expect(leaks(client.body)).toEqual([]);
    expect(await sharp(client.body).metadata()).toMatchObject({ format: 'gif', width: 6, height: 4 });
  });

  it('PDF: /Author, /Creator, /Producer and both XMP streams are blanked, the cross-reference table still points at each object', async () => {
    const original = pdfWithAuthor();
    const { client, staff } = await roundTrip(original, `Ticket ${NAME}.pdf`);
    expect(staff.body.equals(original)).toBe(true);
    expect(client.headers['content-disposition']).toContain('evidencia-1.pdf');
    expect(leaks(client.body)).toEqual([]);
    expect(inflatePdfStreams(client.body).join('\n')).not.toContain('Garcia');
    expect(client.body.length).toBe(original.length);
    const text = client.body.toString('latin1');
    const offsets = [...text.matchAll(/^(\d{10}) 00000 n $/gm)].map((match) => Number(match[1]));
    offsets.forEach((offset, index) => expect(text.slice(offset, offset + `${index + 1} 0 obj`.length)).toBe(`${index + 1} 0 obj`));
    expect(text).toMatch(/\/Author \(\s+\)/);
  });

  it('MP3: ID3v2 and ID3v1 tags are cut, the MPEG frames are kept whole', async () => {
    const original = mp3WithId3();
    const { client } = await roundTrip(original, 'llamada.mp3');
    expect(client.headers['content-type']).toBe('audio/mpeg');
    expect(leaks(client.body)).toEqual([]);
    expect(client.body.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xfb]));
    expect(client.body.length).toBe(3 * 417);
  });

  it('M4A: the iTunes tags and the location become an empty free box, the sample offsets still point into mdat', async () => {
    const original = m4aWithItunesTags();
    const { client } = await roundTrip(original, 'nota de voz.m4a');
    expect(client.headers['content-type']).toBe('audio/mp4');
    expect(leaks(client.body)).toEqual([]);
    expect(client.body.includes(Buffer.from('+40.4200', 'latin1'))).toBe(false);
    expect(client.body.length).toBe(original.length);
    const stco = client.body.indexOf(Buffer.from('stco', 'latin1'));
    const sampleOffset = client.body.readUInt32BE(stco + 12);
    expect(client.body.subarray(sampleOffset, sampleOffset + 14).toString('latin1')).toBe('AUDIO-SAMPLES-');
  });

  it('WAV: the LIST/INFO chunk becomes JUNK', async () => {
    const original = wavWithInfo();
    const { client } = await roundTrip(original, 'grabacion.wav');
    expect(leaks(client.body)).toEqual([]);
    expect(client.body.subarray(0, 4).toString('latin1')).toBe('RIFF');
    expect(client.body.length).toBe(original.length);
  });

  it('Ogg Opus: the comment values become spaces, every page checksum is still right', async () => {
    const original = opusWithTags();
    const { client } = await roundTrip(original, 'llamada.opus');
    expect(client.headers['content-type']).toBe('audio/ogg');
    expect(leaks(client.body)).toEqual([]);
    expect(client.body.length).toBe(original.length);
    expect(client.body.includes(Buffer.from('ARTIST=', 'latin1'))).toBe(true);
    expect(client.body.includes(Buffer.from('OPUS-AUDIO-FRAME', 'latin1'))).toBe(true);
    for (let at = 0; at < client.body.length;) {
      const segments = client.body[at + 26];
      const size = 27 + segments + [...client.body.subarray(at + 27, at + 27 + segments)].reduce((sum, lace) => sum + lace, 0);
      const page = Buffer.from(client.body.subarray(at, at + size));
      const stored = page.readUInt32LE(22);
      page.writeUInt32LE(0, 22);
      expect(oggChecksum(page)).toBe(stored);
      at += size;
    }
  });

  it('withholds from client users a file that cannot be cleaned (an undecodable image), and keeps it for staff', async () => {
    // Magic bytes of a PNG, but no image sharp can read: it cannot be re-encoded, so it is not shared.
    const broken = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      Buffer.from('IHDR', 'latin1'),
      Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xde]),
      Buffer.from(`tEXtAuthor ${NAME}`, 'latin1'),
    ]);
    const { created, clientList, staffList, staff } = await roundTrip(broken, 'roto.png', 404);
    expect(staff.body.equals(broken)).toBe(true);
    expect(clientList).toEqual([]);
    expect(staffList).toEqual([expect.objectContaining({ id: created.id, shareable: false })]);
  });

  it('cleans on the first client download a file stored before cleaned copies existed', async () => {
    const original = await photo('jpeg', 'green');
    const { report } = await addTenantVisit(ctx, world.a, { status: 'submitted' });
    const created = await ctx.http
      .post(`/visit-reports/${report.id}/evidence`)
      .set(world.a.shopper.auth)
      .attach('file', original, FILE_NAME)
      .expect(201);
    // as the migration leaves older rows
    await ctx.db.query(
      `UPDATE evidence_files SET shareable_storage_path = NULL, shareable_size_bytes = NULL, shareable_sha256 = NULL, sanitized_at = NULL, capture = NULL WHERE id = $1`,
      [created.body.id],
    );
    await ctx.db.query(`UPDATE visit_reports SET status = 'approved', approved_at = now(), approved_by = $2 WHERE id = $1`, [
      report.id,
      world.consultant.user.id,
    ]);
    const [listed] = (await ctx.http.get(`/visit-reports/${report.id}/evidence`).set(world.a.clientUser.auth).expect(200)).body;
    const client = await ctx.http.get(`/evidence/${created.body.id}`).set(world.a.clientUser.auth).buffer(true).parse(binary).expect(200);
    expect(listed).toMatchObject({ size: client.body.length, sha256: createHash('sha256').update(client.body).digest('hex') });
    expect(leaks(client.body)).toEqual([]);
    expect((await sharp(client.body).metadata()).exif).toBeUndefined();
    const [row] = await ctx.db.query(`SELECT sanitized_at IS NOT NULL AS done, capture FROM evidence_files WHERE id = $1`, [
      created.body.id,
    ]);
    expect(row).toEqual({ done: true, capture: expect.objectContaining({ capturedAt: '2021-03-04T09:00:00.000Z' }) });
  });
});

describe('metadata strippers on hostile input', () => {
  it('never throw, and refuse (null) what they cannot clean with confidence', () => {
    const junk = [
      Buffer.alloc(0),
      Buffer.from('ID3\u0004\0\0\u007f\u007f\u007f\u007f', 'latin1'),
      Buffer.from('%PDF-1.4\nstream\n'),
      Buffer.from([0, 0, 0, 1, 0x66, 0x74, 0x79, 0x70]),
    ];
    for (const bytes of junk) {
      expect(() => stripMp3Tags(bytes)).not.toThrow();
      expect(() => blankPdfMetadata(bytes)).not.toThrow();
      expect(() => blankIsoUserData(bytes)).not.toThrow();
      expect(() => blankWavTags(bytes)).not.toThrow();
    }
    expect(stripMp3Tags(Buffer.from('ID3\u0003\0\0\0\0\0\u0001xJUNK', 'latin1'))).toBeNull();
    expect(blankIsoUserData(Buffer.from([0, 0, 0, 99, 0x66, 0x74, 0x79, 0x70]))).toBeNull();
  });
});
