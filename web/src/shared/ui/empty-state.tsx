import { Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** An empty list says what it is and what to do next (web-design.md "Lists"). */
export function EmptyState({ title, hint, action }: { title: string; hint?: string; action?: ReactNode }) {
  return (
    <Paper withBorder p="xl" radius="md">
      <Stack align="center" gap="xs">
        <Text fw={600}>{title}</Text>
        {hint && (
          <Text c="dimmed" size="sm" ta="center">
            {hint}
          </Text>
        )}
        {action}
      </Stack>
    </Paper>
  );
}
