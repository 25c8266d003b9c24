import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'crypto';
import { In, Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AuthUser } from '../common/auth/auth-user';
import { conflict, DomainError } from '../common/errors/domain-error';
import { CreateUserDto, ListUsersQuery, UserView } from './dto/user.dto';
import { assertAccountRules, mayManage } from './account-rules';
import { assertPasswordPolicy, hashPassword } from './passwords';
import { ROLES, type ShopperProfile, User } from './user.entity';
import { pageOf } from '../common/http/paging';
import { primaryPool } from '../database/pool';

export function toUserView(user: User): UserView {
  const { id, email, role, name, clientId, conflictClientIds, createdAt, active, version } = user;
  const stored: Partial<ShopperProfile> = user.profile ?? {};
  const profile = {
    regions: stored.regions ?? [],
    cities: stored.cities ?? [],
    languages: stored.languages ?? [],
    channels: stored.channels ?? [],
  };
  return { id, email, role, name, clientId, conflictClientIds, createdAt, active, version, profile };
}

/** The caller as read for each request, with what decides whether their token still works. */
export interface SessionUser extends AuthUser {
  /** Tokens issued before this stop working (a password change or reset)… */
  tokensValidAfter: Date | null;
  /** …except the session that changed the password. */
  keptSessionId: string | null;
}

@Injectable()
export class UsersService implements OnApplicationBootstrap {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(actor: AuthUser, dto: CreateUserDto): Promise<UserView> {
    if (!mayManage(actor, dto.role)) throw new DomainError('forbidden', `Only an admin may create ${dto.role} users`);
    await assertAccountRules(this.users.manager, { role: dto.role, clientId: dto.clientId ?? null }, dto);
    const email = dto.email.toLowerCase();
    assertPasswordPolicy(dto.password, email, 'password');
    const passwordHash = await hashPassword(dto.password);
    const inserted = await this.users
      .createQueryBuilder()
      .insert()
      .values({
        email,
        passwordHash,
        role: dto.role,
        name: dto.name ?? null,
        clientId: dto.clientId ?? null,
        conflictClientIds: dto.conflictClientIds ?? [],
      })
      .orIgnore()
      .returning('*')
      .execute();
    const [row] = inserted.raw as User[];
    if (!row) throw conflict(`A user with email ${email} already exists`);
    return toUserView(this.users.create(row));
  }

  /** GET /users: the users the caller may manage (consultants: shopper and client users, as GET /users/:id). */
  async list(actor: AuthUser, query: ListUsersQuery): Promise<UserView[]> {
    const { limit, offset } = pageOf(query);
    const roles = ROLES.filter((role) => mayManage(actor, role) && (!query.role || role === query.role));
    if (!roles.length) return [];
    const users = await this.users.find({
      where: { role: In(roles) },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
    return users.map(toUserView);
  }

  findActiveById(id: string): Promise<User | null> {
    return this.users.findOneBy({ id, active: true });
  }

  /**
   * The caller behind a bearer token, read on every authenticated request: the same lookup as
   * findActiveById with only what AuthUser needs, in plain SQL (the repository's query building and
   * entity hydration cost about 0.2 ms of CPU, more than the query itself).
   */
  /** Read on every authenticated request, hence a named statement on the pool (src/database/pool.ts). */
  async findActiveAuthUser(id: string): Promise<SessionUser | null> {
    const {
      rows: [row],
    } = await primaryPool(this.users.manager.dataSource).query<SessionUser>({
      name: 'session-user',
      text: `SELECT id, email, role, client_id AS "clientId", name, tokens_valid_after AS "tokensValidAfter", kept_session_id AS "keptSessionId"
               FROM users WHERE id = $1 AND active`,
      values: [id],
    });
    return row ?? null;
  }

  findActiveByEmail(email: string): Promise<User | null> {
    return this.users.findOneBy({ email: email.toLowerCase(), active: true });
  }

  /** First start: with no users at all, create the admin so someone can log in. */
  async onApplicationBootstrap(): Promise<void> {
    if (await this.users.exists()) return;
    const email = (this.config.adminEmail ?? 'admin@incognito.local').toLowerCase();
    const password = this.config.adminPassword ?? randomBytes(12).toString('base64url');
    await this.users
      .createQueryBuilder()
      .insert()
      .values({ email, passwordHash: await hashPassword(password), role: 'admin', name: 'Administrator' })
      .orIgnore()
      .execute();
    if (!this.config.adminPassword) {
      // Printed once, on the console only, so the first admin can log in and change it.
      process.stdout.write(`\nFirst start: created admin ${email} with password ${password}\n\n`);
    }
    this.logger.log(`Created the first admin user ${email}`);
  }
}
