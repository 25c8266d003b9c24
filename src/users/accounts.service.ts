// Everyday account administration (issue #18): edits within the rules of who may create whom, one's
// own profile and password, and one-time password-reset tokens. Every change is version-checked where
// a record is edited, audited, and made in one transaction.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'crypto';
import { DataSource, QueryRunner } from 'typeorm';
import { changedFields, recordAudit } from '../audit/audit-log';
import { staleVersion } from '../clients/clients.service';
import { AuthUser } from '../common/auth/auth-user';
import { DomainError, notFound, ruleViolation, unprocessable, type ErrorDetail } from '../common/errors/domain-error';
import { inTransaction } from '../database/transactions';
import {
  ChangePasswordDto,
  PasswordResetTokenView,
  ResetPasswordDto,
  ShopperProfileDto,
  UpdateMeDto,
  UpdateUserDto,
  UserView,
} from './dto/user.dto';
import { assertPasswordPolicy, hashPassword, verifyPassword } from './passwords';
import { type Role, type ShopperProfile, User } from './user.entity';
import { toUserView } from './users.service';
import { assertAccountRules, mayManage } from './account-rules';

/** How long a password-reset token works. */
export const RESET_TOKEN_HOURS = 24;

const EMPTY_PROFILE: ShopperProfile = { regions: [], cities: [], languages: [], channels: [] };

