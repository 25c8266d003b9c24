import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { Endpoint } from '../common/http/api-docs';
import { UuidParam } from '../common/http/uuid-param';
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
  @Endpoint({ operationId: 'createClient', summary: 'Create a client (the company whose service is evaluated)', errors: [400, 403] })
  @ApiCreatedResponse({ type: ClientView })
  create(@Body() dto: CreateClientDto): Promise<ClientView> {
    return this.clients.create(dto);
  }

  @Get()
  @Roles('admin', 'consultant', 'client')
  @Endpoint({ operationId: 'listClients', summary: 'Clients (a client user sees only its own)', errors: [403] })
  @ApiOkResponse({ type: [ClientView] })
  list(@CurrentUser() user: AuthUser): Promise<ClientView[]> {
    return this.clients.list(user);
  }

  @Get(':id')
  @Roles('admin', 'consultant', 'client')
  @Endpoint({ operationId: 'getClient', summary: 'One client (another client’s is 404 to a client user)', errors: [400, 403, 404] })
  @ApiOkResponse({ type: ClientView })
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<ClientView> {
    return this.clients.get(user, id);
  }

  @Post(':clientId/touchpoints')
  @HttpCode(201)
  @Roles('admin', 'consultant')
  @Endpoint({
    operationId: 'createTouchpoint',
    summary: 'Add a touchpoint (branch, phone line, inbox, chat, social account…) to a client',
    description: 'Opening hours that do not make sense (format, order, overlaps) are a 422 listing every problem.',
    errors: [400, 403, 404, 422],
  })
  @ApiCreatedResponse({ type: TouchpointView })
  createTouchpoint(
    @CurrentUser() user: AuthUser,
    @UuidParam('clientId') clientId: string,
    @Body() dto: CreateTouchpointDto,
  ): Promise<TouchpointView> {
    return this.clients.createTouchpoint(user, clientId, dto);
  }

  @Get(':clientId/touchpoints')
  @Roles('admin', 'consultant', 'client')
  @Endpoint({ operationId: 'listTouchpoints', summary: 'The touchpoints of a client', errors: [400, 403, 404] })
  @ApiOkResponse({ type: [TouchpointView] })
  listTouchpoints(@CurrentUser() user: AuthUser, @UuidParam('clientId') clientId: string): Promise<TouchpointView[]> {
    return this.clients.listTouchpoints(user, clientId);
  }

  @Get(':clientId/touchpoints/:id')
  @Roles('admin', 'consultant', 'client')
  @Endpoint({ operationId: 'getTouchpoint', summary: 'One touchpoint of a client', errors: [400, 403, 404] })
  @ApiOkResponse({ type: TouchpointView })
  getTouchpoint(
    @CurrentUser() user: AuthUser,
    @UuidParam('clientId') clientId: string,
    @UuidParam('id') id: string,
  ): Promise<TouchpointView> {
    return this.clients.getTouchpoint(user, clientId, id);
  }
}
