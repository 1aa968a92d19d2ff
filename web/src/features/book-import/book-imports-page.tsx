import { Anchor, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useHasRole } from '../../shared/auth/use-me';
import { formatInstant } from '../../shared/format/date';
import { toLanguage } from '../../shared/format/language';
import { formatCount } from '../../shared/format/money';
import { EmptyState } from '../../shared/ui/empty-state';
import { PageHeader } from '../../shared/ui/page-header';
import { PagingFooter } from '../../shared/ui/paging-footer';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { BOOK_IMPORT_NS } from './book-import-i18n';
import { useBookImports } from './book-import-queries';
import { BookImportStatusBadge } from './book-import-status-badge';
import { BookUpload, TemplateDownloads } from './book-import-upload';

const PAGE_SIZE = 20;

/** Bringing an existing loan book in (README "Bringing in an existing loan book"): templates, the dry run's upload, the imports so far. */
export function BookImportsPage() {
  const { t, i18n } = useTranslation(BOOK_IMPORT_NS);
  const lang = toLanguage(i18n.language);
  const [params] = useSearchParams();
  const officer = useHasRole('OFFICER');
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const list = useBookImports(page, PAGE_SIZE);
  const data = list.data;
  const count = (n: number) => formatCount(n, lang);
  return (
    <>
      <PageHeader title={t('title')} />
      <Stack gap="md" mb="lg">
        <Text size="sm" maw={900}>
          {t('intro')}
        </Text>
        <TemplateDownloads />
        {officer && <BookUpload />}
      </Stack>
      {list.isError && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && <TableSkeleton />}
      {data && data.items.length === 0 && <EmptyState title={t('list.empty')} hint={t('list.emptyHint')} />}
      {data && data.items.length > 0 && (
        <>
          <Table.ScrollContainer minWidth={800}>
            <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('list.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('columns.file')}</Table.Th>
                  <Table.Th>{t('columns.status')}</Table.Th>
                  <Table.Th className="num">{t('columns.errors')}</Table.Th>
                  <Table.Th className="num">{t('columns.loans')}</Table.Th>
                  <Table.Th>{t('columns.uploadedBy')}</Table.Th>
                  <Table.Th>{t('columns.uploadedAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/book-imports/${i.id}`} fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {i.fileName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <BookImportStatusBadge status={i.status} />
                    </Table.Td>
                    <Table.Td className="num">{count(i.errorCount)}</Table.Td>
                    <Table.Td className="num">{count(i.summary.counts.loans)}</Table.Td>
                    <Table.Td>{i.uploadedBy.name}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(i.uploadedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <PagingFooter page={page} pageSize={PAGE_SIZE} shown={data.items.length} total={data.total} />
        </>
      )}
    </>
  );
}
