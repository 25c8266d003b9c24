// The copy of an evidence file that client users may download: nothing in it identifies the shopper.
// Images are decoded and re-encoded by sharp (which writes no EXIF, XMP, IPTC, GPS, comments or
// text chunks), turned upright first so the orientation survives the loss of the EXIF tag; PDF, MP3,
// M4A/MP4, WAV and Ogg (Vorbis, Opus) have their tags blanked or cut (domain/strip-metadata.ts). What
// cannot be cleaned with confidence (HEIC/HEIF, which this sharp build cannot decode; other codecs in
// Ogg; a PDF whose information dictionary sits in a compressed object stream) gets no shareable copy
// and is withheld from client users.
import sharp from 'sharp';
import type { EvidenceType } from './domain/file-types';
import { readPhotoCapture, type PhotoCapture } from './domain/exif';
import { blankIsoUserData, blankOggComments, blankPdfMetadata, blankWavTags, stripMp3Tags } from './domain/strip-metadata';

export interface SanitizedEvidence {
  /** The copy for client users, or null when none can be made safely. */
  shareable: Buffer | null;
  /** A photo's capture time and place (integrity data for reviewers); null for other kinds or unreadable photos. */
  capture: PhotoCapture | null;
}

/** Decoding is refused past this many pixels (a 15 MB PNG can claim 16 000 × 16 000): phones take up to about 50 MP. */
const MAX_INPUT_PIXELS = 120_000_000;

const SHARP_FORMATS: Record<string, 'jpeg' | 'png' | 'webp' | 'gif'> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
};

export async function sanitizeEvidence(content: Buffer, type: EvidenceType): Promise<SanitizedEvidence> {
  const format = SHARP_FORMATS[type.mimeType];
  if (format) return sanitizeImage(content, format);
  switch (type.mimeType) {
    case 'application/pdf':
      return { shareable: blankPdfMetadata(content), capture: null };
    case 'audio/mpeg':
      return { shareable: stripMp3Tags(content), capture: null };
    case 'audio/mp4':
    case 'video/mp4':
      return { shareable: blankIsoUserData(content), capture: null };
    case 'audio/wav':
      return { shareable: blankWavTags(content), capture: null };
    case 'audio/ogg':
      return { shareable: blankOggComments(content), capture: null };
    default:
      return { shareable: null, capture: null };
  }
}

async function sanitizeImage(content: Buffer, format: 'jpeg' | 'png' | 'webp' | 'gif'): Promise<SanitizedEvidence> {
  try {
    const metadata = await sharp(content, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    const capture = readPhotoCapture(metadata.exif);
    const animated = (metadata.pages ?? 1) > 1;
    let image = sharp(content, { animated, limitInputPixels: MAX_INPUT_PIXELS });
    // Applies the EXIF orientation to the pixels; the tag itself goes with the rest of the metadata.
    if (!animated) image = image.autoOrient();
    switch (format) {
      case 'jpeg':
        image = image.jpeg({ quality: 92 }); // about what phone cameras write: the copy is not much larger than the original
        break;
      case 'png':
        image = image.png();
        break;
      case 'webp':
        image = image.webp({ quality: 95 });
        break;
      case 'gif':
        image = image.gif();
        break;
    }
    return { shareable: await image.toBuffer(), capture };
  } catch {
    // Valid magic bytes but a body sharp cannot decode: keep it for staff, share nothing.
    return { shareable: null, capture: null };
  }
}
