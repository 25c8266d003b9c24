import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { ThrottlerException } from '@nestjs/throttler';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../common/errors/domain-error';
import { flattenValidationErrors } from '../common/http/validation';
import { LoginDto } from './dto/login.dto';
import { LoginLimits } from './login-limits';

/**
 * passport-local, after the body has the shape LoginDto demands (400 naming the field otherwise), for
 * an account and address that have not used up their failed logins (429 then). `request.ip` is the
 * socket's address unless TRUST_PROXY names the proxies whose X-Forwarded-For may be believed.
 */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  constructor(private readonly limits: LoginLimits) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const body: unknown = request.body ?? {};
    const errors = validateSync(plainToInstance(LoginDto, body), { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) {
      throw new DomainError('bad_request', 'Invalid login request', flattenValidationErrors(errors));
    }
    const attempt = { address: request.ip ?? request.socket.remoteAddress ?? 'unknown', email: (body as LoginDto).email };
    const decision = await this.limits.tryLogin(attempt.address, attempt.email);
    if (!decision.allowed) {
      // When to try again, for people and for clients that back off (RFC 9110 §10.2.3).
      context.switchToHttp().getResponse<FastifyReply>().header('Retry-After', String(decision.retryAfterSeconds));
      throw new ThrottlerException();
    }
    // Throws on a wrong password, which then stays counted; a success takes its count back.
    const admitted = (await super.canActivate(context)) as boolean;
    await this.limits.loginSucceeded(attempt.address, attempt.email);
    return admitted;
  }

  override handleRequest<T>(error: unknown, user: T): T {
    if (error) throw error as Error; // passport's own error, passed on
    if (!user) throw new DomainError('unauthorized', 'Wrong email or password');
    return user;
  }
}
