import { Alert, Button, FileButton, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError, type Problem } from '../../shared/api/problem';
import { toLanguage } from '../../shared/format/language';
import { formatCount } from '../../shared/format/money';
import { notifyError, notifySuccess } from '../../shared/ui/notify';
import { IMPORTS_NS } from './imports-i18n';
import { BANK_CODES, usePreviewStatement, useUploadStatement, type BankCode, type ColumnMapping } from './imports-queries';
import { ProblemTable, StatementPreviewPanel } from './statement-preview';

/** The API takes the CSV text in a JSON body bounded by BODY_LIMIT_BYTES (1 MB by default); a larger file is stopped here. */
const MAX_BYTES = 900 * 1024;

function fileSize(bytes: number, lang: 'vi' | 'en'): string {
  return bytes < 1024 ? `${formatCount(bytes, lang)} B` : `${formatCount(Math.ceil(bytes / 1024), lang)} KB`;
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
        <ProblemTable
          problems={problem.errors.map((e) => ({ line: e.field.replace(/^line /, ''), rule: e.rule, message: e.message }))}
          label={t('refusal.title')}
        />
      )}
    </Alert>
  );
}

/** The file as the API takes it: CSV as text, XLSX as its bytes in base64. */
async function fileBody(f: File): Promise<{ content: string } | { contentBase64: string }> {
  if (!/\.xlsx$/i.test(f.name)) return { content: await f.text() };
  const bytes = new Uint8Array(await f.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { contentBase64: btoa(binary) };
}

/**
 * Upload of a bank statement: drop a file on the zone or pick one (keyboard: the button), CSV as
 * UTF-8 text or XLSX as base64, with the bank it comes from. The server reads it first (preview):
 * the columns it applied, which the officer may change, the first lines and any problem; the upload
 * sends the same mapping, which is then remembered for the bank. On acceptance go to the import's
 * page, which follows the job. A malformed file is refused whole and its problems listed by line.
 */
export function StatementUpload() {
  const { t, i18n } = useTranslation(IMPORTS_NS);
  const lang = toLanguage(i18n.language);
  const navigate = useNavigate();
  const upload = useUploadStatement();
  const preview = usePreviewStatement();
  const [file, setFile] = useState<File | null>(null);
  const [body, setBody] = useState<{ content: string } | { contentBase64: string } | null>(null);
  const [bank, setBank] = useState<BankCode | null>(null);
  const [over, setOver] = useState(false);
  const [local, setLocal] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Problem | null>(null);

  const read = (f: File, content: { content: string } | { contentBase64: string }, bankCode: BankCode | null, mapping?: ColumnMapping) => {
    preview.mutate(
      { fileName: f.name, ...content, bankCode: bankCode ?? undefined, mapping },
      { onError: (e) => isApiError(e) && e.problem.code === 'IMPORT.MALFORMED_FILE' && setRefusal(e.problem) },
    );
  };

  const choose = (f: File | null) => {
    setRefusal(null);
    setLocal(null);
    preview.reset();
    setBody(null);
    if (!f) return setFile(null);
    if (!/\.(csv|txt|xlsx)$/i.test(f.name)) return setLocal(t('dropzone.notCsv'));
    // base64 takes a third more room in the JSON body than the file itself.
    const max = /\.xlsx$/i.test(f.name) ? Math.floor((MAX_BYTES * 3) / 4) : MAX_BYTES;
    if (f.size > max) return setLocal(t('dropzone.tooLarge', { max: fileSize(max, lang) }));
    setFile(f);
    void fileBody(f).then((content) => {
      setBody(content);
      read(f, content, bank);
    });
  };

  const chooseBank = (value: string | null) => {
    const code = (value as BankCode | null) ?? null;
    setBank(code);
    if (file && body) read(file, body, code);
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
    const content = body ?? (await fileBody(file));
    const mapping = preview.data?.mapping ?? undefined;
    upload.mutate(
      { fileName: file.name, ...content, bankCode: bank ?? undefined, mapping },
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
            <Select
              label={t('bank.label')}
              description={t('bank.hint')}
              placeholder={t('bank.placeholder')}
              data={BANK_CODES.map((c) => ({ value: c, label: t(`bank.names.${c}`) }))}
              value={bank}
              onChange={chooseBank}
              clearable
              maw={360}
              data-testid="bank-select"
            />
            {local && (
              <Text size="sm" c="red.8" role="alert">
                {local}
              </Text>
            )}
            <Group gap="xs" mt={4}>
              <FileButton onChange={choose} accept=".csv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
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
      {preview.isPending && (
        <Text size="sm" c="dimmed" role="status">
          {t('preview.reading')}
        </Text>
      )}
      {file && preview.data && (
        <Paper withBorder p="md" radius="md">
          <StatementPreviewPanel
            key={JSON.stringify([file.name, bank, preview.data.mapping, preview.data.mappingSource])}
            // Once the upload is refused, its list of problems is the one shown (not twice).
            preview={refusal ? { ...preview.data, problems: [] } : preview.data}
            busy={preview.isPending}
            onMapping={(m) => body && read(file, body, bank, m)}
          />
        </Paper>
      )}
      {refusal && <Refusal problem={refusal} />}
    </Stack>
  );
}
