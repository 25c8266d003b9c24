// Integrity signals from a photo's own capture data, for reviewers: taken long before (or after) the
// visit, or carrying no capture time at all (stripped by an app or an edit). Warnings, never refusals.
import type { IntegritySignal } from '../../visit-reports/visit-report.entity';
import type { PhotoCapture } from './exif';

/** How far from the visit a photo may have been taken before a reviewer is warned. */
export const CAPTURE_TOLERANCE_MS = 24 * 3600_000;
/** A camera that wrote no zone offset may be up to 14 h off UTC, which is how its time is read. */
const UNKNOWN_ZONE_SLACK_MS = 14 * 3600_000;

export interface PhotoEvidence {
  name: string;
  mimeType: string;
  /** Null when the file's metadata could not be read at all (no signal then). */
  capture: PhotoCapture | null;
}

export function photoSignals(files: readonly PhotoEvidence[], visitedAt: Date): IntegritySignal[] {
  const signals: IntegritySignal[] = [];
  for (const file of files) {
    if (!file.mimeType.startsWith('image/') || !file.capture) continue;
    const { capturedAt, capturedAtHasOffset } = file.capture;
    if (!capturedAt) {
      signals.push({
        kind: 'evidence_without_metadata',
        reason: `Photo ${file.name} carries no capture time (no EXIF date): it may have been edited, forwarded or downloaded`,
      });
      continue;
    }
    const difference = Date.parse(capturedAt) - visitedAt.getTime();
    const tolerance = CAPTURE_TOLERANCE_MS + (capturedAtHasOffset ? 0 : UNKNOWN_ZONE_SLACK_MS);
    if (Math.abs(difference) > tolerance) {
      const days = Math.abs(difference) / (24 * 3600_000);
      const amount = days >= 2 ? `${Math.round(days)} days` : `${Math.round(days * 24)} hours`;
      signals.push({
        kind: 'evidence_capture_time',
        reason: `Photo ${file.name} was taken at ${capturedAt}${capturedAtHasOffset ? '' : ' (camera time, zone unknown)'}, ${amount} ${difference < 0 ? 'before' : 'after'} the visit`,
      });
    }
  }
  return signals;
}

/** The neutral name a client user sees instead of the shopper's file name: `evidencia-3.jpg`. */
export function neutralName(ordinal: number, extension: string): string {
  return `evidencia-${ordinal}.${extension}`;
}
