import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { Endpoint } from '../common/http/api-docs';
import { CreateUserDto, ListUsersQuery, UserView } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
@Roles('admin', 'consultant')
export class UsersController {
  constructor(private readonly users: UsersService) {}

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
  @Endpoint({ operationId: 'listUsers', summary: 'Users, optionally of one role', errors: [400, 403] })
  @ApiOkResponse({ type: [UserView] })
  list(@Query() query: ListUsersQuery): Promise<UserView[]> {
    return this.users.list(query);
  }
}
