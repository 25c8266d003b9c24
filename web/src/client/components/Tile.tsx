import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function Tile({ label, value, note, testId }: { label: string; value: ReactNode; note?: ReactNode; testId: string }) {
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Text size="sm" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text fz={{ base: 24, sm: 30 }} fw={700} c="navy.7" lh={1.2} mt={4}>
        {value}
      </Text>
      {note && (
        <Text size="sm" mt={4} c="gray.7">
          {note}
        </Text>
      )}
    </Paper>
  );
}
