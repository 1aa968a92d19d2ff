import { Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, call } from '../../shared/api/client';
import type { components } from '../../shared/api/schema';
import { formatDate } from '../../shared/format/date';
import { DocumentLinks, PrintDocumentButton } from '../../shared/ui/document-links';
import { MoneyText } from '../../shared/ui/money-text';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { DOCUMENTS_NS } from './documents-i18n';

type LoanEvent = components['schemas']['LoanEventDto'];
type WriteOff = components['schemas']['WriteOffDto'];
type Restructuring = components['schemas']['RestructuringDto'];

function useLoanDocuments(id: string) {
  const path = { params: { path: { id } } };
  return {
    loan: useQuery({ queryKey: ['loans', 'one', id], queryFn: () => call(api.GET('/api/v1/loans/{id}', path)) }),
    events: useQuery({ queryKey: ['loans', id, 'transactions'], queryFn: () => call<LoanEvent[]>(api.GET('/api/v1/loans/{id}/transactions', path)) }),
    writeOffs: useQuery({ queryKey: ['loans', id, 'write-offs'], queryFn: () => call<WriteOff[]>(api.GET('/api/v1/loans/{id}/write-offs', path)) }),
    restructurings: useQuery({
      queryKey: ['loans', id, 'restructurings'],
      queryFn: () => call<Restructuring[]>(api.GET('/api/v1/loans/{id}/restructurings', path)),
    }),
  };
}

function EventTable({ loanId, events, kind }: { loanId: string; events: LoanEvent[]; kind: 'acknowledgement' | 'receipt' }) {
  const { t } = useTranslation(DOCUMENTS_NS);
  if (events.length === 0) return <Text c="dimmed">{t('none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={620}>
      <Table striped verticalSpacing="xs" aria-label={kind === 'acknowledgement' ? t('tranches') : t('receipts')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('columns.date')}</Table.Th>
            <Table.Th>{t('columns.reference')}</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>{t('columns.amount')}</Table.Th>
            <Table.Th>{t('columns.print')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(e.valueDate)}</Table.Td>
              <Table.Td>
                {e.reference ?? ''}{' '}
                {e.reversed && (
                  <Badge color="#b02525" variant="filled" tt="none" size="sm">
                    {t('reversed')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>
                <MoneyText value={e.amount} />
              </Table.Td>
              <Table.Td>
                <PrintDocumentButton loanId={loanId} doc={{ kind, id: e.id, suffix: formatDate(e.valueDate) }} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * Every document a fund prints for one loan, with its "In" (print) button (docs/documents.md):
 * the address the loan page links to; a cooperative user reaches its own loans' only (the API's 404).
 */
export function LoanDocumentsPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(DOCUMENTS_NS);
  const { loan, events, writeOffs, restructurings } = useLoanDocuments(id);
  if (loan.isError) return <ProblemAlert error={loan.error} onRetry={() => void loan.refetch()} />;
  if (!loan.data) return <TableSkeleton />;
  const l = loan.data;
  const all = events.data ?? [];
  return (
    <>
      <PageHeader
        title={t('title', { contract: l.contractNumber })}
        crumbs={[{ label: t('loans'), to: '/loans' }, { label: l.contractNumber, to: `/loans/${l.id}` }, { label: t('crumb') }]}
      />
      <Text size="sm" c="dimmed" mb="md">
        {t('hint')}
      </Text>
      <Stack gap="md">
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('contract')}
          </Title>
          <DocumentLinks loanId={l.id} docs={[{ kind: 'contract', suffix: l.contractNumber }]} size="sm" />
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('tranches')}
          </Title>
          {events.isPending ? (
            <TableSkeleton rows={2} />
          ) : (
            <EventTable loanId={l.id} kind="acknowledgement" events={all.filter((e) => e.kind === 'DISBURSEMENT')} />
          )}
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('receipts')}
          </Title>
          {events.isPending ? <TableSkeleton rows={2} /> : <EventTable loanId={l.id} kind="receipt" events={all.filter((e) => e.kind === 'REPAYMENT')} />}
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('decisions')}
          </Title>
          {(writeOffs.data ?? []).length + (restructurings.data ?? []).length === 0 && <Text c="dimmed">{t('none')}</Text>}
          <Stack gap="xs">
            {(restructurings.data ?? []).map((r) => (
              <Text key={`r${r.id}`} size="sm" component="div">
                {t(`restructuring.${r.type as 'ADJUSTMENT' | 'EXTENSION'}`)} · {formatDate(r.proposedDate)} · {t(`status.${r.status as 'PROPOSED'}`)}{' '}
                {r.status !== 'REJECTED' && <PrintDocumentButton loanId={l.id} doc={{ kind: 'restructuringDecision', id: r.id }} />}
              </Text>
            ))}
            {(writeOffs.data ?? []).map((w) => (
              <Text key={`w${w.id}`} size="sm" component="div">
                {t('writeOff')} · {formatDate(w.proposedDate)} · {t(`status.${w.status as 'PROPOSED'}`)}{' '}
                {w.status !== 'REJECTED' && <PrintDocumentButton loanId={l.id} doc={{ kind: 'writeOffDecision', id: w.id }} />}
              </Text>
            ))}
          </Stack>
        </Paper>
      </Stack>
    </>
  );
}
