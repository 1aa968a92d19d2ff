import { Alert, Badge, Button, Group, Modal, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServerErrors } from '../../shared/hooks/use-server-errors';
import { notifySuccess } from '../../shared/ui/notify';
import { LOAN_FILE_NS } from './loan-file-i18n';
import { useChecklist, useWaive, type DocType } from './loan-file-queries';

// Filled shades with at least 4.5:1 for white text (as the status badges).
const COLOR = { PRESENT: '#1e7b34', WAIVED: '#8a4b00', MISSING: '#c92a2a' } as const;

/**
 * The product's required documents for an application: present (on the application or its
 * borrower), waived with a reason (who, why) or missing; submission is refused while one is missing.
 */
export function ChecklistPanel({ appId, canWaive }: { appId: string; canWaive: boolean }) {
  const { t } = useTranslation(LOAN_FILE_NS);
  const list = useChecklist(appId);
  const waive = useWaive(appId);
  const onServerError = useServerErrors({ ns: LOAN_FILE_NS });
  const [target, setTarget] = useState<DocType | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  if (!list.data) return null;
  const items = list.data.items;
  const confirm = () => {
    if (!target) return;
    waive.mutate(
      { docType: target, reason: reason.trim() },
      {
        onSuccess: () => {
          notifySuccess(t('checklist.waived'));
          setTarget(null);
          setReason('');
          setReasonError(null);
        },
        onError: (e) => {
          const p = onServerError(e);
          const fe = p?.errors.find((x) => x.field === 'reason');
          setReasonError(fe ? t('fieldErrors.reason.minLength') : null);
        },
      },
    );
  };
  return (
    <Paper withBorder p="md" radius="md" data-testid="document-checklist">
      <Title order={2} size="h4" mb="sm">
        {t('checklist.title')}
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('checklist.none')}
        </Text>
      ) : (
        <Stack gap="xs">
          <Alert color={list.data.missing.length ? 'red' : 'green'} data-testid="checklist-summary">
            {list.data.missing.length ? t('checklist.missing', { count: list.data.missing.length }) : t('checklist.complete')}
          </Alert>
          <Table verticalSpacing={6} fz="sm" aria-label={t('checklist.title')}>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={i.docType} data-testid={`checklist-${i.docType}`}>
                  <Table.Td>
                    <Text size="sm">{t(`types.${i.docType}`)}</Text>
                    {i.waiver && (
                      <Text size="xs" c="dimmed">
                        {t('checklist.waivedBy', { name: i.waiver.waivedByName, reason: i.waiver.reason })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td w={140}>
                    <Badge color={COLOR[i.status]} variant="filled">
                      {t(`checklist.status.${i.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td w={90} ta="right">
                    {canWaive && i.status === 'MISSING' && (
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setTarget(i.docType)}
                        aria-label={`${t('checklist.waive')}: ${t(`types.${i.docType}`)}`}
                      >
                        {t('checklist.waive')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
      <Modal
        opened={target !== null}
        onClose={() => setTarget(null)}
        title={target ? t('checklist.waiveTitle', { type: t(`types.${target}`) }) : ''}
        closeButtonProps={{ 'aria-label': t('common:actions.close') }}
      >
        <Stack>
          <Textarea
            label={t('checklist.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={reasonError}
            autosize
            minRows={2}
            maxLength={1000}
            required
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setTarget(null)}>
              {t('checklist.cancel')}
            </Button>
            <Button onClick={confirm} loading={waive.isPending}>
              {t('checklist.confirmWaive')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
