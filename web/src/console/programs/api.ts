// The console's program queries and mutations. Reads reuse the portal's hooks (same query keys, so the
// portal's wave page is fresh after a change here); writes keep the API's 422 details for the fields.
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import type { components } from '../../shared/api/schema';
import { unwrapDetailed } from '../api';

type Schemas = components['schemas'];
export type MeasureBody = Schemas['MeasureDto'];
export type ProgramBody = Schemas['CreateProgramDto'];
export type WaveBody = Schemas['CreateWaveDto'];

export function useClientCampaigns(clientId: string | null | undefined) {
  return useQuery({
    queryKey: ['console', 'campaigns', 'client', clientId],
    queryFn: async () => unwrapDetailed(await api.GET('/campaigns', { params: { query: { clientId: clientId!, limit: 500 } } })),
    enabled: Boolean(clientId),
  });
}

/** The questionnaires of the given ids (each read once, shared with the console's other pages). */
export function useQuestionnairesById(ids: string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: ['console', 'questionnaire', id],
      queryFn: async () => unwrapDetailed(await api.GET('/questionnaires/{id}', { params: { path: { id } } })),
      staleTime: 60_000,
    })),
  });
}

export function useCreateProgram() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ProgramBody) => unwrapDetailed(await api.POST('/programs', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['programs'] }),
  });
}

export function useUpdateProgram(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { name: string; measures: MeasureBody[] }) =>
      unwrapDetailed(await api.PATCH('/programs/{id}', { params: { path: { id } }, body })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['programs'] }),
        queryClient.invalidateQueries({ queryKey: ['program', id] }),
        queryClient.invalidateQueries({ queryKey: ['program-kpis', id] }),
      ]),
  });
}

export function useCreateWave(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: WaveBody) =>
      unwrapDetailed(await api.POST('/programs/{id}/waves', { params: { path: { id: programId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['program-waves', programId] }),
  });
}
