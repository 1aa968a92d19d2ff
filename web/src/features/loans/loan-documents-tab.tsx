import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../shared/format/date';
import { toLanguage } from '../../shared/format/language';
import { formatCount } from '../../shared/format/money';
import { EmptyState } from '../../shared/ui/empty-state';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { LOANS_NS } from './loans-i18n';
import { useDocuments } from './loans-queries';

/** Tài liệu: the document records of the loan's application (the files themselves are kept outside the system for now). */
export function LoanDocumentsTab({ applicationId }: { applicationId: string }) {
  const { t, i18n } = useTranslation(LOANS_NS);
  const lang = toLanguage(i18n.language);
  const docs = useDocuments(applicationId);
  if (docs.isPending) return <TableSkeleton rows={3} />;
  if (docs.isError) return <ProblemAlert error={docs.error} onRetry={() => void docs.refetch()} />;
  if (docs.data.length === 0) return <EmptyState title={t('documents.empty')} hint={t('documents.note')} />;
  return (
    <>
      <Text size="sm" c="dimmed" mb="xs">
        {t('documents.note')}
      </Text>
      <Table.ScrollContainer minWidth={760}>
        <Table striped verticalSpacing="xs" aria-label={t('tabs.documents')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('documents.name')}</Table.Th>
              <Table.Th>{t('documents.type')}</Table.Th>
              <Table.Th ta="right">{t('documents.size')}</Table.Th>
              <Table.Th>{t('documents.created')}</Table.Th>
              <Table.Th>{t('documents.checksum')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {docs.data.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{d.name}</Table.Td>
                <Table.Td>{t(`documents.types.${d.docType}`, { defaultValue: t('documents.types.OTHER') })}</Table.Td>
                <Table.Td ta="right" className="num">
                  {d.sizeBytes === null ? '—' : t('documents.sizeValue', { kb: formatCount(Math.ceil(d.sizeBytes / 1024), lang) })}
                </Table.Td>
                <Table.Td>{formatInstant(d.createdAt)}</Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace" title={d.checksumSha256}>
                    {d.checksumSha256.slice(0, 16)}…
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
