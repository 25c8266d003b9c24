import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { Endpoint } from '../common/http/api-docs';
import { UuidParam } from '../common/http/uuid-param';
import { ClientsService } from './clients.service';
import { ClientView, CreateClientDto, CreateTouchpointDto, TouchpointView, UpdateClientDto, UpdateTouchpointDto } from './dto/client.dto';

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
    description:
      'Opening hours that do not make sense (format, order, overlaps) are a 422 listing every problem; an archived client is a 409 CLIENT_ARCHIVED.',
    errors: [400, 403, 404, 409, 422],
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

  @Patch(':id')
  @Roles('admin', 'consultant')
  @Endpoint({
    operationId: 'updateClient',
    summary: 'Rename, archive or restore a client (send the version read; audited)',
    description: 'A stale version is a 409 STALE_VERSION. An archived client keeps its data and gets no new touchpoints or campaigns.',
    errors: [400, 403, 404, 409],
  })
  @ApiOkResponse({ type: ClientView })
  update(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: UpdateClientDto): Promise<ClientView> {
    return this.clients.update(user, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin', 'consultant')
  @Endpoint({
    operationId: 'deleteClient',
    summary: 'Delete a client created by mistake (nothing refers to it); a client with data, or archived, is a 409 CLIENT_HAS_DATA',
    errors: [400, 403, 404, 409],
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  async remove(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<void> {
    await this.clients.remove(user, id);
  }

  @Patch(':clientId/touchpoints/:id')
  @Roles('admin', 'consultant')
  @Endpoint({
    operationId: 'updateTouchpoint',
    summary: 'Edit a touchpoint (the create fields but the channel), or retire it with active: false (send the version read; audited)',
    description:
      'Validated like the create (opening hours, time zone: 422 listing every problem); a stale version is a 409 STALE_VERSION. A retired touchpoint is offered to no new campaign; its history stays.',
    errors: [400, 403, 404, 409, 422],
  })
  @ApiOkResponse({ type: TouchpointView })
  updateTouchpoint(
    @CurrentUser() user: AuthUser,
    @UuidParam('clientId') clientId: string,
    @UuidParam('id') id: string,
    @Body() dto: UpdateTouchpointDto,
  ): Promise<TouchpointView> {
    return this.clients.updateTouchpoint(user, clientId, id, dto);
  }
}
