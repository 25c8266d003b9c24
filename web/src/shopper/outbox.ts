// Sending what the shopper finished: evidence files first (each with its own Idempotency-Key), then the
// report with the draft's key. Offline or on a failing network it waits and retries with backoff, and at
// once when the phone is back online; a refusal (422, 409) goes back to the form with its problems.
import i18next from 'i18next';
import { useEffect, useSyncExternalStore } from 'react';
import type { Channel } from '@server/questionnaires/domain/definition';
import { queryClient } from '../shared/api/query-client';
import { ApiError } from '../shared/api/client';
import { isTransient, ProblemError, submitReport, uploadEvidence, type FormDefinition } from './api';
import { deleteBlob, loadBlob, loadDraft, queuedDrafts, saveDraft, updateDraft, type Draft, type EvidenceItem } from './draft-store';
import { submissionBody } from './form-model';

const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;

/** 1 s, 2 s, 4 s … up to 30 s, with some jitter so phones that come back together do not all retry at once. */
export function backoffDelay(attempts: number): number {
  const base = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

// ---- Upload progress, shown by the form (kept in memory: a reload starts the upload again, same key). ----
export interface UploadState {
  progress: number;
  uploading: boolean;
  error: string | null;
}
const uploads = new Map<string, UploadState>();
const uploadListeners = new Set<() => void>();
let uploadsVersion = 0;
function setUpload(localId: string, state: UploadState): void {
  uploads.set(localId, state);
  uploadsVersion += 1;
  uploadListeners.forEach((listener) => listener());
}
export function useUploadStates(): ReadonlyMap<string, UploadState> {
  useSyncExternalStore(
    (notify) => {
      uploadListeners.add(notify);
      return () => uploadListeners.delete(notify);
    },
    () => uploadsVersion,
  );
  return uploads;
}

const inFlight = new Map<string, Promise<EvidenceItem>>();
/** `rejected` of a file whose bytes are no longer on the phone (storage cleared): it must be added again. */
export const LOST_FILE = 'lost';

/**
 * Uploads one picked file (once at a time per file); resolves with the item carrying its evidence id.
 * A transient failure rejects (the caller retries); a refusal marks the item rejected.
 */
export function ensureUploaded(userId: string, assignmentId: string, questionKey: string, item: EvidenceItem): Promise<EvidenceItem> {
  if (item.evidenceId || item.rejected) return Promise.resolve(item);
  const running = inFlight.get(item.localId);
  if (running) return running;
  const work = (async () => {
    const blob = await loadBlob(item.localId);
    if (!blob) {
      const rejected = { ...item, rejected: LOST_FILE };
      await replaceItem(userId, assignmentId, questionKey, rejected);
      return rejected;
    }
    setUpload(item.localId, { progress: 0, uploading: true, error: null });
    try {
      const { promise } = uploadEvidence(assignmentId, blob, item.fileName, item.idempotencyKey, (progress) =>
        setUpload(item.localId, { progress, uploading: true, error: null }),
      );
      const stored = await promise;
      const done = { ...item, evidenceId: stored.id };
      await replaceItem(userId, assignmentId, questionKey, done);
      setUpload(item.localId, { progress: 1, uploading: false, error: null });
      await deleteBlob(item.localId).catch(() => undefined);
      void queryClient.invalidateQueries({ queryKey: ['shopper', 'evidence', assignmentId] });
      return done;
    } catch (error) {
      if (isTransient(error)) {
        setUpload(item.localId, { progress: 0, uploading: false, error: 'network' });
        throw error;
      }
      const message = error instanceof ApiError ? error.message : String(error);
      const rejected = { ...item, rejected: message };
      await replaceItem(userId, assignmentId, questionKey, rejected);
      setUpload(item.localId, { progress: 0, uploading: false, error: message });
      return rejected;
    }
  })().finally(() => inFlight.delete(item.localId));
  inFlight.set(item.localId, work);
  return work;
}

async function replaceItem(userId: string, assignmentId: string, questionKey: string, item: EvidenceItem): Promise<void> {
  await updateDraft(userId, assignmentId, (draft) => ({
    ...draft,
    evidence: {
      ...draft.evidence,
      [questionKey]: (draft.evidence[questionKey] ?? []).map((existing) => (existing.localId === item.localId ? item : existing)),
    },
  }));
}

/** Uploads every picked file of the draft not yet stored; rejects on the first transient failure. */
export async function uploadAll(draft: Draft): Promise<void> {
  for (const [questionKey, items] of Object.entries(draft.evidence)) {
    for (const item of items) await ensureUploaded(draft.userId, draft.assignmentId, questionKey, item);
  }
}

// ---- The report ----
/** What the outbox needs to build a body: the definition and channel of each queued assignment. */
const forms = new Map<string, { definition: FormDefinition; channel: Channel }>();
const FORMS_KEY = 'incognito.shopper.forms';

/** Remembered on the device too, so a reload while offline can still build the body. */
export function rememberForm(assignmentId: string, definition: FormDefinition, channel: Channel): void {
  forms.set(assignmentId, { definition, channel });
  try {
    const stored = JSON.parse(localStorage.getItem(FORMS_KEY) ?? '{}') as Record<string, unknown>;
    stored[assignmentId] = { definition, channel };
    localStorage.setItem(FORMS_KEY, JSON.stringify(stored));
  } catch {
    /* full or unavailable storage: the form is fetched again when online */
  }
}
function formOf(assignmentId: string): { definition: FormDefinition; channel: Channel } | undefined {
  if (forms.has(assignmentId)) return forms.get(assignmentId);
  try {
    const stored = JSON.parse(localStorage.getItem(FORMS_KEY) ?? '{}') as Record<string, { definition: FormDefinition; channel: Channel }>;
    return stored[assignmentId];
  } catch {
    return undefined;
  }
}
function forgetForm(assignmentId: string): void {
  forms.delete(assignmentId);
  try {
    const stored = JSON.parse(localStorage.getItem(FORMS_KEY) ?? '{}') as Record<string, unknown>;
    delete stored[assignmentId];
    localStorage.setItem(FORMS_KEY, JSON.stringify(stored));
  } catch {
    /* nothing to forget */
  }
}

/** The shopper pressed "send": the form freezes and the outbox takes over. */
export async function queueDraft(draft: Draft): Promise<void> {
  await saveDraft({ ...draft, outbox: { queuedAt: Date.now(), attempts: 0, nextAttemptAt: Date.now() }, refusal: null });
  kick();
}

const sending = new Set<string>();
const timers = new Map<string, number>();

/** One attempt at sending one queued draft; schedules the next on a transient failure. */
async function attempt(userId: string, assignmentId: string): Promise<void> {
  // Taken before any await: two kicks at once (the send button, the page remembering its form) send once.
  if (sending.has(assignmentId)) return;
  sending.add(assignmentId);
  try {
    const draft = await loadDraft(userId, assignmentId);
    if (!draft?.outbox || draft.sent) return;
    if (!navigator.onLine) return; // the 'online' event brings us back
    const form = formOf(assignmentId);
    if (!form) return; // the form page remembers it when it opens
    await uploadAll(draft);
    let current = (await loadDraft(userId, assignmentId))!;
    const rejectedFile = Object.values(current.evidence)
      .flat()
      .find((item) => item.rejected);
    if (rejectedFile) {
      const reason = rejectedFile.rejected === LOST_FILE ? i18next.t('shopper.evidence.lost') : rejectedFile.rejected!;
      await saveDraft({ ...current, outbox: null, refusal: { message: `${rejectedFile.fileName}: ${reason}`, code: null, problems: [] } });
      return;
    }
    if (!current.outbox!.body) {
      current = { ...current, outbox: { ...current.outbox!, body: submissionBody(current, form.definition, form.channel) } };
      await saveDraft(current);
    }
    const result = await submitReport(assignmentId, current.idempotencyKey, current.outbox!.body!);
    await saveDraft({ ...current, outbox: null, refusal: null, sent: result });
    forgetForm(assignmentId);
    void queryClient.invalidateQueries({ queryKey: ['shopper'] });
  } catch (error) {
    const current = await loadDraft(userId, assignmentId);
    if (!current?.outbox) return;
    if (isTransient(error)) {
      const attempts = current.outbox.attempts + 1;
      const delay = backoffDelay(attempts);
      const message = error instanceof ApiError ? error.message : 'network';
      await saveDraft({ ...current, outbox: { ...current.outbox, attempts, nextAttemptAt: Date.now() + delay, lastError: message } });
      schedule(userId, assignmentId, delay);
    } else {
      const problem = error instanceof ProblemError ? error : null;
      await saveDraft({
        ...current,
        outbox: null,
        refusal: {
          message: error instanceof ApiError ? error.message : String(error),
          code: problem?.code ?? null,
          problems: problem?.details ?? [],
        },
      });
    }
  } finally {
    sending.delete(assignmentId);
  }
}

function schedule(userId: string, assignmentId: string, delay: number): void {
  window.clearTimeout(timers.get(assignmentId));
  timers.set(
    assignmentId,
    window.setTimeout(() => void attempt(userId, assignmentId), delay),
  );
}

let activeUser: string | null = null;

/** Tries every queued draft of the signed-in shopper now. */
export function kick(): void {
  const userId = activeUser;
  if (!userId) return;
  void queuedDrafts(userId).then((drafts) => {
    for (const draft of drafts) {
      window.clearTimeout(timers.get(draft.assignmentId));
      void attempt(userId, draft.assignmentId);
    }
  });
}

/** Runs the outbox while a shopper's page is open: at once, whenever the phone comes back online, and on a timer. */
export function useOutbox(userId: string | undefined): void {
  useEffect(() => {
    if (!userId) return;
    activeUser = userId;
    kick();
    const onOnline = () => kick();
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('online', onOnline);
      if (activeUser === userId) activeUser = null;
      timers.forEach((timer) => window.clearTimeout(timer));
      timers.clear();
    };
  }, [userId]);
}
