import { Alert, Anchor, Button, Divider, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useHasRole } from '../../shared/auth/use-me';
import { formatInstant } from '../../shared/format/date';
import { toLanguage } from '../../shared/format/language';
import { formatCount } from '../../shared/format/money';
import { notifyError } from '../../shared/ui/notify';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { BookImportActions, BookImportProgress, BookImportResultPanel } from './book-import-actions';
import { BookCommuneChoices } from './book-import-communes';
import { BookImportErrors } from './book-import-errors';
import { BOOK_IMPORT_NS } from './book-import-i18n';
import { downloadUploaded, useBookImport, type ReconciliationRow } from './book-import-queries';
import { BookReconciliation } from './book-import-reconciliation';
import { BookImportStatusBadge } from './book-import-status-badge';
import { BookImportSummary } from './book-import-summary';

/** Statuses in which the dry run may still change (commune choices); after submission it is frozen. */
const OPEN = new Set(['INVALID', 'NEEDS_CHOICES', 'READY']);

/** One book import: its dry run, the steps to the commit, the job's progress and the result. */
export function BookImportPage() {
  const { t, i18n } = useTranslation(BOOK_IMPORT_NS);
  const lang = toLanguage(i18n.language);
  const { id = '' } = useParams();
  const officer = useHasRole('OFFICER');
  const q = useBookImport(id);
  const book = q.data;
  return (
    <>
      <PageHeader
        title={book ? t('detailTitle', { fileName: book.fileName }) : t('title')}
        crumbs={[{ label: t('back'), to: '/book-imports' }]}
        actions={
          book && (
            <Button
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
              onClick={() => void downloadUploaded(book.id, book.fileName).catch(() => notifyError(t('common:errors.unexpected')))}
            >
              {t('downloadFile')}
            </Button>
          )
        }
      />
      {q.isError && <ProblemAlert error={q.error} onRetry={() => void q.refetch()} />}
      {q.isPending && <TableSkeleton />}
      {book && (
        <Stack gap="lg">
          <Group gap="md" wrap="wrap">
            <BookImportStatusBadge status={book.status} />
            {book.origin && <Text size="sm">{book.origin}</Text>}
            <Text size="sm" c="dimmed">
              {t('who.uploaded', { name: book.uploadedBy.name, at: formatInstant(book.uploadedAt) })}
            </Text>
            {book.submittedBy && (
              <Text size="sm" c="dimmed">
                {t('who.submitted', { name: book.submittedBy.name, at: formatInstant(book.submittedAt) })}
              </Text>
            )}
            {book.approvedBy && (
              <Text size="sm" c="dimmed">
                {t('who.approved', { name: book.approvedBy.name, at: formatInstant(book.approvedAt) })}
              </Text>
            )}
          </Group>
          {book.rejectedBy && <Alert color="orange">{t('who.rejected', { name: book.rejectedBy.name, reason: book.rejectionReason ?? '' })}</Alert>}
          <BookImportActions book={book} />
          <BookImportProgress book={book} />
          <BookImportResultPanel book={book} />
          <BookImportSummary book={book} />
          <Divider />
          <BookImportErrors errors={book.errors} />
          <BookCommuneChoices importId={book.id} proposals={book.communeProposals} editable={officer && OPEN.has(book.status)} />
          <BookReconciliation rows={book.reconciliation as unknown as ReconciliationRow[]} />
          {book.legacyLoans.length > 0 && (
            <Stack gap={4} component="section" aria-labelledby="book-legacy">
              <Title order={2} size="h4" id="book-legacy">
                {t('legacy.title', { count: formatCount(book.legacyLoans.length, lang) })}
              </Title>
              <Text size="sm">{t('legacy.hint')}</Text>
              <List size="sm">
                {book.legacyLoans.map((l) => (
                  <List.Item key={l.loanRef}>
                    <Text span fw={600} size="sm">
                      {l.loanRef}
                    </Text>{' '}
                    — {l.message}
                  </List.Item>
                ))}
              </List>
            </Stack>
          )}
          {book.notes.length > 0 && (
            <Alert color="gray" title={t('notes')}>
              <List size="sm">
                {book.notes.map((n) => (
                  <List.Item key={n}>{n}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Anchor component={Link} to="/book-imports" size="sm">
            {t('back')}
          </Anchor>
        </Stack>
      )}
    </>
  );
}
