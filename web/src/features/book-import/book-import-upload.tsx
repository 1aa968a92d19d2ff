import { Alert, Button, FileInput, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../shared/api/problem';
import { useIdempotencyKey } from '../../shared/hooks/use-idempotency-key';
import { notifyError, notifySuccess } from '../../shared/ui/notify';
import { BOOK_IMPORT_NS } from './book-import-i18n';
import { downloadTemplate, useUploadBook } from './book-import-queries';

/** The two templates (the upload reads either language's headers). */
export function TemplateDownloads() {
  const { t } = useTranslation(BOOK_IMPORT_NS);
  const get = (lang: 'vi' | 'en') => downloadTemplate(lang).catch(() => notifyError(t('templates.failed')));
  return (
    <Group gap="sm" wrap="wrap">
      <Text fw={600} size="sm">
        {t('templates.title')}
      </Text>
      <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} onClick={() => void get('vi')}>
        {t('templates.vi')}
      </Button>
      <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} onClick={() => void get('en')}>
        {t('templates.en')}
      </Button>
    </Group>
  );
}

/**
 * The dry run's upload: the workbook and the origin tag, sent with the action's Idempotency-Key (a
 * double click or a retry sends the same one). The same file again answers its earlier import.
 */
export function BookUpload() {
  const { t } = useTranslation(BOOK_IMPORT_NS);
  const navigate = useNavigate();
  const upload = useUploadBook();
  const idem = useIdempotencyKey();
  const [file, setFile] = useState<File | null>(null);
  const [origin, setOrigin] = useState('');
  const [local, setLocal] = useState<string | null>(null);

  const choose = (f: File | null) => {
    setLocal(null);
    idem.done();
    if (f && !/\.xlsx$/i.test(f.name)) {
      setFile(null);
      return setLocal(t('upload.notXlsx'));
    }
    setFile(f);
  };

  const send = () => {
    if (!file) return;
    upload.mutate(
      { file, origin, key: idem.begin() },
      {
        onSuccess: (created) => {
          idem.done();
          notifySuccess(created.duplicate ? t('upload.duplicate') : t('upload.accepted', { name: created.fileName }));
          void navigate(`/book-imports/${created.id}`);
        },
        onError: (e) => notifyError(isApiError(e) ? e.problem.detail || t('common:errors.unexpected') : t('common:errors.unexpected')),
      },
    );
  };

  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="sm">
        <Group gap="sm" wrap="nowrap">
          <IconFileSpreadsheet size={32} stroke={1.5} aria-hidden style={{ flexShrink: 0, color: 'var(--mantine-color-blue-8)' }} />
          <Title order={2} size="h4">
            {t('upload.title')}
          </Title>
        </Group>
        <Group align="flex-end" gap="md" wrap="wrap">
          <FileInput
            label={t('upload.file')}
            placeholder={t('upload.filePlaceholder')}
            // Mantine's placeholder grey is 2:1 on white; gray.7 keeps 4.5:1 (axe color-contrast).
            styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={choose}
            clearable
            w={320}
            data-testid="book-file"
          />
          <TextInput
            label={t('upload.origin')}
            description={t('upload.originHint')}
            value={origin}
            onChange={(e) => setOrigin(e.currentTarget.value)}
            maxLength={200}
            w={420}
          />
          <Button onClick={send} disabled={!file} loading={upload.isPending}>
            {t('upload.submit')}
          </Button>
        </Group>
        {local && (
          <Alert color="red" role="alert">
            {local}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
