import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { Endpoint } from '../common/http/api-docs';
import { CreateUserDto, ListUsersQuery, PasswordResetTokenView, UpdateUserDto, UserView } from './dto/user.dto';
import { AccountsService } from './accounts.service';
import { UuidParam } from '../common/http/uuid-param';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
@Roles('admin', 'consultant')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly accounts: AccountsService,
  ) {}

  @Post()
  @HttpCode(201)
  @Endpoint({
    operationId: 'createUser',
    summary: 'Create a user (consultants create shoppers and client users; admins any role)',
    errors: [400, 403, 409, 422],
  })
  @ApiCreatedResponse({ type: UserView })
  create(@CurrentUser() actor: AuthUser, @Body() dto: CreateUserDto): Promise<UserView> {
    return this.users.create(actor, dto);
  }

  @Get()
  @Endpoint({
    operationId: 'listUsers',
    summary: 'Users the caller manages, optionally of one role (consultants: shopper and client users only)',
    errors: [400, 403],
  })
  @ApiOkResponse({ type: [UserView] })
  list(@CurrentUser() actor: AuthUser, @Query() query: ListUsersQuery): Promise<UserView[]> {
    return this.users.list(actor, query);
  }

  @Get(':id')
  @Endpoint({
    operationId: 'getUser',
    summary: 'One user (consultants: shopper and client users only; others 404)',
    errors: [400, 403, 404],
  })
  @ApiOkResponse({ type: UserView })
  get(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string): Promise<UserView> {
    return this.accounts.get(actor, id);
  }

  @Patch(':id')
  @Endpoint({
    operationId: 'updateUser',
    summary: 'Edit a user: name, active, role, client, shopper profile and conflicts (send the version read; audited)',
    description:
      'Within the rules of who may create whom: consultants manage shopper and client users only (others 404) and may make them only shopper or client (403). ' +
      'Deactivation and role changes apply from the user’s next request. Broken rules (client without clientId, profile on a non-shopper, unknown client ids) are a 422 naming the field; a stale version a 409 STALE_VERSION.',
    errors: [400, 403, 404, 409, 422],
  })
  @ApiOkResponse({ type: UserView })
  update(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string, @Body() dto: UpdateUserDto): Promise<UserView> {
    return this.accounts.update(actor, id, dto);
  }

  @Post(':id/password-reset')
  @HttpCode(201)
  @Endpoint({
    operationId: 'issuePasswordReset',
    summary: 'A one-time password-reset token for a user the caller manages: shown once, valid 24 hours, stored hashed (audited)',
    errors: [400, 403, 404],
  })
  @ApiCreatedResponse({ type: PasswordResetTokenView })
  issuePasswordReset(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string): Promise<PasswordResetTokenView> {
    return this.accounts.issueResetToken(actor, id);
  }
}
