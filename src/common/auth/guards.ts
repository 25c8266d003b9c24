import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../errors/domain-error';
import type { Role } from '../../users/user.entity';
import type { AuthUser } from './auth-user';
import { ROLES } from './decorators';

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
