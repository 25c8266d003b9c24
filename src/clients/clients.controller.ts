import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { ClientsService } from './clients.service';
import { ClientView, CreateClientDto, CreateTouchpointDto, TouchpointView } from './dto/client.dto';

@ApiTags('clients')
@ApiBearerAuth()
@Controller('clients')
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @Post()
  @HttpCode(201)
  @Roles('admin', 'consultant')
  create(@Body() dto: CreateClientDto): Promise<ClientView> {
    return this.clients.create(dto);
  }

  @Get()
  @Roles('admin', 'consultant', 'client')
  list(@CurrentUser() user: AuthUser): Promise<ClientView[]> {
    return this.clients.list(user);
  }

  @Get(':id')
  @Roles('admin', 'consultant', 'client')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<ClientView> {
    return this.clients.get(user, id);
  }

  @Post(':clientId/touchpoints')
  @HttpCode(201)
  @Roles('admin', 'consultant')
  createTouchpoint(
    @CurrentUser() user: AuthUser,
    @Param('clientId', ParseUUIDPipe) clientId: string,
    @Body() dto: CreateTouchpointDto,
  ): Promise<TouchpointView> {
    return this.clients.createTouchpoint(user, clientId, dto);
  }

  @Get(':clientId/touchpoints')
  @Roles('admin', 'consultant', 'client')
  listTouchpoints(@CurrentUser() user: AuthUser, @Param('clientId', ParseUUIDPipe) clientId: string): Promise<TouchpointView[]> {
    return this.clients.listTouchpoints(user, clientId);
  }

  @Get(':clientId/touchpoints/:id')
  @Roles('admin', 'consultant', 'client')
  getTouchpoint(
    @CurrentUser() user: AuthUser,
    @Param('clientId', ParseUUIDPipe) clientId: string,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<TouchpointView> {
    return this.clients.getTouchpoint(user, clientId, id);
  }
}
