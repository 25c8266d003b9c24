import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { ThrottlerGuard } from '@nestjs/throttler';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DomainError } from '../common/errors/domain-error';
import { flattenValidationErrors } from '../common/http/validation';
import { LoginDto } from './dto/login.dto';

/** Counts login attempts per address and email, so one account cannot be brute-forced from one place. */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, any>): Promise<string> {
    const email = typeof req.body?.email === 'string' ? req.body.email.toLowerCase() : '';
    return `${req.ip}|${email}`;
  }
}

/** passport-local, after the body has the shape LoginDto demands (400 naming the field otherwise). */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override canActivate(context: ExecutionContext) {
    const body = context.switchToHttp().getRequest().body ?? {};
    const errors = validateSync(plainToInstance(LoginDto, body), { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) {
      throw new DomainError('bad_request', 'Invalid login request', flattenValidationErrors(errors));
    }
    return super.canActivate(context);
  }

  override handleRequest<T>(error: unknown, user: T): T {
    if (error) throw error;
    if (!user) throw new DomainError('unauthorized', 'Wrong email or password');
    return user;
  }
}
