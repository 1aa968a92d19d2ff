import { Alert, Anchor, Button, Group, Modal, Skeleton, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../shared/format/date';
import { toLanguage } from '../../shared/format/language';
import { formatCount } from '../../shared/format/money';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { CALENDAR_NS } from './calendar-i18n';
import type { CalendarPreview } from './calendar-queries';

export interface PreviewModalProps {
  opened: boolean;
  title: string;
  /** The dry run's answer (undefined while it runs). */
  preview: CalendarPreview | undefined;
  previewError: unknown;
  /** The save's refusal, shown above the buttons (the modal stays open, nothing lost). */
  submitError: unknown;
  withNote: boolean;
  submitLabel: string;
  submitting: boolean;
  onSubmit: (note: string | undefined) => void;
  onClose: () => void;
}

/**
 * What a calendar change would move, before it is saved (docs/working-days.md "A change of the
 * calendar"): how many loans and installments, and the first moves, then save or cancel.
 */
export function CalendarPreviewModal(props: PreviewModalProps) {
  const { t, i18n } = useTranslation(CALENDAR_NS);
  const lang = toLanguage(i18n.language);
  const [note, setNote] = useState('');
  const { preview } = props;
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} size="xl" closeButtonProps={{ 'aria-label': t('common:actions.close') }}>
      <Stack gap="sm">
        {props.previewError ? <ProblemAlert error={props.previewError} /> : null}
        {!preview && !props.previewError && <Skeleton height={80} aria-busy="true" aria-label={t('common:loading')} />}
        {preview && (
          <>
            <Alert color={preview.installments > 0 ? 'orange' : 'green'} variant="light" data-testid="preview-summary">
              <Text fw={600}>
                {preview.installments > 0
                  ? t('preview.summary', { installments: formatCount(preview.installments, lang), loans: formatCount(preview.loans, lang) })
                  : t('preview.summaryNone')}
              </Text>
              <Text size="sm" mt={4}>
                {t('preview.scope', { date: formatDate(preview.businessDate) })}
              </Text>
            </Alert>
            {preview.moves.length > 0 && (
              <Table.ScrollContainer minWidth={640} mah={320}>
                <Table striped verticalSpacing={4} aria-label={props.title}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('preview.columns.contract')}</Table.Th>
                      <Table.Th className="num">{t('preview.columns.seq')}</Table.Th>
                      <Table.Th>{t('preview.columns.contractual')}</Table.Th>
                      <Table.Th>{t('preview.columns.from')}</Table.Th>
                      <Table.Th>{t('preview.columns.to')}</Table.Th>
                      <Table.Th>{t('preview.columns.reason')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {preview.moves.map((m) => (
                      <Table.Tr key={`${m.loanId}-${m.seq}`}>
                        <Table.Td>
                          <Anchor component={Link} to={`/loans/${m.loanId}`} size="sm">
                            {m.contractNumber}
                          </Anchor>
                        </Table.Td>
                        <Table.Td className="num">{m.seq}</Table.Td>
                        <Table.Td>{formatDate(m.contractualDate)}</Table.Td>
                        <Table.Td>{formatDate(m.fromDate)}</Table.Td>
                        <Table.Td fw={600}>{formatDate(m.toDate)}</Table.Td>
                        <Table.Td>{m.reason ? (lang === 'en' ? m.reason.en : m.reason.vi) : '—'}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            {preview.truncated && (
              <Text size="sm" c="dimmed">
                {t('preview.truncated', { shown: formatCount(preview.moves.length, lang), total: formatCount(preview.installments, lang) })}
              </Text>
            )}
          </>
        )}
        {props.withNote && (
          <Textarea
            label={t('preview.note')}
            placeholder={t('preview.notePlaceholder')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={500}
            autosize
            minRows={2}
          />
        )}
        {props.submitError ? <ProblemAlert error={props.submitError} /> : null}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={props.onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button onClick={() => props.onSubmit(note.trim() || undefined)} disabled={!preview} loading={props.submitting}>
            {props.submitLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
