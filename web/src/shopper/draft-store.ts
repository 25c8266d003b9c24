// The visit form's draft, kept on the device (IndexedDB, through idb-keyval) as it is typed: a closed tab,
// a reload or a dead battery loses nothing. One draft per shopper and assignment; photos and recordings
// picked but not yet uploaded are kept beside it as Blobs. The draft carries the Idempotency-Key made
// when it was created, reused on every retry of its submission, so a report sent twice is stored once.
import { createStore, del, get, keys, set, type UseStore } from 'idb-keyval';
import type { AnswerValue } from '@server/questionnaires/domain/definition';
import type { Problem, SubmitBody, SubmissionResult } from './api';

export interface AnswerState {
  value?: AnswerValue | null;
  na?: boolean;
}

/** A file picked for an evidence question: its Blob is on the device until uploaded, then only its id is kept. */
export interface EvidenceItem {
  localId: string;
  /** Made when the file was picked, reused on every retry of its upload (stored once). */
  idempotencyKey: string;
  fileName: string;
  mimeType: string;
  size: number;
  /** Set once the API stored it: the id that answers the question. */
  evidenceId?: string;
  /** A refusal that retrying will not fix (too big, a type the API does not take). */
  rejected?: string;
}

/** Sending in progress: the form is frozen, and the outbox retries until the API stores it or refuses it. */
export interface Outbox {
  queuedAt: number;
  attempts: number;
  nextAttemptAt: number;
  /** Frozen once every file is uploaded, so each retry sends exactly the same body. */
  body?: SubmitBody;
  lastError?: string;
}

export interface Draft {
  userId: string;
  assignmentId: string;
  /** The report version this draft corrects (0: the first report); a new round gets a new draft and key. */
  round: number;
  idempotencyKey: string;
  createdAt: number;
  updatedAt: number;
  visitedAt: string | null;
  answers: Record<string, AnswerState>;
  evidence: Record<string, EvidenceItem[]>;
  /** Running stopwatches of duration questions: when each started (ms since the epoch). */
  stopwatches: Record<string, number>;
  narrative: string;
  outbox: Outbox | null;
  /** The last refusal: its message, and `details` by question key (or visitedAt). */
  refusal: { message: string; code: string | null; problems: Problem[] } | null;
  /** Set when the API stored it; the draft is then only a receipt. */
  sent: SubmissionResult | null;
}

let store: UseStore | undefined;
const db = () => (store ??= createStore('incognito-shopper', 'drafts'));

const draftKey = (userId: string, assignmentId: string) => `draft:${userId}:${assignmentId}`;
const blobKey = (localId: string) => `blob:${localId}`;

/** A v4 UUID, also on plain-http origins where crypto.randomUUID is missing. */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function newDraft(userId: string, assignmentId: string, round: number, prefill: Partial<Draft> = {}): Draft {
  const now = Date.now();
  return {
    userId,
    assignmentId,
    round,
    idempotencyKey: newId(),
    createdAt: now,
    updatedAt: now,
    visitedAt: null,
    answers: {},
    evidence: {},
    stopwatches: {},
    narrative: '',
    outbox: null,
    refusal: null,
    sent: null,
    ...prefill,
  };
}

// In memory too: every screen showing a draft sees the same object, and writes to IndexedDB go in order.
const cache = new Map<string, Draft | null>();
const listeners = new Map<string, Set<(draft: Draft | null) => void>>();
let writes: Promise<unknown> = Promise.resolve();

export async function loadDraft(userId: string, assignmentId: string): Promise<Draft | null> {
  const key = draftKey(userId, assignmentId);
  if (cache.has(key)) return cache.get(key)!;
  const stored = (await get<Draft>(key, db())) ?? null;
  if (!cache.has(key)) cache.set(key, stored);
  return cache.get(key)!;
}

export function saveDraft(draft: Draft): Promise<void> {
  const key = draftKey(draft.userId, draft.assignmentId);
  const saved = { ...draft, updatedAt: Date.now() };
  cache.set(key, saved);
  listeners.get(key)?.forEach((listener) => listener(saved));
  const write = writes.then(() => set(key, saved, db()));
  writes = write.catch(() => undefined);
  return write;
}

/** Applies `change` to the current draft (if any) and saves it; returns the saved draft. */
export async function updateDraft(userId: string, assignmentId: string, change: (draft: Draft) => Draft): Promise<Draft | null> {
  const key = draftKey(userId, assignmentId);
  // Read the latest draft at the moment of the change (not before an await): two quick changes in a row
  // (the stopwatch's value, then its stop) must both land.
  if (!cache.has(key)) await loadDraft(userId, assignmentId);
  const current = cache.get(key);
  if (!current) return null;
  await saveDraft(change(current));
  return cache.get(key) ?? null;
}

export async function deleteDraft(draft: Draft): Promise<void> {
  const key = draftKey(draft.userId, draft.assignmentId);
  cache.set(key, null);
  listeners.get(key)?.forEach((listener) => listener(null));
  const localIds = Object.values(draft.evidence).flatMap((items) => items.map((item) => item.localId));
  const write = writes.then(async () => {
    await del(key, db());
    for (const localId of localIds) await del(blobKey(localId), db());
  });
  writes = write.catch(() => undefined);
  await write;
}

export function onDraftChange(userId: string, assignmentId: string, listener: (draft: Draft | null) => void): () => void {
  const key = draftKey(userId, assignmentId);
  if (!listeners.has(key)) listeners.set(key, new Set());
  listeners.get(key)!.add(listener);
  return () => listeners.get(key)!.delete(listener);
}

/** The assignments of this shopper with a draft waiting to be sent. */
export async function queuedDrafts(userId: string): Promise<Draft[]> {
  const prefix = `draft:${userId}:`;
  const found: Draft[] = [];
  for (const key of await keys<string>(db())) {
    if (typeof key !== 'string' || !key.startsWith(prefix)) continue;
    const draft = await loadDraft(userId, key.slice(prefix.length));
    if (draft?.outbox) found.push(draft);
  }
  return found;
}

export async function saveBlob(localId: string, blob: Blob): Promise<void> {
  // Kept as bytes: a File handle from a camera picker is not always readable after a restart.
  const bytes = await blob.arrayBuffer();
  await set(blobKey(localId), { bytes, type: blob.type }, db());
}

export async function loadBlob(localId: string): Promise<Blob | null> {
  const stored = await get<{ bytes: ArrayBuffer; type: string }>(blobKey(localId), db());
  return stored ? new Blob([stored.bytes], { type: stored.type }) : null;
}

export function deleteBlob(localId: string): Promise<void> {
  return del(blobKey(localId), db());
}
