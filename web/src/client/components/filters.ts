import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { FILTER_KEYS, type DashboardFilters } from '../../shared/api/queries';

export function filtersOf(params: URLSearchParams): DashboardFilters {
  const result: DashboardFilters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) result[key] = value;
  }
  return result;
}

/** The dashboard's filters as they are in the URL (so a view can be bookmarked and shared). */
export function useUrlFilters(): [DashboardFilters, (next: DashboardFilters) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersOf(params), [params]);
  const setFilters = (next: DashboardFilters) => {
    const updated = new URLSearchParams(params);
    for (const key of FILTER_KEYS) {
      const value = next[key];
      if (value) updated.set(key, value);
      else updated.delete(key);
    }
    updated.delete('page'); // a new selection starts at its first page
    setParams(updated);
  };
  return [filters, setFilters];
}

/** The filters as a query string for links and downloads ("channel=phone&from=2026-03-01"). */
export function filterQuery(filters: DashboardFilters): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filters[key]) params.set(key, filters[key]!);
  return params.toString();
}
