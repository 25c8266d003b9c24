// Reads the two facts of a photo's EXIF block that reviewers use as integrity data: when it was taken
// and where. A minimal TIFF reader (IFD0 → Exif IFD and GPS IFD); anything malformed reads as "absent".

export interface PhotoCapture {
  /** DateTimeOriginal (or DateTime), as an ISO 8601 string; with the offset when the camera wrote one. */
  capturedAt: string | null;
  /** True when the camera wrote the time zone offset (OffsetTimeOriginal), so capturedAt is exact. */
  capturedAtHasOffset: boolean;
  gps: { latitude: number; longitude: number } | null;
}

const TAG = {
  exifIfd: 0x8769,
  gpsIfd: 0x8825,
  dateTime: 0x0132,
  dateTimeOriginal: 0x9003,
  offsetTimeOriginal: 0x9011,
  gpsLatitudeRef: 0x0001,
  gpsLatitude: 0x0002,
  gpsLongitudeRef: 0x0003,
  gpsLongitude: 0x0004,
} as const;

const TYPE_SIZES: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 9: 4, 10: 8 };

type Entries = Map<number, { type: number; count: number; valueOffset: number }>;

/** The capture facts of an EXIF block (with or without the `Exif\0\0` prefix sharp and JPEG APP1 put first). */
export function readPhotoCapture(exif: Uint8Array | undefined | null): PhotoCapture {
  const none: PhotoCapture = { capturedAt: null, capturedAtHasOffset: false, gps: null };
  if (!exif || exif.length < 14) return none;
  const bytes = Buffer.from(exif.buffer, exif.byteOffset, exif.byteLength);
  const start = bytes.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? 6 : 0;
  const tiff = bytes.subarray(start);
  try {
    const order = tiff.subarray(0, 2).toString('latin1');
    if (order !== 'II' && order !== 'MM') return none;
    const little = order === 'II';
    const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
    const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
    if (u16(2) !== 42) return none;

    const readIfd = (offset: number): Entries => {
      const entries: Entries = new Map();
      if (offset <= 0 || offset + 2 > tiff.length) return entries;
      const count = Math.min(u16(offset), 1000);
      for (let index = 0; index < count; index++) {
        const at = offset + 2 + index * 12;
        if (at + 12 > tiff.length) break;
        const type = u16(at + 2);
        const valueCount = u32(at + 4);
        const size = (TYPE_SIZES[type] ?? 1) * valueCount;
        entries.set(u16(at), { type, count: valueCount, valueOffset: size <= 4 ? at + 8 : u32(at + 8) });
      }
      return entries;
    };
    const ascii = (entries: Entries, tag: number): string | null => {
      const entry = entries.get(tag);
      if (!entry || entry.type !== 2 || entry.valueOffset + entry.count > tiff.length) return null;
      return (
        tiff
          .subarray(entry.valueOffset, entry.valueOffset + entry.count)
          .toString('latin1')
          .replace(/\0.*$/s, '')
          .trim() || null
      );
    };
    const rationals = (entries: Entries, tag: number): number[] | null => {
      const entry = entries.get(tag);
      if (!entry || entry.type !== 5 || entry.count < 3 || entry.valueOffset + 24 > tiff.length) return null;
      return [0, 1, 2].map((i) => {
        const denominator = u32(entry.valueOffset + i * 8 + 4);
        return denominator ? u32(entry.valueOffset + i * 8) / denominator : Number.NaN;
      });
    };
    const pointer = (entries: Entries, tag: number): number => {
      const entry = entries.get(tag);
      return entry && (entry.type === 4 || entry.type === 13) ? u32(entry.valueOffset) : 0;
    };

    const ifd0 = readIfd(u32(4));
    const exifIfd = readIfd(pointer(ifd0, TAG.exifIfd));
    const gpsIfd = readIfd(pointer(ifd0, TAG.gpsIfd));

    const offset = ascii(exifIfd, TAG.offsetTimeOriginal);
    const validOffset = offset && /^[+-]\d{2}:\d{2}$/.test(offset) ? offset : null;
    const capturedAt = exifDateTime(ascii(exifIfd, TAG.dateTimeOriginal) ?? ascii(ifd0, TAG.dateTime), validOffset);

    let gps: PhotoCapture['gps'] = null;
    const latitude = rationals(gpsIfd, TAG.gpsLatitude);
    const longitude = rationals(gpsIfd, TAG.gpsLongitude);
    if (latitude && longitude) {
      const degrees = ([d, m, s]: number[]) => d + m / 60 + s / 3600;
      const lat = degrees(latitude) * (ascii(gpsIfd, TAG.gpsLatitudeRef) === 'S' ? -1 : 1);
      const lon = degrees(longitude) * (ascii(gpsIfd, TAG.gpsLongitudeRef) === 'W' ? -1 : 1);
      if (Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
        gps = { latitude: Math.round(lat * 1e6) / 1e6, longitude: Math.round(lon * 1e6) / 1e6 };
      }
    }
    return { capturedAt, capturedAtHasOffset: capturedAt !== null && validOffset !== null, gps };
  } catch {
    return none; // a truncated or hostile block: no integrity data, never an error
  }
}

/** EXIF's "YYYY:MM:DD HH:MM:SS" as ISO 8601 (UTC when the offset is unknown), or null. */
function exifDateTime(text: string | null, offset: string | null): string | null {
  const match = text ? /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})/.exec(text) : null;
  if (!match) return null;
  const [, year, month, day, hour, minute, second] = match;
  const iso = `${year}-${month}-${day}T${hour}:${minute}:${second}${offset ?? 'Z'}`;
  const time = Date.parse(iso);
  if (!Number.isFinite(time) || Number(year) < 1990) return null;
  return new Date(time).toISOString();
}
