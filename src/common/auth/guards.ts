import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { DomainError } from '../errors/domain-error';
import type { Role } from '../../users/user.entity';
import type { AuthUser } from './auth-user';
import { IS_PUBLIC, ROLES } from './decorators';

/** Global: every route needs a valid bearer token unless marked @Public(). */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    return isPublic ? true : super.canActivate(context);
  }

  override handleRequest<T>(error: unknown, user: T): T {
    // Only a rejected token is a 401; a failure to check it (e.g. the database is down) stays a 5xx,
    // so clients retry instead of dropping a valid session.
    if (error && !(error instanceof DomainError)) throw error as Error;
    if (error || !user) throw new DomainError('unauthorized', 'A valid bearer token is required');
    return user;
  }
}

/** Global: enforces @Roles(); admins pass every role check. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, [context.getHandler(), context.getClass()]);
    if (!roles?.length) return true;
    const { user } = context.switchToHttp().getRequest<{ user?: AuthUser }>();
    if (!user) return true; // public route
    if (user.role === 'admin' || roles.includes(user.role)) return true;
    throw new DomainError('forbidden', `This action needs one of the roles: ${roles.join(', ')}`);
  }
}
