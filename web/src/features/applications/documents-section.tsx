import { Button, FileInput, Group, Paper, Select, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../shared/format/date';
import { toLanguage } from '../../shared/format/language';
import { formatCount } from '../../shared/format/money';
import { useServerErrors } from '../../shared/hooks/use-server-errors';
import { notifyError, notifySuccess } from '../../shared/ui/notify';
import { APPLICATIONS_NS } from './applications-i18n';
import { useAddDocument, useDocuments, type Application } from './applications-queries';

const TYPES = ['BUSINESS_PLAN', 'FINANCIAL_STATEMENT', 'COLLATERAL', 'CREDIT_REPORT', 'OTHER'] as const;
const OPEN = ['DRAFT', 'SUBMITTED', 'UNDER_APPRAISAL'];

/** SHA-256 of the file in the browser: the API keeps the document's record (name, type, checksum), not the file. */
async function sha256(file: File): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function DocumentsSection({ app, canAdd }: { app: Application; canAdd: boolean }) {
  const { t, i18n } = useTranslation(APPLICATIONS_NS);
  const lang = toLanguage(i18n.language);
  const docs = useDocuments(app.id);
  const add = useAddDocument(app.id);
  const onServerError = useServerErrors({ ns: APPLICATIONS_NS });
  const [file, setFile] = useState<File | null>(null);
  const [docType, setDocType] = useState<string | null>('BUSINESS_PLAN');
  const list = docs.data ?? [];

  const record = async () => {
    if (!file || !docType) return;
    const checksumSha256 = await sha256(file);
    if (!checksumSha256) {
      notifyError(t('documents.noDigest'));
      return;
    }
    add.mutate(
      { name: file.name, docType, checksumSha256, sizeBytes: file.size },
      {
        onSuccess: (d) => {
          notifySuccess(t('documents.added', { name: d.name }));
          setFile(null);
        },
        onError: (e) => onServerError(e),
      },
    );
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4" mb="sm">
        {t('documents.title')}
      </Title>
      {list.length === 0 ? (
        <Text size="sm" c="dimmed" mb="sm">
          {t('documents.none')}
        </Text>
      ) : (
        <div>
          <Table verticalSpacing={4} fz="sm" aria-label={t('documents.title')} mb="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('documents.name')}</Table.Th>
                <Table.Th>{t('documents.docType')}</Table.Th>
                <Table.Th ta="right">{t('documents.size')}</Table.Th>
                <Table.Th>{t('documents.checksum')}</Table.Th>
                <Table.Th>{t('documents.at')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>{d.name}</Table.Td>
                  <Table.Td>{t(`documents.types.${d.docType}`, { defaultValue: d.docType })}</Table.Td>
                  <Table.Td className="num">{d.sizeBytes === null ? '—' : `${formatCount(d.sizeBytes, lang)} B`}</Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace" title={d.checksumSha256}>
                      {d.checksumSha256.slice(0, 12)}…
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(d.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      {canAdd && OPEN.includes(app.status) && (
        <Group align="flex-end" gap="sm" wrap="wrap">
          <FileInput label={t('documents.file')} value={file} onChange={setFile} clearable w={280} />
          <Select label={t('documents.docType')} data={TYPES.map((x) => ({ value: x, label: t(`documents.types.${x}`) }))} value={docType} onChange={setDocType} w={240} />
          <Button variant="light" onClick={() => void record()} disabled={!file || !docType} loading={add.isPending}>
            {t('documents.add')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}
