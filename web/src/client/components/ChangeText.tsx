import { Text } from '@mantine/core';
import { useFormat } from '../../shared/format/format';

/** A signed change in points, green up / red down (text, not colour alone, carries the sign). */
export function ChangeText({ value, suffix }: { value: number | null | undefined; suffix?: string }) {
  const format = useFormat();
  const color = value === null || value === undefined || Math.abs(value) < 0.05 ? undefined : value > 0 ? 'green.9' : 'red.9';
  return (
    <Text span inherit c={color} className="tabular">
      {format.change(value)}
      {suffix}
    </Text>
  );
}
