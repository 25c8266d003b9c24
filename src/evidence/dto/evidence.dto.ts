import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class GpsPositionView {
  @ApiProperty({ example: 40.4168 }) latitude: number;
  @ApiProperty({ example: -3.7038 }) longitude: number;
}

export class EvidenceCaptureView {
  @ApiProperty({ nullable: true, type: String, description: "The photo's EXIF capture time (UTC when the camera wrote no zone)" })
  capturedAt: string | null;
  @ApiProperty({ description: 'Whether the camera wrote its time zone, so capturedAt is exact' }) capturedAtHasOffset: boolean;
  @ApiProperty({ type: GpsPositionView, nullable: true, description: 'EXIF GPS position, decimal degrees' })
  gps: GpsPositionView | null;
}

export class EvidenceView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) assignmentId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Null while the report has not been submitted' })
  visitReportId: string | null;
  @ApiProperty({ enum: ['image', 'document', 'audio', 'video'] }) kind: string;
  @ApiProperty({ example: 'image/png', description: 'Detected from the content, not from the name' }) mimeType: string;
  @ApiProperty({ description: 'Bytes of the file this caller downloads' }) size: number;
  @ApiProperty({ description: 'Same as size (kept for older clients)' }) sizeBytes: number;
  @ApiProperty({ description: 'SHA-256 of the file this caller downloads, hex' }) sha256: string;
  @ApiProperty({ example: 'evidencia-3.jpg', description: 'Neutral download name: the n-th file of the assignment' }) name: string;
  @ApiPropertyOptional({ description: "The uploader's file name: staff and the shopper only, never client users" }) originalName?: string;
  @ApiPropertyOptional({
    type: EvidenceCaptureView,
    nullable: true,
    description: "A photo's capture time and place: staff only (integrity data)",
  })
  capture?: EvidenceCaptureView | null;
  @ApiPropertyOptional({ description: 'Staff only: whether client users can download a copy without metadata (false: withheld from them)' })
  shareable?: boolean;
  @ApiProperty() createdAt: Date;
}

/** Only for the OpenAPI page: the multipart body of an upload. */
export class EvidenceUploadBody {
  @ApiProperty({ type: 'string', format: 'binary', description: 'JPEG, PNG, WebP, GIF, HEIC/HEIF, PDF, MP3, M4A/MP4, Ogg or WAV' })
  file: unknown;
}