/** The fields an edit may change, as the audit log compares them (never the password hash). */
function editable(user: User) {
  return {
    name: user.name,
    active: user.active,
    role: user.role,
    clientId: user.clientId,
    profile: user.profile,
    conflictClientIds: user.conflictClientIds,
  };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

@Injectable()
export class AccountsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** GET /users/:id: admins any user; consultants shopper and client users (others 404). */
  async get(actor: AuthUser, id: string): Promise<UserView> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id });
    if (!user || !mayManage(actor, user.role)) throw notFound('User');
    return toUserView(user);
  }

  /**
   * PATCH /users/:id. A consultant manages shopper and client users only, and may make them only
   * shopper or client users; nobody deactivates or changes the role of their own account here.
   */
  async update(actor: AuthUser, id: string, dto: UpdateUserDto): Promise<UserView> {
    return inTransaction(this.dataSource, async (runner) => {
      const current = await lockUser(runner, id);
      if (!current || !mayManage(actor, current.role)) throw notFound('User');
      if (current.version !== dto.version) throw staleVersion('user', dto.version, current.version);
      if (dto.role !== undefined && !mayManage(actor, dto.role)) {
        throw new DomainError('forbidden', `Only an admin may make a user ${dto.role}`);
      }
      const own: ErrorDetail[] = [];
      if (actor.id === id && dto.active === false) own.push({ field: 'active', reason: 'you cannot deactivate your own account' });
      if (actor.id === id && dto.role !== undefined && dto.role !== current.role)
        own.push({ field: 'role', reason: 'you cannot change your own role' });
      if (own.length) throw unprocessable('You cannot lock yourself out', own);

      const role = dto.role ?? current.role;
      // Leaving the client role drops the client unless the body says otherwise (and then it is checked).
      const clientId = dto.clientId !== undefined ? dto.clientId : role === 'client' ? current.clientId : null;
      const before = editable(current);
      const after = {
        ...before,
        name: dto.name !== undefined ? (dto.name?.trim() ?? null) : before.name,
        active: dto.active ?? before.active,
        role,
        clientId,
        profile: dto.profile ? profileOf(dto.profile, before.profile) : role === 'shopper' ? before.profile : EMPTY_PROFILE,
        conflictClientIds: dto.conflictClientIds ?? (role === 'shopper' ? before.conflictClientIds : []),
      };
      await assertAccountRules(runner, after, dto);
      return this.save(runner, actor, current, before, after);
    });
  }

  /** PATCH /auth/me: one's own name; a shopper's profile and conflicts of interest. */
  async updateMe(actor: AuthUser, dto: UpdateMeDto): Promise<UserView> {
    return inTransaction(this.dataSource, async (runner) => {
      const current = await lockUser(runner, actor.id);
      if (!current) throw new DomainError('unauthorized', 'A valid bearer token is required');
      if (dto.version !== undefined && current.version !== dto.version) throw staleVersion('user', dto.version, current.version);
      const before = editable(current);
      const after = {
        ...before,
        name: dto.name !== undefined ? (dto.name?.trim() ?? null) : before.name,
        profile: dto.profile ? profileOf(dto.profile, before.profile) : before.profile,
        conflictClientIds: dto.conflictClientIds ?? before.conflictClientIds,
      };
      await assertAccountRules(runner, after, dto);
      return this.save(runner, actor, current, before, after);
    });
  }

  private async save(
    runner: QueryRunner,
    actor: AuthUser,
    current: User,
    before: ReturnType<typeof editable>,
    after: ReturnType<typeof editable>,
  ): Promise<UserView> {
    const change = changedFields(before, after);
    if (!change) return toUserView(current);
    await runner.manager.getRepository(User).update({ id: current.id }, { ...after, version: current.version + 1 });
    if (before.active && !after.active) {
      // Signed out for good: a later reactivation must not revive the tokens or reset links of before
      // (the deactivation may have been for a stolen one).
      await runner.query(`UPDATE users SET tokens_valid_after = $2, kept_session_id = NULL WHERE id = $1`, [current.id, new Date()]);
      await voidResetTokens(runner, current.id);
    }
    const action =
      before.active !== after.active ? (after.active ? 'reactivate' : 'deactivate') : before.role !== after.role ? 'role.change' : 'update';
    await recordAudit(runner, { userId: actor.id, action, entity: 'user', entityId: current.id, ...change });
    return toUserView((await runner.manager.getRepository(User).findOneBy({ id: current.id }))!);
  }

  /**
   * POST /auth/password: needs the current password; the new one follows the policy. Every token of
   * the user issued before now stops working, except the one that made the change (its session).
   */
  async changePassword(actor: AuthUser, dto: ChangePasswordDto): Promise<void> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id: actor.id, active: true });
    if (!user) throw new DomainError('unauthorized', 'A valid bearer token is required');
    if (!(await verifyPassword(user.passwordHash, dto.currentPassword))) {
      throw ruleViolation('WRONG_PASSWORD', 'The current password is not right', [
        { field: 'currentPassword', reason: 'not the account’s password' },
      ]);
    }
    assertPasswordPolicy(dto.newPassword, user.email, 'newPassword');
    const passwordHash = await hashPassword(dto.newPassword);
    await inTransaction(this.dataSource, async (runner) => {
      await runner.query(
        `UPDATE users SET password_hash = $2, tokens_valid_after = $3, kept_session_id = $4, version = version + 1 WHERE id = $1`,
        [user.id, passwordHash, new Date(), actor.sessionId ?? null],
      );
      // A reset link issued before the owner chose a new password must not undo it.
      await voidResetTokens(runner, user.id);
      await recordAudit(runner, {
        userId: actor.id,
        action: 'password.change',
        entity: 'user',
        entityId: user.id,
        before: null,
        after: { otherSessionsSignedOut: true },
      });
    });
  }

  /** POST /users/:id/password-reset: a one-time token for a user the caller manages, shown once, stored hashed. */
  async issueResetToken(actor: AuthUser, id: string): Promise<PasswordResetTokenView> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id });
    if (!user || !mayManage(actor, user.role)) throw notFound('User');
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + RESET_TOKEN_HOURS * 3600_000);
    await inTransaction(this.dataSource, async (runner) => {
      // A new token replaces any earlier unused one: only the latest works.
      await voidResetTokens(runner, id);
      await runner.query(`INSERT INTO password_reset_tokens (user_id, token_hash, expires_at, created_by) VALUES ($1, $2, $3, $4)`, [
        id,
        sha256(token),
        expiresAt,
        actor.id,
      ]);
      await recordAudit(runner, {
        userId: actor.id,
        action: 'password.reset-issued',
        entity: 'user',
        entityId: id,
        before: null,
        after: { expiresAt },
      });
    });
    return { token, expiresAt };
  }

  /** POST /auth/password-reset: the token works once, before it expires; every session of the user is signed out. */
  async resetPassword(dto: ResetPasswordDto): Promise<void> {
    const invalid = () =>
      ruleViolation('RESET_TOKEN_INVALID', 'This password-reset link is not valid (unknown, used or expired)', [
        { field: 'token', reason: 'unknown, used or expired' },
      ]);
    const [row] = await this.dataSource.query<Array<{ id: string; user_id: string; email: string; role: Role; issuer_role: Role }>>(
      `SELECT r.id, r.user_id, u.email, u.role, issuer.role AS issuer_role
         FROM password_reset_tokens r JOIN users u ON u.id = r.user_id JOIN users issuer ON issuer.id = r.created_by
        WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > now() AND u.active AND issuer.active`,
      [sha256(dto.token)],
    );
    // Who may manage whom holds when the token is used, not only when it was issued: a consultant's
    // token for a shopper since made a consultant or admin would otherwise take over that account.
    if (!row || !mayManage({ role: row.issuer_role }, row.role)) throw invalid();
    assertPasswordPolicy(dto.newPassword, row.email, 'newPassword');
    const passwordHash = await hashPassword(dto.newPassword);
    await inTransaction(this.dataSource, async (runner) => {
      // Single use even under two concurrent requests: only one finds it unused.
      const used = await runner.query(`UPDATE password_reset_tokens SET used_at = now() WHERE id = $1 AND used_at IS NULL`, [row.id], true);
      if (!used.affected) throw invalid();
      await runner.query(
        `UPDATE users SET password_hash = $2, tokens_valid_after = $3, kept_session_id = NULL, version = version + 1 WHERE id = $1`,
        [row.user_id, passwordHash, new Date()],
      );
      await recordAudit(runner, {
        userId: null,
        action: 'password.reset',
        entity: 'user',
        entityId: row.user_id,
        before: null,
        after: { allSessionsSignedOut: true },
      });
    });
  }
}

/** Every unused reset token of the user stops working. */
async function voidResetTokens(runner: QueryRunner, userId: string): Promise<void> {
  await runner.query(`UPDATE password_reset_tokens SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [userId]);
}

async function lockUser(runner: QueryRunner, id: string): Promise<User | null> {
  return runner.manager.getRepository(User).createQueryBuilder('u').setLock('pessimistic_write').where('u.id = :id', { id }).getOne();
}

/** A profile edit: each list sent replaces the stored one (trimmed, without repeats); lists not sent stay. */
function profileOf(dto: ShopperProfileDto, current: ShopperProfile): ShopperProfile {
  const clean = (values: string[] | undefined, stored: string[]) =>
    values === undefined ? stored : [...new Set(values.map((value) => value.trim()))];
  return {
    regions: clean(dto.regions, current.regions ?? []),
    cities: clean(dto.cities, current.cities ?? []),
    languages: clean(dto.languages, current.languages ?? []),
    channels: dto.channels ?? current.channels ?? [],
  };
}
