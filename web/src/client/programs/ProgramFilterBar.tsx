// Channel, region and dates of a program wave; every change goes to the URL, like the dashboard's filters.
import { Button, Group, Paper, Select, SimpleGrid, TextInput, Title } from '@mantine/core';
import { channelName } from '@server/exports/i18n';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PROGRAM_FILTER_KEYS, useTouchpoints, type ProgramFilters } from '../../shared/api/queries';
import { useReportLabels } from '../../shared/i18n';

/** The program filters as they are in the URL (a view can be bookmarked and shared). */
export function useProgramFilters(): [ProgramFilters, (next: ProgramFilters) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => {
    const result: ProgramFilters = {};
    for (const key of PROGRAM_FILTER_KEYS) {
      const value = params.get(key);
      if (value) result[key] = value;
    }
    return result;
  }, [params]);
  const setFilters = (next: ProgramFilters) => {
    const updated = new URLSearchParams(params);
    for (const key of PROGRAM_FILTER_KEYS) {
      const value = next[key];
      if (value) updated.set(key, value);
      else updated.delete(key);
    }
    setParams(updated);
  };
  return [filters, setFilters];
}

export function ProgramFilterBar({
  clientId,
  filters,
  onChange,
}: {
  clientId: string;
  filters: ProgramFilters;
  onChange: (next: ProgramFilters) => void;
}) {
  const { t } = useTranslation();
  const labels = useReportLabels();
  // The client's touchpoints name its channels and regions (a wave's campaigns are all the client's).
  const touchpoints = useTouchpoints(clientId);
  const distinct = (values: string[]) => [...new Set(values)].sort((a, b) => a.localeCompare(b));
  const channels = distinct((touchpoints.data ?? []).map((touchpoint) => touchpoint.channel));
  const regions = distinct(
    (touchpoints.data ?? [])
      .filter((touchpoint) => !filters.channel || touchpoint.channel === filters.channel)
      .map((touchpoint) => touchpoint.region),
  );
  const set = (key: keyof ProgramFilters) => (value: string | null) => onChange({ ...filters, [key]: value || undefined });
  const any = Object.values(filters).some(Boolean);

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="filters-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5" id="filters-title">
          {t('dashboard.filters')}
        </Title>
        {any && (
          <Button size="compact-sm" variant="subtle" onClick={() => onChange({})}>
            {t('dashboard.clearFilters')}
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <Select
          label={t('dashboard.channel')}
          placeholder={t('common.all')}
          data={channels.map((channel) => ({ value: channel, label: channelName(labels, channel) }))}
          value={filters.channel ?? null}
          onChange={set('channel')}
          clearable
          data-testid="filter-channel"
        />
        <Select
          label={t('dashboard.region')}
          placeholder={t('common.all')}
          data={regions}
          value={filters.region ?? null}
          onChange={set('region')}
          clearable
          data-testid="filter-region"
        />
        <TextInput
          type="date"
          label={t('dashboard.from')}
          value={filters.from ?? ''}
          max={filters.to}
          onChange={(event) => set('from')(event.currentTarget.value)}
          data-testid="filter-from"
        />
        <TextInput
          type="date"
          label={t('dashboard.to')}
          value={filters.to ?? ''}
          min={filters.from}
          onChange={(event) => set('to')(event.currentTarget.value)}
          data-testid="filter-to"
        />
      </SimpleGrid>
    </Paper>
  );
}
