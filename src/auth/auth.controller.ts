import { Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/decorators';
import { Endpoint } from '../common/http/api-docs';
import { UserView } from '../users/dto/user.dto';
import { UsersService, toUserView } from '../users/users.service';
import { DomainError } from '../common/errors/domain-error';
import { AuthService } from './auth.service';
import { LoginDto, LoginResponse } from './dto/login.dto';
import { LocalAuthGuard } from './login.guards';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
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
}
