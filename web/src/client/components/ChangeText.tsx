import { Text } from '@mantine/core';
import { useFormat } from '../../shared/format/format';

/** A signed change in points, green up / red down (text, not colour alone, carries the sign). */
export function ChangeText({ value, suffix, kpi }: { value: number | null | undefined; suffix?: string; kpi?: string }) {
  const format = useFormat();
  const color = value === null || value === undefined || Math.abs(value) < 0.05 ? undefined : value > 0 ? '#2E7D32' : '#C0392B';
  return (
    <Text span inherit c={color} className="tabular" data-kpi={kpi} data-format={kpi ? 'change' : undefined}>
      {format.change(value)}
      {suffix}
    </Text>
  );
}
