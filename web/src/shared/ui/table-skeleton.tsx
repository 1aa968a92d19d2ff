import { Skeleton, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A loading list keeps its shape (a skeleton, not a spinner on a blank page). */
export function TableSkeleton({ rows = 8 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" role="status" aria-busy="true" aria-label={t('loading')}>
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} height={34} radius="sm" />
      ))}
    </Stack>
  );
}
