import { Alert, Anchor, Button, Group, Modal, Progress, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../shared/api/problem';
import { useHasRole } from '../../shared/auth/use-me';
import { toLanguage } from '../../shared/format/language';
import { formatCount, formatMoney } from '../../shared/format/money';
import { useIdempotencyKey } from '../../shared/hooks/use-idempotency-key';
import { notifyError, notifySuccess } from '../../shared/ui/notify';
import { BOOK_IMPORT_NS } from './book-import-i18n';
import { stepLabel } from './book-import-rules';
import { isCommitting, useApproveBook, useBookImportProgress, useBookImportResult, useRejectBook, useSubmitBook, type BookImport } from './book-import-queries';

const problemText = (e: unknown, fallback: string): string => (isApiError(e) ? e.problem.detail || fallback : fallback);

/**
 * The steps after the dry run: the officer submits a READY import; an approver confirms it (four
 * eyes: the server refuses the uploader and the submitter) or sends it back with a reason. The
 * confirmation writes the books, so it carries the action's Idempotency-Key.
 */
export function BookImportActions({ book }: { book: BookImport }) {
  const { t, i18n } = useTranslation(BOOK_IMPORT_NS);
  const lang = toLanguage(i18n.language);
  const officer = useHasRole('OFFICER');
  const approver = useHasRole('APPROVER');
  const submit = useSubmitBook(book.id);
  const approve = useApproveBook(book.id);
  const reject = useRejectBook(book.id);
  const idem = useIdempotencyKey();
  const [confirming, setConfirming] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const fallback = t('common:errors.unexpected');

  if (book.status === 'READY' && officer) {
    return (
      <Group gap="md">
        <Button
          onClick={() =>
            submit.mutate(undefined, { onSuccess: () => notifySuccess(t('actions.submitted')), onError: (e) => notifyError(problemText(e, fallback)) })
          }
          loading={submit.isPending}
        >
          {t('actions.submit')}
        </Button>
        <Text size="sm" c="dimmed">
          {t('actions.submitHint')}
        </Text>
      </Group>
    );
  }
  if (book.status !== 'SUBMITTED') return null;
  if (!approver) return <Alert color="blue">{t('actions.waitingApproval')}</Alert>;
  return (
    <>
      <Group gap="md">
        <Button
          onClick={() => {
            idem.begin();
            setConfirming(true);
          }}
        >
          {t('actions.approve')}
        </Button>
        <Button variant="default" color="red" onClick={() => setRejecting(true)}>
          {t('actions.reject')}
        </Button>
      </Group>
      <Modal
        closeButtonProps={{ 'aria-label': t('common:actions.close') }}
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('actions.approve')}
      >
        <Stack gap="md">
          <Text size="sm" data-testid="approve-confirmation">
            {t('actions.approveConfirm', {
              loans: formatCount(book.summary.counts.loans, lang),
              outstanding: formatMoney(book.summary.outstandingTotal, lang),
            })}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('actions.cancel')}
            </Button>
            <Button
              loading={approve.isPending}
              onClick={() =>
                approve.mutate(idem.begin(), {
                  onSuccess: () => {
                    idem.done();
                    setConfirming(false);
                    notifySuccess(t('actions.approved'));
                  },
                  onError: (e) => notifyError(problemText(e, fallback)),
                })
              }
            >
              {t('actions.approve')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal closeButtonProps={{ 'aria-label': t('common:actions.close') }} opened={rejecting} onClose={() => setRejecting(false)} title={t('actions.reject')}>
        <Stack gap="md">
          <Textarea
            label={t('actions.rejectReason')}
            required
            minLength={3}
            maxLength={1000}
            autosize
            minRows={3}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRejecting(false)}>
              {t('actions.cancel')}
            </Button>
            <Button
              color="red"
              disabled={reason.trim().length < 3}
              loading={reject.isPending}
              onClick={() =>
                reject.mutate(reason.trim(), {
                  onSuccess: () => {
                    setRejecting(false);
                    notifySuccess(t('actions.rejected'));
                  },
                  onError: (e) => notifyError(problemText(e, fallback)),
                })
              }
            >
              {t('actions.reject')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** The commit job's progress, polled while it runs. */
export function BookImportProgress({ book }: { book: BookImport }) {
  const { t } = useTranslation(BOOK_IMPORT_NS);
  const show = isCommitting(book.status) || book.status === 'FAILED';
  const progress = useBookImportProgress(book.id, show);
  if (!show || !progress.data) return null;
  const p = progress.data;
  if (p.status === 'FAILED') return <Alert color="red">{t('progress.failed', { failure: p.failure ?? '' })}</Alert>;
  return (
    <Stack gap={4} data-testid="book-progress">
      <Progress value={p.percent} aria-label={t('progress.label')} size="lg" animated={p.status === 'RUNNING'} />
      <Text size="sm" role="status">
        {t('progress.text', { percent: p.percent, step: p.step ? stepLabel(t, p.step) : t(`status.${p.status}`, { defaultValue: p.status }) })}
      </Text>
    </Stack>
  );
}

/** After the commit: the borrowers and loans created, each a link to its page. */
export function BookImportResultPanel({ book }: { book: BookImport }) {
  const { t, i18n } = useTranslation(BOOK_IMPORT_NS);
  const lang = toLanguage(i18n.language);
  const result = useBookImportResult(book.id, book.status === 'COMMITTED');
  if (book.status !== 'COMMITTED' || !result.data) return null;
  const r = result.data;
  return (
    <Stack gap="sm" component="section" aria-labelledby="book-result" data-testid="book-result">
      <Title order={2} size="h4" id="book-result">
        {t('result.title')}
      </Title>
      {r.auditEventId && (
        <Text size="sm" c="dimmed">
          {t('result.audit', { id: r.auditEventId })}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Stack gap={4}>
          <Title order={3} size="h5">
            {t('result.borrowers', { count: formatCount(r.borrowers.length, lang) })}
          </Title>
          <Table withTableBorder striped fz="sm" aria-label={t('result.borrowers', { count: formatCount(r.borrowers.length, lang) })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('result.ref')}</Table.Th>
                <Table.Th>{t('result.name')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.borrowers.map((b) => (
                <Table.Tr key={b.ref}>
                  <Table.Td>{b.ref}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/borrowers/${b.id}`} size="sm">
                      {b.name ?? b.ref}
                    </Anchor>
                    {b.existing && ` (${t('result.existing')})`}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
        <Stack gap={4}>
          <Title order={3} size="h5">
            {t('result.loans', { count: formatCount(r.loans.length, lang) })}
          </Title>
          <Table withTableBorder striped fz="sm" aria-label={t('result.loans', { count: formatCount(r.loans.length, lang) })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('result.ref')}</Table.Th>
                <Table.Th>{t('result.contract')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.loans.map((l) => (
                <Table.Tr key={l.ref}>
                  <Table.Td>{l.ref}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/loans/${l.id}`} size="sm">
                      {l.contractNumber ?? l.ref}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
