import { Body, Controller, Get, HttpCode, Patch, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiBearerAuth, ApiBody, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/decorators';
import { Endpoint } from '../common/http/api-docs';
import { ChangePasswordDto, ResetPasswordDto, UpdateMeDto, UserView } from '../users/dto/user.dto';
import { AccountsService } from '../users/accounts.service';
import { UsersService, toUserView } from '../users/users.service';
import { DomainError } from '../common/errors/domain-error';
import type { RuleCode } from '../common/errors/error-codes';
import { AuthService } from './auth.service';
import { LoginDto, LoginResponse } from './dto/login.dto';
import { LoginLimits } from './login-limits';
import { LocalAuthGuard } from './login.guards';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly accounts: AccountsService,
    private readonly loginLimits: LoginLimits,
  ) {}

  @UseGuards(LocalAuthGuard)
  @Post('login')
  @HttpCode(200)
  @Endpoint({
    operationId: 'login',
    summary: 'Sign in with email and password; the answer holds the bearer token',
    description: 'Wrong credentials are a 401; repeated failures for an account or from an address are a 429.',
    errors: [400, 401, 429],
    public: true,
  })
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: LoginResponse })
  login(@CurrentUser() user: AuthUser): LoginResponse {
    return this.auth.issueToken(user);
  }

  @ApiBearerAuth()
  @Get('me')
  @Endpoint({ operationId: 'getCurrentUser', summary: 'The signed-in user', errors: [] })
  @ApiOkResponse({ type: UserView })
  async me(@CurrentUser() actor: AuthUser): Promise<UserView> {
    const user = await this.users.findActiveById(actor.id);
    if (!user) throw new DomainError('unauthorized', 'A valid bearer token is required');
    return toUserView(user);
  }

  @ApiBearerAuth()
  @Patch('me')
  @Endpoint({
    operationId: 'updateCurrentUser',
    summary: 'Edit one’s own profile: name; shoppers also what they cover (regions, cities, languages, channels) and conflicts of interest',
    description: 'Unknown client ids in conflictClientIds, or a profile on a non-shopper, are a 422 naming the field. Audited.',
    errors: [400, 409, 422],
  })
  @ApiOkResponse({ type: UserView })
  updateMe(@CurrentUser() actor: AuthUser, @Body() dto: UpdateMeDto): Promise<UserView> {
    return this.accounts.updateMe(actor, dto);
  }

  @ApiBearerAuth()
  @Post('password')
  @HttpCode(204)
  @Endpoint({
    operationId: 'changePassword',
    summary: 'Change one’s own password (the current one required); every other session of the user is signed out',
    description:
      'A wrong current password is a 422 WRONG_PASSWORD; a new one against the policy (at least 10 characters, not a common password, not the e-mail name) a 422 PASSWORD_POLICY.',
    errors: [400, 422, 429],
  })
  @ApiNoContentResponse({ description: 'Changed; this session stays signed in, the others are signed out' })
  async changePassword(
    @CurrentUser() actor: AuthUser,
    @Body() dto: ChangePasswordDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<void> {
    // A wrong current password is a failed login of the account: the same budget, so a stolen session
    // cannot guess the password here past the login limits.
    const address = addressOf(request);
    const decision = await this.loginLimits.tryLogin(address, actor.email);
    if (!decision.allowed) {
      response.header('Retry-After', String(decision.retryAfterSeconds));
      throw new ThrottlerException();
    }
    try {
      await this.accounts.changePassword(actor, dto);
    } catch (error) {
      if (!isRule(error, 'WRONG_PASSWORD')) await this.loginLimits.loginSucceeded(address, actor.email);
      throw error;
    }
    await this.loginLimits.loginSucceeded(address, actor.email);
  }

  @Post('password-reset')
  @HttpCode(204)
  @Endpoint({
    operationId: 'resetPassword',
    summary: 'Set a new password with a one-time reset token (from an admin or consultant); signs out every session of the user',
    description: 'An unknown, used or expired token is a 422 RESET_TOKEN_INVALID; a password against the policy a 422 PASSWORD_POLICY.',
    errors: [400, 422, 429],
    public: true,
  })
  @ApiNoContentResponse({ description: 'The password is set; sign in with it' })
  async resetPassword(
    @Body() dto: ResetPasswordDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<void> {
    // Wrong tokens are counted per address before the lookup (parallel guesses cannot slip past) and
    // forgiven when the token turns out to be good.
    const address = addressOf(request);
    const decision = await this.loginLimits.tryResetToken(address);
    if (!decision.allowed) {
      response.header('Retry-After', String(decision.retryAfterSeconds));
      throw new ThrottlerException();
    }
    try {
      await this.accounts.resetPassword(dto);
    } catch (error) {
      if (!isRule(error, 'RESET_TOKEN_INVALID')) await this.loginLimits.resetTokenAccepted(address);
      throw error;
    }
    await this.loginLimits.resetTokenAccepted(address);
  }
}

/** The caller's address as the login limits see it (TRUST_PROXY decides whether X-Forwarded-For counts). */
const addressOf = (request: FastifyRequest) => request.ip ?? request.socket.remoteAddress ?? 'unknown';

const isRule = (error: unknown, rule: RuleCode) => error instanceof DomainError && error.rule === rule;
