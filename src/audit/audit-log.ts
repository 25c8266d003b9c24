// The audit log: every administrative change, written by the same transaction as the change itself so
// the log can never claim a change that was rolled back, nor miss one that was committed.
import type { SqlRunner } from '../database/transactions';

export const AUDIT_ENTITIES = ['client', 'touchpoint', 'campaign', 'assignment', 'user', 'payout'] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export interface AuditEntry {
  /** Who made the change; null for an unauthenticated one (a password reset by token). */
  userId: string | null;
  /** What was done, as verb or entity.verb, e.g. `update`, `archive`, `cancel`, `password.change`. */
  action: string;
  entity: AuditEntity;
  entityId: string;
  /** The changed fields as they were, and as they are now (null when there is no before or after). */
  before: object | null;
  after: object | null;
}

/** Writes one audit row on the caller's connection (inside its transaction). */
export async function recordAudit(runner: SqlRunner, entry: AuditEntry): Promise<void> {
  await runner.query(`INSERT INTO audit_log (user_id, action, entity, entity_id, before, after) VALUES ($1, $2, $3, $4, $5, $6)`, [
    entry.userId,
    entry.action,
    entry.entity,
    entry.entityId,
    entry.before === null ? null : JSON.stringify(entry.before),
    entry.after === null ? null : JSON.stringify(entry.after),
  ]);
}

/**
 * The fields of `after` whose values differ from `before`, each side restricted to them: what an
 * audit row shows of an edit (null-safe JSON comparison, so dates and arrays compare by value).
 */
export function changedFields<T extends object>(before: T, after: T): { before: Partial<T>; after: Partial<T> } | null {
  const was: Partial<T> = {};
  const now: Partial<T> = {};
  for (const key of Object.keys(after) as Array<keyof T>) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      was[key] = before[key];
      now[key] = after[key];
    }
  }
  return Object.keys(now).length ? { before: was, after: now } : null;
}
