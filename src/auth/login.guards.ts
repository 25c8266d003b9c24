import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { ThrottlerException, ThrottlerGuard } from '@nestjs/throttler';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DomainError } from '../common/errors/domain-error';
import { flattenValidationErrors } from '../common/http/validation';
import { LoginDto } from './dto/login.dto';
import { FailedLoginCounter } from './failed-logins';

/** Counts login attempts per address and email, so one account cannot be brute-forced from one place. */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, any>): Promise<string> {
    const email = typeof req.body?.email === 'string' ? req.body.email.toLowerCase() : '';
    return `${req.ip}|${email}`;
  }
}

/**
 * passport-local, after the body has the shape LoginDto demands (400 naming the field otherwise), for
 * addresses that have not used up their failed logins (429 then).
 */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  constructor(private readonly failedLogins: FailedLoginCounter) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const request = context.switchToHttp().getRequest();
    if (this.failedLogins.isBlocked(request.ip)) throw new ThrottlerException();
    const body = request.body ?? {};
    const errors = validateSync(plainToInstance(LoginDto, body), { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) {
      throw new DomainError('bad_request', 'Invalid login request', flattenValidationErrors(errors));
    }
    return super.canActivate(context);
  }

  override handleRequest<T>(error: unknown, user: T, _info: unknown, context: ExecutionContext): T {
    if (error || !user) this.failedLogins.recordFailure(context.switchToHttp().getRequest().ip);
    if (error) throw error;
    if (!user) throw new DomainError('unauthorized', 'Wrong email or password');
    return user;
  }
}
