import { Controller, Get, Header, Headers, HttpCode, Post, StreamableFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { ApiFileResponse, Endpoint } from '../common/http/api-docs';
import { UuidParam } from '../common/http/uuid-param';
import { EVIDENCE_MIME_TYPES } from './domain/file-types';
import { EvidenceUploadBody, EvidenceView } from './dto/evidence.dto';
import { EvidenceFile, EvidenceFileInterceptor } from './evidence-file.interceptor';
import { AssignmentEvidenceUploadGuard, EvidenceUploadGuard } from './evidence-upload.guard';
import { EvidenceService, UploadedEvidence } from './evidence.service';

/** RFC 6266: an ASCII fallback plus the exact UTF-8 name; always an attachment, never rendered inline. */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

const STRIPPED =
  'Client users download a copy without metadata (images re-encoded without EXIF/XMP/IPTC/GPS, PDF author/creator/XMP ' +
  'and audio tags removed) under a neutral name such as `evidencia-3.jpg`; staff and the shopper get the original.';

@ApiTags('evidence')
@ApiBearerAuth()
@Controller()
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Post('assignments/:id/evidence')
  @HttpCode(201)
  @Roles('shopper')
  @UseGuards(AssignmentEvidenceUploadGuard)
  @UseInterceptors(EvidenceFileInterceptor)
  @Endpoint({
    operationId: 'uploadAssignmentEvidence',
    summary: 'Attach a photo, document or recording to an assignment, before or after submitting its report (the assigned shopper)',
    description:
      'The type is detected from the content. Answer an `evidence` question with the returned `id` (or a list of ids): ' +
      'anything else is a 422 naming the question. Safe to retry with the same Idempotency-Key: the same key, file and ' +
      `assignment give the stored file again; the same key with another file is 409. ${STRIPPED}`,
    errors: [400, 403, 404, 409, 413, 415],
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A unique value per upload, reused only to retry it' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: EvidenceUploadBody })
  @ApiCreatedResponse({ type: EvidenceView })
  uploadToAssignment(
    @CurrentUser() actor: AuthUser,
    @UuidParam('id') id: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @EvidenceFile() file: UploadedEvidence | undefined,
  ): Promise<EvidenceView> {
    return this.evidence.upload(actor, { assignmentId: id }, file, idempotencyKey);
  }

  @Get('assignments/:id/evidence')
  @Roles('shopper', 'consultant')
  @Endpoint({
    operationId: 'listAssignmentEvidence',
    summary: 'The evidence files of an assignment (the assigned shopper, consultants)',
    errors: [400, 403, 404],
  })
  @ApiOkResponse({ type: [EvidenceView] })
  listForAssignment(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string): Promise<EvidenceView[]> {
    return this.evidence.listForAssignment(actor, id);
  }

  @Post('visit-reports/:id/evidence')
  @HttpCode(201)
  @UseGuards(EvidenceUploadGuard)
  @UseInterceptors(EvidenceFileInterceptor)
  @Endpoint({
    operationId: 'uploadVisitEvidence',
    summary: "Attach a file to a submitted or returned visit report (the report's shopper); it joins the report's assignment",
    description: `The type is detected from the content; takes an Idempotency-Key like POST /assignments/:id/evidence. ${STRIPPED}`,
    errors: [400, 403, 404, 409, 413, 415],
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A unique value per upload, reused only to retry it' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: EvidenceUploadBody })
  @ApiCreatedResponse({ type: EvidenceView })
  upload(
    @CurrentUser() actor: AuthUser,
    @UuidParam('id') id: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @EvidenceFile() file: UploadedEvidence | undefined,
  ): Promise<EvidenceView> {
    return this.evidence.upload(actor, { reportId: id }, file, idempotencyKey);
  }

  @Get('visit-reports/:id/evidence')
  @Endpoint({
    operationId: 'listVisitEvidence',
    summary: 'The evidence files of a visit report (client users: of their own approved visits, with neutral names)',
    errors: [400, 404],
  })
  @ApiOkResponse({ type: [EvidenceView] })
  list(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string): Promise<EvidenceView[]> {
    return this.evidence.listForReport(actor, id);
  }

  @Get('evidence/:id')
  @Header('Cache-Control', 'private, no-store') // personal data: never kept by a shared cache
  @Endpoint({ operationId: 'downloadEvidence', summary: 'One evidence file, as an attachment', description: STRIPPED, errors: [400, 404] })
  @ApiFileResponse(EVIDENCE_MIME_TYPES, 'The file, as the type detected from its content when it was uploaded')
  async download(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string): Promise<StreamableFile> {
    const { file, stream, size, downloadName } = await this.evidence.open(actor, id);
    return new StreamableFile(stream, {
      type: file.mimeType,
      length: size,
      disposition: contentDisposition(downloadName),
    });
  }
}
