import { Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Public } from '../common/auth/decorators';
import { UserView } from '../users/dto/user.dto';
import { UsersService, toUserView } from '../users/users.service';
import { DomainError } from '../common/errors/domain-error';
import { AuthService } from './auth.service';
import { LoginDto, LoginResponse } from './dto/login.dto';
import { LocalAuthGuard, LoginThrottlerGuard } from './login.guards';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @UseGuards(LoginThrottlerGuard, LocalAuthGuard)
  @Post('login')
  @HttpCode(200)
  @ApiBody({ type: LoginDto })
  login(@CurrentUser() user: AuthUser): LoginResponse {
    return this.auth.issueToken(user);
  }

  @ApiBearerAuth()
  @Get('me')
  async me(@CurrentUser() actor: AuthUser): Promise<UserView> {
    const user = await this.users.findActiveById(actor.id);
    if (!user) throw new DomainError('unauthorized', 'A valid bearer token is required');
    return toUserView(user);
  }
}
