import { CallHandler, createParamDecorator, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { DomainError } from '../common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import type { UploadedEvidence } from './evidence.service';

type UploadRequest = FastifyRequest & { evidenceFile?: UploadedEvidence };

/**
 * Reads the one file of a multipart upload into memory (`file` field), after the guards: nobody but the
 * assignment's shopper makes the server read an upload body. A request that is not multipart has no file
 * (the service answers 400 naming the field). A file past UPLOAD_MAX_BYTES is a 413 as soon as it passes
 * the limit; another field, a second part or a file under another name is a 400.
 */
@Injectable()
export class EvidenceFileInterceptor implements NestInterceptor {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<UploadRequest>();
    request.evidenceFile = await this.read(request);
    return next.handle();
  }

  private async read(request: UploadRequest): Promise<UploadedEvidence | undefined> {
    if (!request.isMultipart()) return undefined;
    let file: UploadedEvidence | undefined;
    try {
      const parts = request.parts({
        limits: { fileSize: this.config.uploadMaxBytes, files: 1, fields: 0, parts: 1, fieldNameSize: 100, headerPairs: 20 },
      });
      for await (const part of parts) {
        if (part.type !== 'file' || part.fieldname !== 'file') {
          throw new DomainError('bad_request', `Unexpected multipart field "${part.fieldname}"`, [
            { field: part.fieldname, reason: 'only one file, in the field "file", is taken' },
          ]);
        }
        const buffer = await part.toBuffer();
        file = { buffer, originalname: part.filename, size: buffer.length };
      }
    } catch (error) {
      const { code, message } = error as { code?: string; message?: string };
      if (code === 'FST_REQ_FILE_TOO_LARGE') {
        throw new DomainError('payload_too_large', `The file is larger than ${this.config.uploadMaxBytes} bytes`);
      }
      if (typeof code === 'string' && code.startsWith('FST_')) {
        throw new DomainError('bad_request', `The upload could not be read: ${message ?? code}`, [
          { field: 'file', reason: 'not one file' },
        ]);
      }
      throw error;
    }
    return file;
  }
}

/** The file EvidenceFileInterceptor read, or undefined. */
export const EvidenceFile = createParamDecorator(
  (_data: unknown, context: ExecutionContext): UploadedEvidence | undefined =>
    context.switchToHttp().getRequest<UploadRequest>().evidenceFile,
);
