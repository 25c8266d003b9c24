import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { assertCanReadClientData } from '../common/access/access';
import { AuthUser } from '../common/auth/auth-user';
import { notFound, unprocessable } from '../common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Client } from './client.entity';
import { checkOpeningHours, isValidTimeZone, type OpeningHours } from './domain/opening-hours';
import { ClientView, CreateClientDto, CreateTouchpointDto, TouchpointView } from './dto/client.dto';
import { Touchpoint } from './touchpoint.entity';

export function toClientView(client: Client): ClientView {
  return { id: client.id, name: client.name, createdAt: client.createdAt };
}

export function toTouchpointView(touchpoint: Touchpoint): TouchpointView {
  const { id, clientId, name, channel, region, city, address, handle, phone, url, timeZone, openingHours, createdAt } =
    touchpoint;
  return { id, clientId, name, channel, region, city, address, handle, phone, url, timeZone, openingHours, createdAt };
}

@Injectable()
export class ClientsService {
  constructor(
    @InjectRepository(Client) private readonly clients: Repository<Client>,
    @InjectRepository(Touchpoint) private readonly touchpoints: Repository<Touchpoint>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(dto: CreateClientDto): Promise<ClientView> {
    const client = await this.clients.save(this.clients.create({ name: dto.name.trim() }));
    return toClientView(client);
  }

  /** Staff see every client; a client user only its own. */
  async list(user: AuthUser): Promise<ClientView[]> {
    if (user.role === 'client') {
      if (!user.clientId) return [];
      return (await this.clients.find({ where: { id: user.clientId } })).map(toClientView);
    }
    const clients = await this.clients.find({ order: { name: 'ASC', createdAt: 'ASC' } });
    return clients.map(toClientView);
  }

  async get(user: AuthUser, id: string): Promise<ClientView> {
    return toClientView(await this.findReadable(user, id));
  }

  /** The client if it exists and the user may see it; 404 otherwise. */
  async findReadable(user: AuthUser, id: string): Promise<Client> {
    assertCanReadClientData(user, id);
    const client = await this.clients.findOneBy({ id });
    if (!client) throw notFound('Client');
    return client;
  }

  async createTouchpoint(user: AuthUser, clientId: string, dto: CreateTouchpointDto): Promise<TouchpointView> {
    await this.findReadable(user, clientId);
    // Drop the keys class-transformer left undefined, so the hours are checked and stored as sent.
    const openingHours = dto.openingHours == null ? null : (JSON.parse(JSON.stringify(dto.openingHours)) as OpeningHours);
    const timeZone = dto.timeZone ?? this.config.defaultTimeZone;
    const problems = checkOpeningHours(openingHours);
    if (!isValidTimeZone(timeZone)) {
      problems.unshift({ field: 'timeZone', reason: `unknown IANA time zone "${timeZone}", e.g. Europe/Madrid` });
    }
    if (problems.length) throw unprocessable('The touchpoint is not valid', problems);
    const touchpoint = await this.touchpoints.save(
      this.touchpoints.create({
        clientId,
        name: dto.name.trim(),
        channel: dto.channel,
        region: dto.region.trim(),
        city: dto.city ?? null,
        address: dto.address ?? null,
        handle: dto.handle ?? null,
        phone: dto.phone ?? null,
        url: dto.url ?? null,
        timeZone,
        openingHours,
      }),
    );
    return toTouchpointView(touchpoint);
  }

  async listTouchpoints(user: AuthUser, clientId: string): Promise<TouchpointView[]> {
    await this.findReadable(user, clientId);
    const touchpoints = await this.touchpoints.find({ where: { clientId }, order: { name: 'ASC', createdAt: 'ASC' } });
    return touchpoints.map(toTouchpointView);
  }

  async getTouchpoint(user: AuthUser, clientId: string, id: string): Promise<TouchpointView> {
    await this.findReadable(user, clientId);
    const touchpoint = await this.touchpoints.findOneBy({ id, clientId });
    if (!touchpoint) throw notFound('Touchpoint');
    return toTouchpointView(touchpoint);
  }

  /** Touchpoints by id (no access check: for other services that have already checked the client). */
  findTouchpointsByIds(ids: string[]): Promise<Touchpoint[]> {
    return ids.length ? this.touchpoints.findBy({ id: In(ids) }) : Promise.resolve([]);
  }
}
