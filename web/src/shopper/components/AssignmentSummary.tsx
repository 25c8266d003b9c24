// What a shopper needs to know about a visit at a glance: where, which channel, when, the scenario.
import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/format/format';
import { useReportLabels } from '../../shared/i18n';
import type { Assignment } from '../api';

export function AssignmentSummary({ assignment, headingLevel = 3 }: { assignment: Assignment; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const labels = useReportLabels();
  const format = useFormat();
  const { touchpoint, scenario } = assignment;
  const place = [touchpoint.city, touchpoint.region].filter(Boolean).join(' · ');
  return (
    <Stack gap={4}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Title order={headingLevel} size="h4">
          {touchpoint.name}
        </Title>
        <Badge color="navy.7" style={{ flex: 'none' }}>
          {labels.channelNames[touchpoint.channel] ?? touchpoint.channel}
        </Badge>
      </Group>
      {place && (
        <Text size="sm" c="dimmed">
          {place}
        </Text>
      )}
      <Text size="sm">
        {t('shopper.form.window', { from: format.dateTime(assignment.windowStart), to: format.dateTime(assignment.windowEnd) })}
      </Text>
      {scenario && (
        <Text size="sm">
          <Text span fw={600}>
            {scenario.title}
          </Text>
          {scenario.brief ? ` — ${scenario.brief}` : ''}
        </Text>
      )}
    </Stack>
  );
}

/** The fee, only where one is set (the API gives the amount in the campaign's currency, which it does not name). */
export function useFee(): (fee: number) => string | null {
  const format = useFormat();
  return (fee) => (fee > 0 ? format.decimal(fee, 2) : null);
}
