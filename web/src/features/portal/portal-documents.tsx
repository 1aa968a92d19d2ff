import { Button, Group, Paper, Skeleton, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api/problem';
import { formatInstant } from '../../shared/format/date';
import { notifyError } from '../../shared/ui/notify';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { useSizeText } from '../loan-file/documents-panel';
import { LOAN_FILE_NS } from '../loan-file/loan-file-i18n';
import { downloadAttachment, type Attachment, type OwnerRef, useOwnerDocuments } from '../loan-file/loan-file-queries';
import { Quiet, Section } from './portal-home-page';
import { PORTAL_NS } from './portal-i18n';

function DocumentCard({ doc }: { doc: Attachment }) {
  const { t } = useTranslation(LOAN_FILE_NS);
  const size = useSizeText();
  const [busy, setBusy] = useState(false);
  const v = doc.current;
  return (
    <Paper withBorder radius="md" p="sm" component="li" style={{ listStyle: 'none' }}>
      <Text size="sm" fw={600}>
        {t(`types.${doc.docType}`)}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {v.fileName}
      </Text>
      <Group justify="space-between" gap="xs" mt={4} wrap="nowrap">
        <Text size="xs" c="dimmed">
          {t('documents.version')} {doc.currentVersion} · {size(v.sizeBytes)} · {formatInstant(v.uploadedAt)}
        </Text>
        <Button
          size="xs"
          variant="light"
          loading={busy}
          style={{ flexShrink: 0 }}
          leftSection={<IconDownload size={16} aria-hidden />}
          aria-label={t('documents.downloadNamed', { name: v.fileName })}
          onClick={() => {
            setBusy(true);
            downloadAttachment(doc.id, v.version, v.fileName)
              .catch((e: unknown) => notifyError(isApiError(e) ? e.problem.detail : t('common:errors.unexpected')))
              .finally(() => setBusy(false));
          }}
        >
          {t('documents.download')}
        </Button>
      </Group>
    </Paper>
  );
}

/**
 * An owner's documents for the cooperative on its phone: read and download only (uploads stay with
 * the officer); the server authorises each like the loan or the borrower it belongs to.
 */
export function PortalDocuments({ owner, title }: { owner: OwnerRef; title: string }) {
  const { t } = useTranslation(PORTAL_NS);
  const docs = useOwnerDocuments(owner);
  return (
    <Section title={title} testId={`documents-${owner.kind}`}>
      {docs.isError && <ProblemAlert error={docs.error} onRetry={() => void docs.refetch()} />}
      {docs.isPending ? (
        <Skeleton height={60} radius="md" />
      ) : (docs.data?.length ?? 0) === 0 ? (
        <Quiet>{t('documents.none')}</Quiet>
      ) : (
        <ul style={{ margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 6 }}>
          {docs.data?.map((d) => (
            <DocumentCard key={d.id} doc={d} />
          ))}
        </ul>
      )}
    </Section>
  );
}
