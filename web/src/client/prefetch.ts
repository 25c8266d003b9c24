// Route loaders of the client portal: the dashboard's data is requested as soon as the route matches, in
// parallel with the download of the page's code instead of after it.
import type { LoaderFunctionArgs } from 'react-router';
import { queryClient } from '../shared/api/query-client';
import { campaignQuery, kpisQuery } from '../shared/api/queries';
import { readSession } from '../shared/auth/session';
import { filtersOf } from './components/filters';

export function prefetchDashboard({ params, request }: LoaderFunctionArgs): null {
  const campaignId = params.campaignId;
  // Signed out: RequireAuth sends the user to sign-in; a request now would only earn a 401.
  if (!campaignId || !readSession()) return null;
  void queryClient.prefetchQuery(campaignQuery(campaignId));
  void queryClient.prefetchQuery(kpisQuery(campaignId, filtersOf(new URL(request.url).searchParams)));
  return null;
}
