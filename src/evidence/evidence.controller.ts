import { Controller, Get, Header, HttpCode, Post, StreamableFile, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/decorators';
import { ApiFileResponse, Endpoint } from '../common/http/api-docs';
import { UuidParam } from '../common/http/uuid-param';
import { EvidenceUploadBody, EvidenceView } from './dto/evidence.dto';
import { EvidenceUploadGuard } from './evidence-upload.guard';
import { EvidenceService, UploadedEvidence } from './evidence.service';

/** RFC 6266: an ASCII fallback plus the exact UTF-8 name; always an attachment, never rendered inline. */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

@ApiTags('evidence')
@ApiBearerAuth()
@Controller()
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Post('visit-reports/:id/evidence')
  @HttpCode(201)
  @UseGuards(EvidenceUploadGuard)
  @UseInterceptors(FileInterceptor('file'))
  @Endpoint({
    operationId: 'uploadVisitEvidence',
    summary: "Attach a photo, document or recording to a visit report (the report's shopper)",
    description: 'The type is detected from the content, not from the name.',
    errors: [400, 403, 404, 409, 413, 415],
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: EvidenceUploadBody })
  @ApiCreatedResponse({ type: EvidenceView })
  upload(
    @CurrentUser() actor: AuthUser,
    @UuidParam('id') id: string,
    @UploadedFile() file: UploadedEvidence | undefined,
  ): Promise<EvidenceView> {
    return this.evidence.upload(actor, id, file);
  }

  @Get('visit-reports/:id/evidence')
  @Endpoint({
    operationId: 'listVisitEvidence',
    summary: 'The evidence files of a visit report (client users: of their own approved visits)',
    errors: [400, 404],
  })
  @ApiOkResponse({ type: [EvidenceView] })
  list(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string): Promise<EvidenceView[]> {
    return this.evidence.list(actor, id);
  }

  @Get('evidence/:id')
  @Header('Cache-Control', 'private, no-store') // personal data: never kept by a shared cache
  @Endpoint({ operationId: 'downloadEvidence', summary: 'One evidence file, as an attachment', errors: [400, 404] })
  @ApiFileResponse('application/octet-stream', 'The file; Content-Type is its detected type (image/jpeg, application/pdf, audio/mpeg…)')
  async download(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string): Promise<StreamableFile> {
    const { file, stream, size } = await this.evidence.open(actor, id);
    return new StreamableFile(stream, {
      type: file.mimeType,
      length: size,
      disposition: contentDisposition(file.originalName),
    });
  }
}
