import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { isUUID } from 'class-validator';
import { createSecretKey, type KeyObject } from 'crypto';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AuthUser } from '../common/auth/auth-user';
import { IS_PUBLIC } from '../common/auth/decorators';
import { DomainError } from '../common/errors/domain-error';
import { UsersService } from '../users/users.service';
import { JWT_ALGORITHM } from './auth.service';
import { bearerToken, signedOutByPasswordChange, type AccessTokenClaims } from './domain/bearer-token';

const refused = () => new DomainError('unauthorized', 'A valid bearer token is required');

/** Who a request's bearer token belongs to; every request but the public ones asks. */
@Injectable()
export class BearerAuthenticator {
  /**
   * A ready key object: given the secret as a string, jsonwebtoken first tries (and fails) to parse it as
   * a PEM public key on every request (about 0.5 ms of CPU, 60× the verification itself).
   */
  private readonly key: KeyObject;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly jwt: JwtService,
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
    let claims: AccessTokenClaims;
    try {
      // Never `none`, never an algorithm the token picks. jsonwebtoken takes a KeyObject; the typings say string.
      claims = this.jwt.verify<AccessTokenClaims & object>(token, { secret: this.key as unknown as string, algorithms: [JWT_ALGORITHM] });
    } catch {
      throw refused(); // malformed, badly signed, expired or not yet valid
    }
    // jsonwebtoken checks `exp` only when present: a token without one would never expire.
    if (typeof claims.exp !== 'number') throw refused();
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
