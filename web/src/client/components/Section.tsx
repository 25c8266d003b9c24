import { Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled block of the dashboard (a landmark region with its heading). */
export function Section({ id, title, description, children }: { id: string; title: string; description?: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`${id}-title`} data-section={id}>
      <Title order={2} size="h4" id={`${id}-title`} mb={description ? 2 : 'sm'}>
        {title}
      </Title>
      {description && (
        <Text size="sm" c="dimmed" mb="sm">
          {description}
        </Text>
      )}
      {children}
    </Paper>
  );
}
