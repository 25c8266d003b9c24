// What a shopper needs to know about a visit at a glance: where, which channel, when, the scenario.
import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/format/format';
import { useReportLabels } from '../../shared/i18n';
import { useSession } from '../../shared/auth/RequireAuth';
import { useStatement, type Assignment } from '../api';

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

/**
 * Money in the consultancy's currency (from the shopper's fee statement); until it is known, the bare
 * amount. `null` for nothing (a fee of 0 is not shown).
 */
export function useMoney(): (amount: number) => string | null {
  const format = useFormat();
  const session = useSession();
  const statement = useStatement(session?.user.role === 'shopper' ? session.user.id : undefined);
  const currency = statement.data?.currency;
  return (amount) => {
    if (!(amount > 0)) return null;
    if (!currency) return format.decimal(amount, 2);
    return new Intl.NumberFormat(format.locale, { style: 'currency', currency }).format(amount);
  };
}
