// Channel, region, touchpoint, scenario and dates; every change goes to the URL.
import { Button, Group, Paper, Select, SimpleGrid, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTouchpoints, type Campaign, type DashboardFilters } from '../../shared/api/queries';
import { useReportLabels } from '../../shared/i18n';
import { channelName } from '@server/exports/i18n';

export function FilterBar({
  campaign,
  filters,
  onChange,
}: {
  campaign: Campaign;
  filters: DashboardFilters;
  onChange: (next: DashboardFilters) => void;
}) {
  const { t } = useTranslation();
  const labels = useReportLabels();
  const touchpoints = useTouchpoints(campaign.clientId);
  const inCampaign = new Set(campaign.touchpointIds);
  const available = (touchpoints.data ?? []).filter((touchpoint) => inCampaign.has(touchpoint.id));
  const distinct = (values: string[]) => [...new Set(values)].sort((a, b) => a.localeCompare(b));
  const channels = distinct(available.map((touchpoint) => touchpoint.channel));
  const regions = distinct(available.map((touchpoint) => touchpoint.region));
  const visibleTouchpoints = available
    .filter(
      (touchpoint) =>
        (!filters.channel || touchpoint.channel === filters.channel) && (!filters.region || touchpoint.region === filters.region),
    )
    .sort((a, b) => a.name.localeCompare(b.name));
  const set = (key: keyof DashboardFilters) => (value: string | null) => onChange({ ...filters, [key]: value || undefined });
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
      <SimpleGrid cols={{ base: 2, md: 3, lg: 6 }} spacing="sm">
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
        <Select
          label={t('dashboard.touchpoint')}
          placeholder={t('common.all')}
          data={visibleTouchpoints.map((touchpoint) => ({ value: touchpoint.id, label: touchpoint.name }))}
          value={filters.touchpointId ?? null}
          onChange={set('touchpointId')}
          clearable
          searchable
          data-testid="filter-touchpoint"
        />
        <Select
          label={t('dashboard.scenario')}
          placeholder={t('common.all')}
          data={campaign.scenarios.map((scenario) => ({ value: scenario.key, label: scenario.title }))}
          value={filters.scenario ?? null}
          onChange={set('scenario')}
          clearable
          data-testid="filter-scenario"
        />
        <TextInput
          type="date"
          label={t('dashboard.from')}
          value={filters.from ?? ''}
          min={campaign.startsOn}
          max={filters.to ?? campaign.endsOn}
          onChange={(event) => set('from')(event.currentTarget.value)}
          data-testid="filter-from"
        />
        <TextInput
          type="date"
          label={t('dashboard.to')}
          value={filters.to ?? ''}
          min={filters.from ?? campaign.startsOn}
          max={campaign.endsOn}
          onChange={(event) => set('to')(event.currentTarget.value)}
          data-testid="filter-to"
        />
      </SimpleGrid>
    </Paper>
  );
}
