// The shopper's side of the API: the job board, their assignments, the visit form's questionnaire, the
// returned report, claiming, submitting (with the draft's Idempotency-Key) and uploading evidence with
// upload progress (XMLHttpRequest: fetch has no upload progress).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, retryAfterSeconds } from '../shared/api/client';
import type { components } from '../shared/api/schema';
import { endSession, readSession } from '../shared/auth/session';
import type { QuestionnaireDefinition } from '@server/questionnaires/domain/definition';

type Schemas = components['schemas'];
export type Assignment = Schemas['AssignmentView'];
export type AssignmentStatus = Assignment['status'];
export type EvidenceFile = Schemas['EvidenceView'];
export type SubmitBody = Schemas['SubmitReportDto'];
export type SubmissionResult = Schemas['SubmissionView'];
export type ReturnedReport = Schemas['ReportView'];

/** One `{field, reason}` of an error body: for a report's answers, `field` is the question key. */
export interface Problem {
  field: string;
  reason: string;
}

/** An API refusal with what the body says: the rule's `code` (docs/errors.md) and the `details`. */
export class ProblemError extends ApiError {
  constructor(
    status: number,
    message: string,
    readonly code: string | null,
    readonly details: Problem[],
    retryAfter: number | null = null,
  ) {
    super(status, message, retryAfter);
  }
}

function problemFrom(status: number, body: unknown, fallback: string, retryAfter: number | null): ProblemError {
  const value = (body ?? {}) as { message?: unknown; code?: unknown; details?: unknown };
  const message = typeof value.message === 'string' ? value.message : fallback;
  const code = typeof value.code === 'string' ? value.code : null;
  const details = Array.isArray(value.details)
    ? value.details.filter((item): item is Problem => typeof item?.field === 'string' && typeof item?.reason === 'string')
    : [];
  return new ProblemError(status, message, code, details, retryAfter);
}

/** The data of an openapi-fetch result, or a ProblemError with the body's code and details. */
function unwrapProblem<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok) return result.data as T;
  throw problemFrom(result.response.status, result.error, result.response.statusText, retryAfterSeconds(result.response));
}

/** The questionnaire definition as the visit form reads it (the API's normalised view: every default filled in). */
export type FormDefinition = QuestionnaireDefinition & { id: string };

export function useJobBoard() {
  return useQuery({
    queryKey: ['shopper', 'board'],
    queryFn: async () => unwrapProblem(await api.GET('/assignments', { params: { query: { status: 'open', limit: 200 } } })),
    staleTime: 15_000,
  });
}

export function useMyAssignments() {
  return useQuery({
    queryKey: ['shopper', 'mine'],
    queryFn: async () => unwrapProblem(await api.GET('/assignments', { params: { query: { limit: 500 } } })),
    staleTime: 15_000,
  });
}

export function useAssignment(id: string) {
  return useQuery({
    queryKey: ['shopper', 'assignment', id],
    queryFn: async () => unwrapProblem(await api.GET('/assignments/{id}', { params: { path: { id } } })),
    // Kept for the offline form: a reload without network still shows it from the last answer.
    staleTime: 15_000,
  });
}

export function useFormDefinition(assignmentId: string) {
  return useQuery({
    queryKey: ['shopper', 'questionnaire', assignmentId],
    queryFn: async () => {
      const view = unwrapProblem(await api.GET('/assignments/{id}/questionnaire', { params: { path: { id: assignmentId } } }));
      return view as unknown as FormDefinition; // the view carries the definition's sections, normalised
    },
    staleTime: Infinity,
  });
}

/** The report as it was sent (for a returned visit: the reviewer's comment and the answers to correct). */
export function useReport(reportId: string | null | undefined) {
  return useQuery({
    queryKey: ['shopper', 'report', reportId],
    queryFn: async () => unwrapProblem(await api.GET('/visit-reports/{id}', { params: { path: { id: reportId! } } })),
    enabled: Boolean(reportId),
  });
}

