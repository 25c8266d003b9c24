// One query hook per resource (TanStack Query), each over the typed client.
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import type { components } from './schema';

type Schemas = components['schemas'];

export type CampaignListItem = Schemas['CampaignListItemView'];
export type Campaign = Schemas['CampaignView'];
export type Client = Schemas['ClientView'];
export type Touchpoint = Schemas['TouchpointView'];
export type Report = Schemas['ReportView'];
export type Appeal = Schemas['AppealView'];
export type Evidence = Schemas['EvidenceView'];
export type KpiModel = Schemas['KpiModel'];

/** The dashboard's filters, as they appear in the URL and in the API's query. */
export interface DashboardFilters {
  channel?: string;
  region?: string;
  touchpointId?: string;
  scenario?: string;
  from?: string;
  to?: string;
}
export const FILTER_KEYS = ['channel', 'region', 'touchpointId', 'scenario', 'from', 'to'] as const;

export type VisitListItem = Schemas['CampaignVisitView'];
export interface VisitListQuery extends DashboardFilters {
  limit: number;
  offset: number;
  sort: 'visitedAt' | 'score' | 'touchpoint';
  order: 'asc' | 'desc';
}

export function useClients(enabled = true) {
  return useQuery({
    queryKey: ['clients'],
    queryFn: async () => unwrap(await api.GET('/clients')),
    enabled,
  });
}

export function useCampaigns(clientId: string | undefined) {
  return useQuery({
    queryKey: ['campaigns', clientId ?? 'own'],
    queryFn: async () => unwrap(await api.GET('/campaigns', { params: { query: { clientId, limit: 500 } } })),
  });
}

export const campaignQuery = (id: string) =>
  queryOptions({
    queryKey: ['campaign', id],
    queryFn: async () => unwrap(await api.GET('/campaigns/{id}', { params: { path: { id } } })),
    enabled: Boolean(id),
  });

export function useCampaign(id: string) {
  return useQuery(campaignQuery(id));
}

export function useTouchpoints(clientId: string | undefined) {
  return useQuery({
    queryKey: ['touchpoints', clientId],
    queryFn: async () => unwrap(await api.GET('/clients/{clientId}/touchpoints', { params: { path: { clientId: clientId! } } })),
    enabled: Boolean(clientId),
  });
}

export const kpisQuery = (campaignId: string, filters: DashboardFilters) =>
  queryOptions({
    queryKey: ['kpis', campaignId, filters],
    queryFn: async () => unwrap(await api.GET('/campaigns/{id}/kpis', { params: { path: { id: campaignId }, query: filters as never } })),
    placeholderData: keepPreviousData,
    enabled: Boolean(campaignId),
  });

export function useKpis(campaignId: string, filters: DashboardFilters) {
  return useQuery(kpisQuery(campaignId, filters));
}

export function useVisits(campaignId: string, query: VisitListQuery) {
  return useQuery({
    queryKey: ['visits', campaignId, query],
    queryFn: async () => unwrap(await api.GET('/campaigns/{id}/visits', { params: { path: { id: campaignId }, query: query as never } })),
    placeholderData: keepPreviousData,
  });
}

export function useVisit(id: string) {
  return useQuery({
    queryKey: ['visit', id],
    queryFn: async () => unwrap(await api.GET('/visit-reports/{id}', { params: { path: { id } } })),
  });
}

export function useEvidence(visitId: string) {
  return useQuery({
    queryKey: ['evidence', visitId],
    queryFn: async () => unwrap(await api.GET('/visit-reports/{id}/evidence', { params: { path: { id: visitId } } })),
  });
}

/** The appeals the user may read (a client user: its own client's). */
export function useAppeals(enabled = true) {
  return useQuery({
    queryKey: ['appeals'],
    queryFn: async () => unwrap(await api.GET('/appeals', { params: { query: { limit: 500 } } })),
    enabled,
  });
}

export function useFileAppeal(visitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { reason: string; questionKey?: string }) =>
      unwrap(await api.POST('/visit-reports/{id}/appeals', { params: { path: { id: visitId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['appeals'] }),
  });
}

// Omnichannel programs (docs/programs.md): a client's waves across channels, and its action plan.
export type Program = Schemas['ProgramResponse'];
export type ProgramWave = Schemas['WaveResponse'];
export type ProgramModel = Schemas['ProgramModelResponse'];
export type ProgramAction = Schemas['ActionResponse'];
export type NewProgramAction = Schemas['CreateActionDto'];
export type ActionState = ProgramAction['state'];
/** The program model's filters, as they appear in the URL and in the API's query. */
export type ProgramFilters = Pick<DashboardFilters, 'channel' | 'region' | 'from' | 'to'>;
export const PROGRAM_FILTER_KEYS = ['channel', 'region', 'from', 'to'] as const;

export function usePrograms(clientId: string | undefined) {
  return useQuery({
    queryKey: ['programs', clientId ?? 'own'],
    queryFn: async () => unwrap(await api.GET('/programs', { params: { query: { clientId, limit: 500 } } })),
  });
}

export function useProgram(id: string) {
  return useQuery({
    queryKey: ['program', id],
    queryFn: async () => unwrap(await api.GET('/programs/{id}', { params: { path: { id } } })),
    enabled: Boolean(id),
  });
}

export function useProgramWaves(programId: string) {
  return useQuery({
    queryKey: ['program-waves', programId],
    queryFn: async () => unwrap(await api.GET('/programs/{id}/waves', { params: { path: { id: programId } } })),
    enabled: Boolean(programId),
  });
}

export function useProgramKpis(programId: string, waveId: string, filters: ProgramFilters) {
  return useQuery({
    queryKey: ['program-kpis', programId, waveId, filters],
    queryFn: async () =>
      unwrap(
        await api.GET('/programs/{id}/waves/{waveId}/kpis', {
          params: { path: { id: programId, waveId }, query: filters as never },
        }),
      ),
    placeholderData: keepPreviousData,
    enabled: Boolean(programId && waveId),
  });
}

/** Adds an action-plan item; the models that list it (this wave's plan, the next wave's results) are read again. */
export function useCreateProgramAction(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewProgramAction) =>
      unwrap(await api.POST('/programs/{id}/actions', { params: { path: { id: programId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['program-kpis', programId] }),
  });
}

export function useUpdateProgramAction(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ actionId, state }: { actionId: string; state: ActionState }) =>
      unwrap(await api.PATCH('/programs/{id}/actions/{actionId}', { params: { path: { id: programId, actionId } }, body: { state } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['program-kpis', programId] }),
  });
}
