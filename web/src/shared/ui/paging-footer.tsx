import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatCount } from '../format/money';
import { toLanguage } from '../format/language';

/**
 * The footer of a server-paged list: "rows a–b of n" and the page buttons. The page lives in the
 * address (`?page=`), so a paged list can be bookmarked and shared, and back goes to the last page.
 */
export function PagingFooter({
  page,
  pageSize,
  shown,
  total,
  param = 'page',
}: {
  page: number;
  pageSize: number;
  shown: number;
  total: number;
  param?: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.language);
  const [params, setParams] = useSearchParams();
  return (
    <Group justify="space-between" mt="md">
      <Text size="sm" c="dimmed">
        {t('common:paging.summary', {
          from: formatCount((page - 1) * pageSize + 1, lang),
          to: formatCount((page - 1) * pageSize + shown, lang),
          total: formatCount(total, lang),
        })}
      </Text>
      <Pagination
        total={Math.max(1, Math.ceil(total / pageSize))}
        value={page}
        onChange={(p) => {
          const next = new URLSearchParams(params);
          next.set(param, String(p));
          setParams(next);
        }}
        getControlProps={(control) => ({ 'aria-label': control })}
        aria-label={t('common:paging.label')}
      />
    </Group>
  );
}
