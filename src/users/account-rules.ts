// The rules an account must keep however it is made or edited (POST /users, PATCH /users/:id, PATCH
// /auth/me): who may manage whom, and which fields belong to which role. One copy for every path.
import type { AuthUser } from '../common/auth/auth-user';
import { unprocessable, type ErrorDetail } from '../common/errors/domain-error';
import type { SqlRunner } from '../database/transactions';
import type { Role } from './user.entity';

/** Roles a consultant may create and manage; everything else is the admin's. */
export const CONSULTANT_MAY_CREATE: Role[] = ['shopper', 'client'];

/** Who may manage whom: admins everyone; consultants shopper and client users (as for creating them). */
export function mayManage(actor: Pick<AuthUser, 'role'>, role: Role): boolean {
  return actor.role === 'admin' || (actor.role === 'consultant' && CONSULTANT_MAY_CREATE.includes(role));
}

/**
 * Client users have a client, only shoppers have a profile and conflicts, and every client id sent
 * exists: a 422 naming each field (`clientId`, `conflictClientIds[1]`). `account` is the result (after
 * an edit); `sent` what the body named, so only ids the request sends are looked up.
 */
export async function assertAccountRules(
  runner: SqlRunner,
  account: { role: Role; clientId: string | null },
  sent: { clientId?: string | null; profile?: unknown; conflictClientIds?: string[] },
): Promise<void> {
  const problems: ErrorDetail[] = [];
  if (account.role === 'client' && !account.clientId) problems.push({ field: 'clientId', reason: 'required for role client' });
  if (account.role !== 'client' && account.clientId) problems.push({ field: 'clientId', reason: `not allowed for role ${account.role}` });
  if (account.role !== 'shopper' && sent.profile !== undefined) problems.push({ field: 'profile', reason: 'shoppers only' });
  if (account.role !== 'shopper' && sent.conflictClientIds?.length) problems.push({ field: 'conflictClientIds', reason: 'shoppers only' });
  const ids = [...(account.clientId && sent.clientId ? [account.clientId] : []), ...(sent.conflictClientIds ?? [])];
  if (ids.length) {
    const found = (await runner.query(`SELECT id FROM clients WHERE id = ANY($1::uuid[])`, [ids])) as Array<{ id: string }>;
    const known = new Set(found.map((row) => row.id));
    if (sent.clientId && !known.has(sent.clientId.toLowerCase()))
      problems.push({ field: 'clientId', reason: `there is no client ${sent.clientId}` });
    (sent.conflictClientIds ?? []).forEach((clientId, index) => {
      if (!known.has(clientId.toLowerCase()))
        problems.push({ field: `conflictClientIds[${index}]`, reason: `there is no client ${clientId}` });
    });
  }
  if (problems.length) throw unprocessable('The user is not valid', problems);
}
