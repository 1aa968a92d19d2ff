import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatInstant } from '../../shared/format/date';
import { toLanguage } from '../../shared/format/language';
import { formatCount } from '../../shared/format/money';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { DocumentsPanel } from '../loan-file/documents-panel';
import { LOAN_FILE_NS } from '../loan-file/loan-file-i18n';
import { LOANS_NS } from './loans-i18n';
import { useDocuments } from './loans-queries';

/** The application's document records declared without their file (before the loan file kept files). */
function DeclaredRecords({ applicationId }: { applicationId: string }) {
  const { t, i18n } = useTranslation(LOANS_NS);
  const lang = toLanguage(i18n.language);
  const docs = useDocuments(applicationId);
  if (docs.isPending) return <TableSkeleton rows={2} />;
  if (docs.isError) return <ProblemAlert error={docs.error} onRetry={() => void docs.refetch()} />;
  const withoutFile = docs.data.filter((d) => d.attachmentId === null);
  if (withoutFile.length === 0) return null;
  return (
    <div>
      <Title order={3} size="h5" mb={4}>
        {t('loanFile:documents.records')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('documents.note')}
      </Text>
      <Table.ScrollContainer minWidth={760}>
        <Table striped verticalSpacing="xs" aria-label={t('loanFile:documents.records')}>
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
            {withoutFile.map((d) => (
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
    </div>
  );
}

/**
 * Tài liệu: the loan file as stored (README "The loan file"): the loan's own documents (the signed
 * contract…, uploaded here), its application's and its borrower's, each with its versions; the
 * records an application declared without a file are listed last. Printed PDFs stay on their page.
 */
export function LoanDocumentsTab({
  loanId,
  applicationId,
  borrowerId,
  canUpload,
}: {
  loanId: string;
  applicationId: string;
  borrowerId: string;
  canUpload: boolean;
}) {
  const { t } = useTranslation(LOAN_FILE_NS);
  return (
    <Stack gap="md">
      {/* The PDFs the fund prints for this loan have their own page; the officer reaches it from here. */}
      <Group justify="flex-end">
        <Button component={Link} to={`/loans/${loanId}/documents`} variant="light">
          {t('documents.printed')}
        </Button>
      </Group>
      <DocumentsPanel owner={{ kind: 'LOAN', id: loanId }} canUpload={canUpload} defaultType="SIGNED_CONTRACT" />
      <DocumentsPanel owner={{ kind: 'APPLICATION', id: applicationId }} canUpload={false} title={t('documents.fromApplication')} />
      <DocumentsPanel owner={{ kind: 'BORROWER', id: borrowerId }} canUpload={false} title={t('documents.fromBorrower')} />
      <DeclaredRecords applicationId={applicationId} />
    </Stack>
  );
}
