import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { changedFields, recordAudit } from '../audit/audit-log';
import { inTransaction } from '../database/transactions';
import { assertCanReadClientData } from '../common/access/access';
import { AuthUser } from '../common/auth/auth-user';
import { notFound, ruleViolation, unprocessable, type ErrorDetail } from '../common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Client } from './client.entity';
import { checkOpeningHours, isValidTimeZone, type OpeningHours } from './domain/opening-hours';
import { ClientView, CreateClientDto, CreateTouchpointDto, TouchpointView, UpdateClientDto, UpdateTouchpointDto } from './dto/client.dto';
import { Touchpoint } from './touchpoint.entity';

export function toClientView(client: Client): ClientView {
  return { id: client.id, name: client.name, createdAt: client.createdAt, version: client.version, archived: client.archivedAt !== null };
}

export function toTouchpointView(touchpoint: Touchpoint): TouchpointView {
  const { id, clientId, name, channel, region, city, address, handle, phone, url, timeZone, openingHours, createdAt, version, active } =
    touchpoint;
  return { id, clientId, name, channel, region, city, address, handle, phone, url, timeZone, openingHours, createdAt, version, active };
}

@Injectable()
export class ClientsService {
  constructor(
    @InjectRepository(Client) private readonly clients: Repository<Client>,
    @InjectRepository(Touchpoint) private readonly touchpoints: Repository<Touchpoint>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
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
    const client = await this.findReadable(user, clientId);
    if (client.archivedAt) throw archived();
    // Drop the keys class-transformer left undefined, so the hours are checked and stored as sent.
    const openingHours = plainOpeningHours(dto.openingHours);
    const timeZone = dto.timeZone ?? this.config.defaultTimeZone;
    assertValidTouchpoint(openingHours, timeZone);
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

  /** PATCH /clients/:id: rename, archive or restore; version-checked and audited in one transaction. */
  async update(user: AuthUser, id: string, dto: UpdateClientDto): Promise<ClientView> {
    await this.findReadable(user, id);
    await inTransaction(this.dataSource, async (runner) => {
      const [current] = (await runner.query(`SELECT id, name, version, archived_at FROM clients WHERE id = $1 FOR UPDATE`, [id])) as Array<{
        id: string;
        name: string;
        version: number;
        archived_at: Date | null;
      }>;
      if (!current) throw notFound('Client');
      if (current.version !== dto.version) throw staleVersion('client', dto.version, current.version);
      const before = { name: current.name, archived: current.archived_at !== null };
      const after = { name: dto.name?.trim() ?? before.name, archived: dto.archived ?? before.archived };
      const change = changedFields(before, after);
      if (!change) return;
      await runner.query(
        `UPDATE clients SET name = $2, version = version + 1,
                archived_at = CASE WHEN $3::boolean THEN coalesce(archived_at, now()) END WHERE id = $1`,
        [id, after.name, after.archived],
      );
      const action = before.archived !== after.archived ? (after.archived ? 'archive' : 'unarchive') : 'update';
      await recordAudit(runner, { userId: user.id, action, entity: 'client', entityId: id, ...change });
    });
    return this.get(user, id);
  }

  /**
   * DELETE /clients/:id: only a client nothing refers to (a mistake just made) is deleted; one with
   * touchpoints, campaigns, users or programs, or one archived, is a 409 that says to archive it.
   */
  async remove(user: AuthUser, id: string): Promise<void> {
    await this.findReadable(user, id);
    await inTransaction(this.dataSource, async (runner) => {
      const [facts] = (await runner.query(
        `SELECT c.name, c.archived_at,
                (SELECT count(*)::int FROM touchpoints WHERE client_id = c.id) AS touchpoints,
                (SELECT count(*)::int FROM campaigns WHERE client_id = c.id) AS campaigns,
                (SELECT count(*)::int FROM users WHERE client_id = c.id OR c.id = ANY(conflict_client_ids)) AS users,
                (SELECT count(*)::int FROM programs WHERE client_id = c.id) AS programs
           FROM clients c WHERE c.id = $1 FOR UPDATE`,
        [id],
      )) as Array<{ name: string; archived_at: Date | null; touchpoints: number; campaigns: number; users: number; programs: number }>;
      if (!facts) throw notFound('Client');
      const held = (['touchpoints', 'campaigns', 'users', 'programs'] as const).filter((what) => facts[what] > 0);
      if (facts.archived_at || held.length) {
        const details: ErrorDetail[] = facts.archived_at
          ? [{ field: 'archived', reason: 'an archived client is kept for its history and never deleted' }]
          : held.map((what) => ({ field: what, reason: `the client has ${facts[what]} ${what}` }));
        throw ruleViolation(
          'CLIENT_HAS_DATA',
          facts.archived_at
            ? 'An archived client is never deleted'
            : `The client has data (${held.map((what) => `${facts[what]} ${what}`).join(', ')}) and is never deleted; archive it instead (PATCH archived: true)`,
          details,
        );
      }
      await runner.query(`DELETE FROM clients WHERE id = $1`, [id]);
      await recordAudit(runner, {
        userId: user.id,
        action: 'delete',
        entity: 'client',
        entityId: id,
        before: { name: facts.name },
        after: null,
      });
    });
  }

  /** PATCH /clients/:clientId/touchpoints/:id: validated like the create; `active: false` retires it. */
  async updateTouchpoint(user: AuthUser, clientId: string, id: string, dto: UpdateTouchpointDto): Promise<TouchpointView> {
    await this.findReadable(user, clientId);
    await inTransaction(this.dataSource, async (runner) => {
      const current = await runner.manager
        .getRepository(Touchpoint)
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .where('t.id = :id AND t.client_id = :clientId', { id, clientId })
        .getOne();
      if (!current) throw notFound('Touchpoint');
      if (current.version !== dto.version) throw staleVersion('touchpoint', dto.version, current.version);
      const editable = (t: Touchpoint) => ({
        name: t.name,
        region: t.region,
        city: t.city,
        address: t.address,
        handle: t.handle,
        phone: t.phone,
        url: t.url,
        timeZone: t.timeZone,
        openingHours: t.openingHours,
        active: t.active,
      });
      const before = editable(current);
      const after = {
        ...before,
        ...(dto.name !== undefined && { name: dto.name.trim() }),
        ...(dto.region !== undefined && { region: dto.region.trim() }),
        ...(dto.city !== undefined && { city: dto.city }),
        ...(dto.address !== undefined && { address: dto.address }),
        ...(dto.handle !== undefined && { handle: dto.handle }),
        ...(dto.phone !== undefined && { phone: dto.phone }),
        ...(dto.url !== undefined && { url: dto.url }),
        ...(dto.timeZone !== undefined && { timeZone: dto.timeZone }),
        ...(dto.openingHours !== undefined && { openingHours: plainOpeningHours(dto.openingHours) }),
        ...(dto.active !== undefined && { active: dto.active }),
      };
      assertValidTouchpoint(after.openingHours, after.timeZone);
      const change = changedFields(before, after);
      if (!change) return;
      await runner.manager.getRepository(Touchpoint).update({ id }, { ...after, version: current.version + 1 });
      const action = before.active !== after.active ? (after.active ? 'reactivate' : 'retire') : 'update';
      await recordAudit(runner, { userId: user.id, action, entity: 'touchpoint', entityId: id, ...change });
    });
    return this.getTouchpoint(user, clientId, id);
  }
}

/** The opening hours as sent, without the keys class-transformer left undefined, so they are checked and stored as sent. */
function plainOpeningHours(hours: CreateTouchpointDto['openingHours']): OpeningHours | null {
  return hours == null ? null : (JSON.parse(JSON.stringify(hours)) as OpeningHours);
}

/** The rules a touchpoint's hours and zone follow, on create and edit alike: 422 listing every problem. */
function assertValidTouchpoint(openingHours: OpeningHours | null, timeZone: string): void {
  const problems = checkOpeningHours(openingHours);
  if (!isValidTimeZone(timeZone)) {
    problems.unshift({ field: 'timeZone', reason: `unknown IANA time zone "${timeZone}", e.g. Europe/Madrid` });
  }
  if (problems.length) throw unprocessable('The touchpoint is not valid', problems);
}

const archived = () =>
  ruleViolation('CLIENT_ARCHIVED', 'The client is archived; unarchive it first (PATCH archived: false)', [
    { field: 'clientId', reason: 'the client is archived' },
  ]);

/** 409 STALE_VERSION for any versioned record an administrator edits. */
export function staleVersion(what: string, sent: number, current: number) {
  return ruleViolation(
    'STALE_VERSION',
    `The ${what} has changed since version ${sent} (it is at version ${current}); reload it and try again`,
    [{ field: 'version', reason: 'stale' }],
  );
}
