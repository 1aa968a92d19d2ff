import { ActionIcon, Alert, Badge, FileButton, Group, Modal, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import '@mantine/dropzone/styles.css';
import { IconDownload, IconFileUpload, IconHistory } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, type Problem } from '../../shared/api/problem';
import { formatInstant } from '../../shared/format/date';
import { toLanguage } from '../../shared/format/language';
import { formatCount } from '../../shared/format/money';
import { notifyError, notifySuccess } from '../../shared/ui/notify';
import { LOAN_FILE_NS } from './loan-file-i18n';
import {
  downloadAttachment,
  useAddVersion,
  useOwnerDocuments,
  useUploadDocument,
  type Attachment,
  type AttachmentVersion,
  type OwnerRef,
} from './loan-file-queries';

/** What the server accepts (README "The loan file"); the server judges the content again. */
export const ACCEPTED = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'image/webp': ['.webp'],
  'image/heic': ['.heic'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
  'application/msword': ['.doc'],
  'application/vnd.ms-excel': ['.xls'],
  'application/vnd.oasis.opendocument.text': ['.odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['.ods'],
};
export const MAX_BYTES = 20 * 1024 * 1024;

export const ALL_TYPES = [
  'COOP_REGISTRATION',
  'CHARTER',
  'MEMBERS_RESOLUTION',
  'FINANCIAL_STATEMENT',
  'BUSINESS_PLAN',
  'CREDIT_REPORT',
  'SIGNED_CONTRACT',
  'APPRAISAL_REPORT',
  'INSPECTION_REPORT',
  'PHOTO',
  'RECEIPT',
  'IDENTITY_PAPER',
  'COLLATERAL',
  'VALUATION_REPORT',
  'SECURITY_REGISTRATION',
  'INSURANCE_POLICY',
  'GUARANTEE',
  'OTHER',
] as const;

export function useSizeText() {
  const { t, i18n } = useTranslation(LOAN_FILE_NS);
  const lang = toLanguage(i18n.language);
  return (bytes: number) => t('documents.sizeKb', { kb: formatCount(Math.max(1, Math.ceil(bytes / 1024)), lang) });
}

function DownloadButton({ doc, v }: { doc: Attachment; v: AttachmentVersion }) {
  const { t } = useTranslation(LOAN_FILE_NS);
  const [busy, setBusy] = useState(false);
  return (
    <ActionIcon
      variant="subtle"
      loading={busy}
      aria-label={t('documents.downloadNamed', { name: v.fileName })}
      onClick={() => {
        setBusy(true);
        downloadAttachment(doc.id, v.version, v.fileName)
          .catch((e: unknown) => notifyError(isApiError(e) ? e.problem.detail : t('common:errors.unexpected')))
          .finally(() => setBusy(false));
      }}
    >
      <IconDownload size={18} aria-hidden />
    </ActionIcon>
  );
}

/** The list of an owner's documents: type, current file, version, size, who and when; versions in a dialog. */
export function DocumentsTable({ docs, canUpload, label }: { docs: Attachment[]; canUpload: boolean; label: string }) {
  const { t } = useTranslation(LOAN_FILE_NS);
  const size = useSizeText();
  const addVersion = useAddVersion();
  const [versionsOf, setVersionsOf] = useState<Attachment | null>(null);
  const onVersion = (doc: Attachment, file: File | null) => {
    if (!file) return;
    addVersion.mutate(
      { id: doc.id, file },
      {
        onSuccess: (d) => notifySuccess(t('documents.versionAdded', { version: d.currentVersion, name: d.current.fileName })),
        onError: (e) => notifyError(isApiError(e) ? e.problem.detail : t('common:errors.unexpected')),
      },
    );
  };
  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing={6} fz="sm" aria-label={label} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('documents.docType')}</Table.Th>
              <Table.Th>{t('documents.file')}</Table.Th>
              <Table.Th ta="right">{t('documents.version')}</Table.Th>
              <Table.Th ta="right">{t('documents.size')}</Table.Th>
              <Table.Th>{t('documents.uploadedBy')}</Table.Th>
              <Table.Th>{t('documents.uploadedAt')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {docs.map((d) => (
              <Table.Tr key={d.id} data-testid={`document-${d.docType}`}>
                <Table.Td>{t(`types.${d.docType}`)}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-word' }}>{d.current.fileName}</Table.Td>
                <Table.Td ta="right" className="num">
                  {d.currentVersion}
                </Table.Td>
                <Table.Td ta="right" className="num" style={{ whiteSpace: 'nowrap' }}>
                  {size(d.current.sizeBytes)}
                </Table.Td>
                <Table.Td>{d.current.uploadedByName}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(d.current.uploadedAt)}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap" justify="flex-end">
                    <DownloadButton doc={d} v={d.current} />
                    {d.versions.length > 1 && (
                      <ActionIcon variant="subtle" aria-label={t('documents.versionsOf', { name: d.current.fileName })} onClick={() => setVersionsOf(d)}>
                        <IconHistory size={18} aria-hidden />
                      </ActionIcon>
                    )}
                    {canUpload && (
                      <FileButton onChange={(f) => onVersion(d, f)} accept={Object.keys(ACCEPTED).join(',')}>
                        {(props) => (
                          <ActionIcon
                            {...props}
                            variant="subtle"
                            aria-label={`${t('documents.newVersion')}: ${d.current.fileName}`}
                            loading={addVersion.isPending}
                          >
                            <IconFileUpload size={18} aria-hidden />
                          </ActionIcon>
                        )}
                      </FileButton>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal
        opened={versionsOf !== null}
        onClose={() => setVersionsOf(null)}
        title={versionsOf ? t('documents.versionsOf', { name: versionsOf.current.fileName }) : ''}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common:actions.close') }}
      >
        {versionsOf && (
          <Table verticalSpacing={6} fz="sm" aria-label={t('documents.versions')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th ta="right">{t('documents.version')}</Table.Th>
                <Table.Th>{t('documents.file')}</Table.Th>
                <Table.Th ta="right">{t('documents.size')}</Table.Th>
                <Table.Th>{t('documents.uploadedBy')}</Table.Th>
                <Table.Th>{t('documents.uploadedAt')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {versionsOf.versions.map((v) => (
                <Table.Tr key={v.version}>
                  <Table.Td ta="right" className="num">
                    {v.version}
                  </Table.Td>
                  <Table.Td style={{ wordBreak: 'break-word' }}>{v.fileName}</Table.Td>
                  <Table.Td ta="right" className="num">
                    {size(v.sizeBytes)}
                  </Table.Td>
                  <Table.Td>{v.uploadedByName}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(v.uploadedAt)}</Table.Td>
                  <Table.Td>
                    <DownloadButton doc={versionsOf} v={v} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Modal>
    </>
  );
}

/**
 * Drag-and-drop upload (Mantine Dropzone; the zone is also a button for the keyboard): choose the
 * type, drop or pick files; each is sent as it is chosen and the server's refusal is shown here.
 */
export function UploadZone({
  owner,
  types,
  defaultType,
  capture = false,
}: {
  owner: OwnerRef;
  types: readonly string[];
  defaultType?: string;
  capture?: boolean;
}) {
  const { t } = useTranslation(LOAN_FILE_NS);
  const upload = useUploadDocument(owner);
  const [docType, setDocType] = useState<string | null>(defaultType ?? null);
  const [refusal, setRefusal] = useState<Problem | null>(null);
  const send = (files: File[]) => {
    setRefusal(null);
    if (!docType) {
      notifyError(t('documents.chooseType'));
      return;
    }
    for (const file of files) {
      upload.mutate(
        { file, docType },
        {
          onSuccess: (d) => notifySuccess(t('documents.uploaded', { name: d.current.fileName })),
          onError: (e) => setRefusal(isApiError(e) ? e.problem : { status: 0, code: 'UNEXPECTED', detail: t('common:errors.unexpected'), errors: [] }),
        },
      );
    }
  };
  return (
    <Stack gap="xs">
      <Select
        label={t('documents.docType')}
        data={types.map((x) => ({ value: x, label: t(`types.${x}`) }))}
        value={docType}
        onChange={setDocType}
        maw={360}
        searchable
        data-testid="upload-doc-type"
      />
      <Dropzone
        onDrop={send}
        onReject={() => setRefusal({ status: 0, code: 'REJECTED', detail: t('documents.dropReject'), errors: [] })}
        maxSize={MAX_BYTES}
        accept={capture ? ['image/*'] : ACCEPTED}
        loading={upload.isPending}
        disabled={!docType}
        aria-label={t('documents.drop')}
        inputProps={capture ? { capture: 'environment', 'aria-label': t('inspection.takePhoto') } : { 'aria-label': t('documents.drop') }}
        data-testid="upload-dropzone"
      >
        <Group justify="center" gap="sm" mih={72} style={{ pointerEvents: 'none' }}>
          <IconFileUpload size={32} aria-hidden />
          <div>
            <Text size="sm" fw={600}>
              {capture ? t('inspection.takePhoto') : t('documents.drop')}
            </Text>
            <Text size="xs" c="dimmed">
              {capture ? t('documents.photoHint') : t('documents.dropHint')}
            </Text>
          </div>
        </Group>
      </Dropzone>
      {refusal && (
        <Alert color="red" role="alert" data-testid="upload-refusal">
          {refusal.detail}
        </Alert>
      )}
    </Stack>
  );
}

/** An owner's documents with their upload zone (when the role may add to this owner). */
export function DocumentsPanel({
  owner,
  canUpload,
  title,
  types = ALL_TYPES,
  defaultType,
}: {
  owner: OwnerRef;
  canUpload: boolean;
  title?: string;
  types?: readonly string[];
  defaultType?: string;
}) {
  const { t } = useTranslation(LOAN_FILE_NS);
  const docs = useOwnerDocuments(owner);
  const list = docs.data ?? [];
  const heading = title ?? t('documents.title');
  return (
    <Paper withBorder p="md" radius="md" data-testid={`documents-${owner.kind}`}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {heading}
        </Title>
        {!canUpload && (
          <Badge variant="filled" color="gray.7">
            {t('documents.readOnly')}
          </Badge>
        )}
      </Group>
      {docs.isError ? (
        <Alert color="red">{isApiError(docs.error) ? docs.error.problem.detail : t('common:errors.unexpected')}</Alert>
      ) : list.length === 0 ? (
        <Text size="sm" c="dimmed" mb="sm">
          {t('documents.none')}
        </Text>
      ) : (
        <DocumentsTable docs={list} canUpload={canUpload} label={heading} />
      )}
      {canUpload && (
        <div style={{ marginTop: 'var(--mantine-spacing-sm)' }}>
          <UploadZone owner={owner} types={types} defaultType={defaultType} />
        </div>
      )}
    </Paper>
  );
}
