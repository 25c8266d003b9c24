import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import type { Request } from 'express';
import { AuthUser } from '../common/auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { EvidenceService } from './evidence.service';

/**
 * Runs before the file interceptor, so nobody but the report's shopper (and only while the report
 * takes evidence) can make the server read an upload body at all.
 */
@Injectable()
export class EvidenceUploadGuard implements CanActivate {
  constructor(private readonly evidence: EvidenceService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const id = request.params.id;
    if (typeof id !== 'string' || !isUUID(id)) {
      throw new DomainError('bad_request', 'The visit report id must be a UUID', [{ field: 'id', reason: 'must be a UUID' }]);
    }
    if (!request.user) throw new DomainError('unauthorized', 'A valid bearer token is required');
    await this.evidence.assertCanUpload(request.user, id);
    return true;
  }
}
