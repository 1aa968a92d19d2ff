import { Anchor, Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../shared/format/date';
import { EmptyState } from '../../shared/ui/empty-state';
import { MoneyText } from '../../shared/ui/money-text';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { DocumentsPanel } from './documents-panel';
import { FindingBadge, InspectionStatusBadge } from './inspection-badges';
import { LOAN_FILE_NS } from './loan-file-i18n';
import { useLoanInspections, useLoanRecalls } from './loan-file-queries';

/** The loan page's checks on the use of the money: one row per tranche, each inspection's photos below. */
export function LoanInspectionsSection({ loanId, contractNumber, canRecord }: { loanId: string; contractNumber: string; canRecord: boolean }) {
  const { t } = useTranslation(LOAN_FILE_NS);
  const list = useLoanInspections(loanId);
  const recalls = useLoanRecalls(loanId);
  if (list.isPending) return <TableSkeleton rows={2} />;
  if (list.isError) return <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.length === 0) return <EmptyState title={t('inspection.none')} hint={t('inspection.queueHint')} />;
  return (
    <Stack gap="md">
      <Table.ScrollContainer minWidth={720}>
        <Table striped verticalSpacing="xs" aria-label={t('inspection.title')} data-testid="loan-inspections">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('inspection.tranche')}</Table.Th>
              <Table.Th>{t('inspection.disbursed')}</Table.Th>
              <Table.Th ta="right">{t('inspection.amount')}</Table.Th>
              <Table.Th>{t('inspection.dueDate')}</Table.Th>
              <Table.Th>{t('inspection.statusLabel')}</Table.Th>
              <Table.Th>{t('inspection.findingLabel')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((i) => (
              <Table.Tr key={i.disbursementEventId}>
                <Table.Td>{t('inspection.trancheNo', { n: i.trancheNo })}</Table.Td>
                <Table.Td>{formatDate(i.disbursementDate)}</Table.Td>
                <Table.Td ta="right">
                  <MoneyText value={i.disbursedAmount} />
                </Table.Td>
                <Table.Td>{formatDate(i.dueDate)}</Table.Td>
                <Table.Td>
                  <InspectionStatusBadge status={i.status} />
                </Table.Td>
                <Table.Td>
                  {i.finding ? <FindingBadge finding={i.finding} /> : '—'}
                  {i.visitDate && (
                    <Text size="xs" c="dimmed">
                      {t('inspection.recorded', { date: formatDate(i.visitDate), who: i.inspectors ?? '' })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {canRecord && i.status !== 'DONE' && (
                    <Button
                      size="xs"
                      component={Link}
                      to={`/loans/${loanId}/inspections/${i.disbursementEventId}`}
                      aria-label={t('inspection.recordFor', { n: i.trancheNo, contract: contractNumber })}
                    >
                      {t('inspection.record')}
                    </Button>
                  )}
                  {i.recallCaseId && (
                    <Anchor component={Link} to={`/approvals/recalls/${i.recallCaseId}`} size="sm">
                      {t('inspection.recallCase')}
                    </Anchor>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {(recalls.data ?? []).length > 0 && (
        <Paper withBorder p="md" radius="md">
          <Title order={3} size="h5" mb="xs">
            {t('recall.title')}
          </Title>
          {(recalls.data ?? []).map((r) => (
            <Text size="sm" key={r.id}>
              <Anchor component={Link} to={`/approvals/recalls/${r.id}`}>
                {formatDate(r.recallDate)}
              </Anchor>{' '}
              · {t(`recall.status.${r.status}`)} · {r.reason}
            </Text>
          ))}
        </Paper>
      )}
      {list.data
        .filter((i) => i.inspectionId)
        .map((i) => (
          <DocumentsPanel
            key={i.inspectionId}
            owner={{ kind: 'INSPECTION', id: i.inspectionId ?? '' }}
            canUpload={canRecord}
            title={`${t('inspection.photos')} · ${t('inspection.trancheNo', { n: i.trancheNo })}`}
            types={['PHOTO', 'RECEIPT', 'INSPECTION_REPORT', 'OTHER']}
            defaultType="PHOTO"
          />
        ))}
    </Stack>
  );
}