export function useAssignmentEvidence(assignmentId: string, enabled = true) {
  return useQuery({
    queryKey: ['shopper', 'evidence', assignmentId],
    queryFn: async () => unwrapProblem(await api.GET('/assignments/{id}/evidence', { params: { path: { id: assignmentId } } })),
    enabled,
  });
}

export type Statement = Schemas['StatementView'];

/** How far back "my visits" looks for fees: the API takes periods of up to ten years. */
const STATEMENT_YEARS = 8;

/**
 * The shopper's fee ledger (`GET /shoppers/:id/statement`): what each approved visit earned (the visit
 * fee plus any channel bonus, in cents) and the consultancy's currency.
 */
export function useStatement(shopperId: string | undefined) {
  return useQuery({
    queryKey: ['shopper', 'statement', shopperId],
    queryFn: async () => {
      const from = new Date(Date.now() - STATEMENT_YEARS * 365 * 24 * 3600_000).toISOString().slice(0, 10);
      return unwrapProblem(await api.GET('/shoppers/{id}/statement', { params: { path: { id: shopperId! }, query: { from } } }));
    },
    enabled: Boolean(shopperId),
    staleTime: 60_000,
  });
}

export function useClaim() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => unwrapProblem(await api.POST('/assignments/{id}/claim', { params: { path: { id } } })),
    // Only a success changes the board; after a refusal the job stays on screen with the reason.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['shopper'] }),
  });
}

/** POST /assignments/:id/report with the draft's Idempotency-Key: a retry of the same body is stored once. */
export async function submitReport(assignmentId: string, idempotencyKey: string, body: SubmitBody): Promise<SubmissionResult> {
  return unwrapProblem(
    await api.POST('/assignments/{id}/report', {
      params: { path: { id: assignmentId }, header: { 'Idempotency-Key': idempotencyKey } },
      body,
    }),
  );
}

/** A failure worth retrying later (no network, the server busy or failing), as opposed to a refusal. */
export function isTransient(error: unknown): boolean {
  if (error instanceof ProblemError && error.code === 'CONCURRENT_CHANGE') return true; // "try again", says docs/errors.md
  // 401: the session ended; the work waits on the phone until the shopper signs in again.
  if (error instanceof ApiError) return error.status >= 500 || error.status === 408 || error.status === 429 || error.status === 401;
  return true; // a TypeError from fetch, an aborted XHR: the network
}

/**
 * Uploads one evidence file to the assignment, reporting progress (0..1). Retry-safe: the same
 * Idempotency-Key and file give back the stored file, so an upload cut off halfway can be sent again.
 */
export function uploadEvidence(
  assignmentId: string,
  file: Blob,
  fileName: string,
  idempotencyKey: string,
  onProgress: (fraction: number) => void,
): { promise: Promise<EvidenceFile>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<EvidenceFile>((resolve, reject) => {
    xhr.open('POST', `/assignments/${encodeURIComponent(assignmentId)}/evidence`);
    const session = readSession();
    if (session) xhr.setRequestHeader('Authorization', `Bearer ${session.accessToken}`);
    xhr.setRequestHeader('Idempotency-Key', idempotencyKey);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status === 201 || xhr.status === 200) {
        onProgress(1);
        resolve(xhr.response as EvidenceFile);
        return;
      }
      if (xhr.status === 401 && session) endSession('expired');
      const retryHeader = xhr.getResponseHeader('Retry-After');
      reject(problemFrom(xhr.status, xhr.response, xhr.statusText, retryHeader && /^\d+$/.test(retryHeader) ? Number(retryHeader) : null));
    };
    xhr.onerror = () => reject(new TypeError('network error'));
    xhr.onabort = () => reject(new TypeError('upload aborted'));
    xhr.ontimeout = () => reject(new TypeError('upload timed out'));
    const form = new FormData();
    form.append('file', file, fileName);
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
