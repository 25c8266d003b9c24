// The console's queries and mutations (TanStack Query over the typed client). Errors keep the server's
// `code` and `details` so a page can say which rule broke and put each problem next to its field.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../shared/api/client';
import type { components } from '../shared/api/schema';

type Schemas = components['schemas'];
export type ReportListItem = Schemas['ReportListItem'];
export type ReportView = Schemas['ReportView'];
export type AnswerView = Schemas['AnswerView'];
export type AnswerInput = Schemas['AnswerDto'];
export type AuditEntry = Schemas['AuditEntryView'];
export type AlertView = Schemas['AlertView'];
export type Questionnaire = Schemas['QuestionnaireView'];
export type QuestionnaireSummary = Schemas['QuestionnaireSummaryView'];
export type QuestionnaireBody = Schemas['QuestionnaireBodyDto'];
export type SectionBody = Schemas['SectionDto'];
export type QuestionBody = Schemas['QuestionDto'];
export type Template = Schemas['TemplateView'];
export type ErrorDetail = Schemas['ErrorDetailView'];
export type ChannelName = Schemas['ReportTouchpointView']['channel'];

/** An API error with what the console needs from its body: the broken rule's code and per-field details. */
export class ConsoleApiError extends ApiError {
  constructor(
    status: number,
    message: string,
    readonly code: string | undefined,
    readonly details: ErrorDetail[],
  ) {
    super(status, message);
  }
}

/** The data of an openapi-fetch result, or a ConsoleApiError carrying the server's message, code and details. */
export function unwrapDetailed<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok) return result.data as T;
  const body = (result.error ?? {}) as { message?: unknown; code?: unknown; details?: unknown };
  const message = typeof body.message === 'string' ? body.message : result.response.statusText;
  const error = new ConsoleApiError(
    result.response.status,
    message,
    typeof body.code === 'string' ? body.code : undefined,
    Array.isArray(body.details) ? (body.details as ErrorDetail[]) : [],
  );
  throw error;
}

// ---------------------------------------------------------------- review

export function useReviewQueue() {
  return useQuery({
    queryKey: ['console', 'queue'],
    queryFn: async () => unwrapDetailed(await api.GET('/visit-reports', { params: { query: { status: 'submitted', limit: 500 } } })),
  });
}

export function useReport(id: string) {
  return useQuery({
    queryKey: ['console', 'report', id],
    queryFn: async () => unwrapDetailed(await api.GET('/visit-reports/{id}', { params: { path: { id } } })),
  });
}

export function useAudit(id: string) {
  return useQuery({
    queryKey: ['console', 'audit', id],
    queryFn: async () => unwrapDetailed(await api.GET('/visit-reports/{id}/audit', { params: { path: { id } } })),
  });
}

export function useAlerts() {
  return useQuery({
    queryKey: ['console', 'alerts'],
    queryFn: async () => unwrapDetailed(await api.GET('/alerts', { params: { query: { limit: 500 } } })),
  });
}

export function useReportEvidence(id: string) {
  return useQuery({
    queryKey: ['console', 'evidence', id],
    queryFn: async () => unwrapDetailed(await api.GET('/visit-reports/{id}/evidence', { params: { path: { id } } })),
  });
}

export function useQuestionnaire(id: string | undefined) {
  return useQuery({
    queryKey: ['console', 'questionnaire', id],
    queryFn: async () => unwrapDetailed(await api.GET('/questionnaires/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
    staleTime: 60_000,
  });
}

/** After a review action the queue, the report and its audit trail are stale. */
function useReviewInvalidation() {
  const queryClient = useQueryClient();
  return (id: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['console', 'queue'] }),
      queryClient.invalidateQueries({ queryKey: ['console', 'report', id] }),
      queryClient.invalidateQueries({ queryKey: ['console', 'audit', id] }),
    ]);
}

export function useApprove() {
  const invalidate = useReviewInvalidation();
  return useMutation({
    mutationFn: async (id: string) => unwrapDetailed(await api.POST('/visit-reports/{id}/approve', { params: { path: { id } } })),
    onSuccess: (_data, id) => invalidate(id),
  });
}

export function useReturn() {
  const invalidate = useReviewInvalidation();
  return useMutation({
    mutationFn: async ({ id, comment }: { id: string; comment: string }) =>
      unwrapDetailed(await api.POST('/visit-reports/{id}/return', { params: { path: { id } }, body: { comment } })),
    onSuccess: (_data, { id }) => invalidate(id),
  });
}

export function useEditAnswers() {
  const invalidate = useReviewInvalidation();
  return useMutation({
    mutationFn: async ({ id, ...body }: { id: string; version: number; reason: string; answers: AnswerInput[] }) =>
      unwrapDetailed(await api.PATCH('/visit-reports/{id}', { params: { path: { id } }, body })),
    onSuccess: (_data, { id }) => invalidate(id),
  });
}

// ---------------------------------------------------------------- questionnaires

export function useQuestionnaires() {
  return useQuery({
    queryKey: ['console', 'questionnaires'],
    queryFn: async () => unwrapDetailed(await api.GET('/questionnaires', { params: { query: { limit: 500 } } })),
  });
}

export function useTemplates() {
  return useQuery({
    queryKey: ['console', 'templates'],
    queryFn: async () => unwrapDetailed(await api.GET('/questionnaire-templates')),
    staleTime: Infinity,
  });
}

// ---------------------------------------------------------------- campaigns and field work

export type Campaign = Schemas['CampaignView'];
export type CampaignBody = Schemas['CreateCampaignDto'];
export type Assignment = Schemas['AssignmentView'];
export type User = Schemas['UserView'];

export function useConsoleCampaigns() {
  return useQuery({
    queryKey: ['console', 'campaigns'],
    queryFn: async () => unwrapDetailed(await api.GET('/campaigns', { params: { query: { limit: 500 } } })),
  });
}

export function useConsoleCampaign(id: string | undefined) {
  return useQuery({
    queryKey: ['console', 'campaign', id],
    queryFn: async () => unwrapDetailed(await api.GET('/campaigns/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
}

export function useAssignments(campaignId: string | undefined) {
  return useQuery({
    queryKey: ['console', 'assignments', campaignId],
    queryFn: async () => unwrapDetailed(await api.GET('/assignments', { params: { query: { campaignId, limit: 500 } } })),
    enabled: Boolean(campaignId),
  });
}

export function useUsers(role: 'shopper' | 'consultant' | 'client' | 'admin') {
  return useQuery({
    queryKey: ['console', 'users', role],
    queryFn: async () => unwrapDetailed(await api.GET('/users', { params: { query: { role, limit: 500 } } })),
  });
}

export function useConsoleClients() {
  return useQuery({
    queryKey: ['console', 'clients'],
    queryFn: async () => unwrapDetailed(await api.GET('/clients')),
  });
}

export function useClientTouchpoints(clientId: string | null | undefined) {
  return useQuery({
    queryKey: ['console', 'touchpoints', clientId],
    queryFn: async () => unwrapDetailed(await api.GET('/clients/{clientId}/touchpoints', { params: { path: { clientId: clientId! } } })),
    enabled: Boolean(clientId),
  });
}
