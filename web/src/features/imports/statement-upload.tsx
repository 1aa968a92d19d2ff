import { Alert, Button, FileButton, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError, type Problem } from '../../shared/api/problem';
import { toLanguage } from '../../shared/format/language';
import { formatCount } from '../../shared/format/money';
import { notifyError, notifySuccess } from '../../shared/ui/notify';
import { IMPORTS_NS } from './imports-i18n';
import { useUploadStatement } from './imports-queries';

/** The API takes the CSV text in a JSON body bounded by BODY_LIMIT_BYTES (1 MB by default); a larger file is stopped here. */
const MAX_BYTES = 900 * 1024;

function fileSize(bytes: number, lang: 'vi' | 'en'): string {
  return bytes < 1024 ? `${formatCount(bytes, lang)} B` : `${formatCount(Math.ceil(bytes / 1024), lang)} KB`;
}

/** The value quoted in the parser's message (`date "2025-13-01" is not …`), shown inside the translated rule text. */
function quoted(message: string): string {
  const m = /"([^"]*)"/.exec(message);
  return m ? `“${m[1]}”` : '';
}

/** The whole-file refusal (IMPORT.MALFORMED_FILE): its detail, then one row per problem with its line number. */
function Refusal({ problem }: { problem: Problem }) {
  const { t } = useTranslation(IMPORTS_NS);
  return (
    <Alert color="red" title={t('refusal.title')} role="alert" data-testid="upload-refusal">
      <Text size="sm" mb="xs">
        {problem.detail}
      </Text>
      {problem.errors.length > 0 && (
        <Table withRowBorders verticalSpacing={4} fz="sm" aria-label={t('refusal.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80} className="num">{t('refusal.line')}</Table.Th>
              <Table.Th>{t('refusal.problem')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {problem.errors.map((e, i) => (
              <Table.Tr key={`${e.field}-${i}`}>
                <Table.Td className="num">{e.field.replace(/^line /, '')}</Table.Td>
                <Table.Td>{t(`csvRules.${e.rule}`, { value: quoted(e.message), defaultValue: e.message })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Alert>
  );
}

/**
 * Upload of a bank statement: drop a file on the zone or pick one (keyboard: the button), read it
 * in the browser as UTF-8 text, send {fileName, content}; on acceptance go to the import's page,
 * which follows the job. A malformed file is refused whole and its problems listed by line.
 */
export function StatementUpload() {
  const { t, i18n } = useTranslation(IMPORTS_NS);
  const lang = toLanguage(i18n.language);
  const navigate = useNavigate();
  const upload = useUploadStatement();
  const [file, setFile] = useState<File | null>(null);
  const [over, setOver] = useState(false);
  const [local, setLocal] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Problem | null>(null);

  const choose = (f: File | null) => {
    setRefusal(null);
    setLocal(null);
    if (!f) return setFile(null);
    if (!/\.(csv|txt)$/i.test(f.name)) return setLocal(t('dropzone.notCsv'));
    if (f.size > MAX_BYTES) return setLocal(t('dropzone.tooLarge', { max: fileSize(MAX_BYTES, lang) }));
    setFile(f);
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    choose(e.dataTransfer.files[0] ?? null);
  };

  const send = async () => {
    if (!file) return;
    setRefusal(null);
    // File.text() decodes UTF-8 (a BOM is dropped by the server's parser).
    const content = await file.text();
    upload.mutate(
      { fileName: file.name, content },
      {
        onSuccess: (created) => {
          notifySuccess(t('dropzone.accepted', { name: created.fileName }));
          void navigate(`/imports/${created.id}`);
        },
        onError: (e) => {
          if (isApiError(e) && e.problem.code === 'IMPORT.MALFORMED_FILE') setRefusal(e.problem);
          else notifyError(isApiError(e) ? e.problem.detail || t('common:errors.unexpected') : t('common:errors.unexpected'));
        },
      },
    );
  };

  return (
    <Stack gap="sm" mb="lg">
      <Paper
        withBorder
        p="lg"
        radius="md"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        data-testid="statement-dropzone"
        style={{ borderStyle: 'dashed', borderWidth: 2, background: over ? 'var(--mantine-color-blue-0)' : undefined }}
      >
        <Group gap="lg" wrap="nowrap" align="flex-start">
          <IconFileSpreadsheet size={40} stroke={1.5} aria-hidden style={{ flexShrink: 0, color: 'var(--mantine-color-blue-8)' }} />
          <Stack gap={6} style={{ flex: 1 }}>
            <Text fw={600}>{t('dropzone.title')}</Text>
            <Text size="sm" c="dimmed">
              {t('dropzone.hint')}
            </Text>
            {file && (
              <Text size="sm" fw={500} data-testid="selected-file">
                {t('dropzone.selected', { name: file.name, size: fileSize(file.size, lang) })}
              </Text>
            )}
            {local && (
              <Text size="sm" c="red.8" role="alert">
                {local}
              </Text>
            )}
            <Group gap="xs" mt={4}>
              <FileButton onChange={choose} accept=".csv,.txt,text/csv,text/plain">
                {(props) => (
                  <Button variant={file ? 'default' : 'filled'} {...props}>
                    {file ? t('dropzone.cancel') : t('dropzone.choose')}
                  </Button>
                )}
              </FileButton>
              {file && (
                <Button onClick={() => void send()} loading={upload.isPending} disabled={upload.isPending}>
                  {t('dropzone.submit')}
                </Button>
              )}
            </Group>
          </Stack>
        </Group>
      </Paper>
      {refusal && <Refusal problem={refusal} />}
    </Stack>
  );
}
