import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { AuthUser } from '../common/auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { EvidenceService, UploadTarget } from './evidence.service';

/**
 * Runs before the file interceptor, so nobody but the assignment's shopper (and only while it takes
 * evidence) can make the server read an upload body at all.
 */
abstract class UploadGuard implements CanActivate {
  constructor(private readonly evidence: EvidenceService) {}

  protected abstract targetOf(id: string): UploadTarget;
  protected abstract readonly what: string;

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest<{ Params: { id?: string } }> & { user?: AuthUser }>();
    const id = request.params.id;
    if (typeof id !== 'string' || !isUUID(id)) {
      throw new DomainError('bad_request', `The ${this.what} id must be a UUID`, [{ field: 'id', reason: 'must be a UUID' }]);
    }
    if (!request.user) throw new DomainError('unauthorized', 'A valid bearer token is required');
    await this.evidence.assertCanUpload(request.user, this.targetOf(id));
    return true;
  }
}

/** POST /visit-reports/:id/evidence */
@Injectable()
export class EvidenceUploadGuard extends UploadGuard {
  protected readonly what = 'visit report';
  constructor(evidence: EvidenceService) {
    super(evidence);
  }
  protected targetOf(id: string): UploadTarget {
    return { reportId: id };
  }
}

/** POST /assignments/:id/evidence */
@Injectable()
export class AssignmentEvidenceUploadGuard extends UploadGuard {
  protected readonly what = 'assignment';
  constructor(evidence: EvidenceService) {
    super(evidence);
  }
  protected targetOf(id: string): UploadTarget {
    return { assignmentId: id };
  }
}
