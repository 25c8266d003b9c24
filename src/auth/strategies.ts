import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { isUUID } from 'class-validator';
import { createSecretKey } from 'crypto';
import { ExtractJwt, Strategy as JwtStrategyBase } from 'passport-jwt';
import { Strategy as LocalStrategyBase } from 'passport-local';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AuthUser } from '../common/auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { UsersService } from '../users/users.service';
import { AuthService, JWT_ALGORITHM } from './auth.service';

@Injectable()
export class LocalStrategy extends PassportStrategy(LocalStrategyBase) {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password' });
  }

  async validate(email: string, password: string): Promise<AuthUser> {
    const user = await this.auth.validateCredentials(email, password);
    if (!user) throw new DomainError('unauthorized', 'Wrong email or password');
    return user;
  }
}

interface JwtPayload {
  sub: string;
  exp?: number;
  /** Seconds, set by jsonwebtoken. */
  iat?: number;
  /** Milliseconds: when the token was issued, to compare with a password change in the same second. */
  iatMs?: number;
  /** The session the token belongs to. */
  sid?: string;
}

@Injectable()
export class JwtStrategy extends PassportStrategy(JwtStrategyBase) {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly users: UsersService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A ready key object: given the string, jsonwebtoken first tries (and fails) to parse it as a PEM
      // public key on every request (about 0.5 ms of CPU, 60× the verification itself), then falls back
      // to this same key. passport-jwt passes the value through untouched; its typings predate KeyObject.
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret)) as unknown as Buffer,
      algorithms: [JWT_ALGORITHM], // never `none`, never an algorithm the token picks
      ignoreExpiration: false,
    });
  }

  /**
   * Reloads the user so a deactivated account or a changed role takes effect at once, and refuses a
   * token issued before the user's password last changed (but the session that changed it).
   */
  async validate(payload: JwtPayload): Promise<AuthUser> {
    // passport-jwt checks `exp` only when present: a token without one would never expire.
    if (typeof payload.exp !== 'number') throw new DomainError('unauthorized', 'A valid bearer token is required');
    // A subject that cannot be a user id is a rejected token, not a query error (which is a 5xx).
    const user = typeof payload.sub === 'string' && isUUID(payload.sub) ? await this.users.findActiveAuthUser(payload.sub) : null;
    if (!user) throw new DomainError('unauthorized', 'A valid bearer token is required');
    const sessionId = typeof payload.sid === 'string' ? payload.sid : undefined;
    if (user.tokensValidAfter && !(sessionId && sessionId === user.keptSessionId)) {
      const issuedAt = typeof payload.iatMs === 'number' ? payload.iatMs : (payload.iat ?? 0) * 1000;
      if (issuedAt < new Date(user.tokensValidAfter).getTime())
        throw new DomainError('unauthorized', 'This session was signed out (the password changed); sign in again');
    }
    return { id: user.id, email: user.email, role: user.role, clientId: user.clientId, name: user.name, sessionId };
  }
}
