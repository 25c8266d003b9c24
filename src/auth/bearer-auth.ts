import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { isUUID } from 'class-validator';
import { createSecretKey, type KeyObject } from 'crypto';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AuthUser } from '../common/auth/auth-user';
import { IS_PUBLIC } from '../common/auth/decorators';
import { DomainError } from '../common/errors/domain-error';
import { UsersService } from '../users/users.service';
import { verifyAccessToken } from './domain/access-token';
import { bearerToken, signedOutByPasswordChange } from './domain/bearer-token';

const refused = () => new DomainError('unauthorized', 'A valid bearer token is required');

/** Who a request's bearer token belongs to; every request but the public ones asks. */
@Injectable()
export class BearerAuthenticator {
  private readonly key: KeyObject;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly users: UsersService,
  ) {
    this.key = createSecretKey(Buffer.from(config.jwtSecret));
  }

  /**
   * The user of an `Authorization` header, reloaded so a deactivated account or a changed role takes
   * effect at once, or a 401. Only a refused token is a 401: a failure to check it (the database is
   * down) stays a 5xx, so clients retry instead of dropping a valid session.
   */
  async authenticate(authorization: string | undefined): Promise<AuthUser> {
    const token = bearerToken(authorization);
    if (!token) throw refused();
    // Malformed, badly signed, expired, not yet valid, or without an expiry (it would never expire).
    const claims = verifyAccessToken(token, this.key, Date.now() / 1000);
    if (!claims) throw refused();
    // A subject that cannot be a user id is a refused token, not a query error (which is a 5xx).
    const user = typeof claims.sub === 'string' && isUUID(claims.sub) ? await this.users.findActiveAuthUser(claims.sub) : null;
    if (!user) throw refused();
    if (signedOutByPasswordChange(claims, user)) {
      throw new DomainError('unauthorized', 'This session was signed out (the password changed); sign in again');
    }
    const sessionId = typeof claims.sid === 'string' ? claims.sid : undefined;
    return { id: user.id, email: user.email, role: user.role, clientId: user.clientId, name: user.name, sessionId };
  }
}

/** Global: every route needs a valid bearer token unless marked @Public(). */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: BearerAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<{ headers: { authorization?: string }; user?: AuthUser }>();
    request.user = await this.authenticator.authenticate(request.headers.authorization);
    return true;
  }
}
