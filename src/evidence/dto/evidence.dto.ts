import { ApiProperty } from '@nestjs/swagger';

export class EvidenceView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) visitReportId: string;
  @ApiProperty({ example: 'image/png', description: 'Detected from the content, not from the name' }) mimeType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ description: 'SHA-256 of the content, hex' }) sha256: string;
  @ApiProperty() originalName: string;
  @ApiProperty() createdAt: Date;
}

/** Only for the OpenAPI page: the multipart body of an upload. */
export class EvidenceUploadBody {
  @ApiProperty({ type: 'string', format: 'binary', description: 'JPEG, PNG, WebP, GIF, HEIC/HEIF, PDF, MP3, M4A/MP4, Ogg or WAV' })
  file: unknown;
}
