import { Anchor, Breadcrumbs, Group, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export interface Crumb {
  label: string;
  to?: string;
}

/** Page title with breadcrumbs and the page's main actions at the top right (web-design.md "Layout"). */
export function PageHeader({ title, crumbs = [], actions, badge }: { title: string; crumbs?: Crumb[]; actions?: ReactNode; badge?: ReactNode }) {
  return (
    <Stack gap={4} mb="md">
      {crumbs.length > 0 && (
        <Breadcrumbs separator="›" aria-label="breadcrumbs">
          {crumbs.map((c) =>
            c.to ? (
              <Anchor key={c.label} component={Link} to={c.to} size="sm">
                {c.label}
              </Anchor>
            ) : (
              <span key={c.label} style={{ fontSize: 'var(--mantine-font-size-sm)' }}>
                {c.label}
              </span>
            ),
          )}
        </Breadcrumbs>
      )}
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
            {title}
          </Title>
          {badge}
        </Group>
        {actions && (
          <Group gap="xs" className="no-print">
            {actions}
          </Group>
        )}
      </Group>
    </Stack>
  );
}
