import { Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, type Problem } from '../../shared/api/problem';
import { useHasRole } from '../../shared/auth/use-me';
import { notifySuccess } from '../../shared/ui/notify';
import { APPROVALS_NS } from './approvals-i18n';

/**
 * Approve or reject with a reason. The approve button is never shown to someone who prepared the
 * case (four eyes), nor to a role that may not decide; the server checks both again, and its
 * refusal (its detail, in the user's language) is shown here if it comes.
 */
export function DecisionPanel({
  open,
  preparedByMe,
  children,
  onDecide,
  pending,
}: {
  /** The case still awaits a decision. */
  open: boolean;
  preparedByMe: boolean;
  /** Decision figures (an application's approved amount, term, rate). */
  children?: ReactNode;
  onDecide: (verdict: 'approve' | 'reject', note: string) => Promise<unknown>;
  pending: boolean;
}) {
  const { t } = useTranslation(APPROVALS_NS);
  const approver = useHasRole('APPROVER');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Problem | null>(null);

  if (!open) return null;
  const decide = (verdict: 'approve' | 'reject') => {
    setRefusal(null);
    if (!note.trim()) {
      setError(t('reasonRequired'));
      return;
    }
    setError(null);
    onDecide(verdict, note.trim()).then(
      () => notifySuccess(verdict === 'approve' ? t('approved') : t('rejected')),
      (e: unknown) => setRefusal(isApiError(e) ? e.problem : { status: 0, code: 'UNEXPECTED', detail: t('common:errors.unexpected'), errors: [] }),
    );
  };

  return (
    <Paper withBorder p="md" radius="md" data-testid="decision-panel">
      <Title order={2} size="h4" mb="sm">
        {t('sections.decision')}
      </Title>
      {refusal && (
        <Alert color="red" role="alert" title={t('refusedTitle')} mb="sm" data-testid="decision-refusal">
          {refusal.detail}
        </Alert>
      )}
      {preparedByMe ? (
        <Alert color="yellow" data-testid="four-eyes-note">
          <Text size="sm">{t('notYours')}</Text>
        </Alert>
      ) : !approver ? (
        <Text size="sm" c="dimmed">
          {t('notApprover')}
        </Text>
      ) : (
        <Stack gap="sm">
          {children}
          <Textarea label={t('fields.note')} required autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={error} />
          <Group justify="flex-end">
            <Button variant="default" color="red" onClick={() => decide('reject')} loading={pending}>
              {t('reject')}
            </Button>
            <Button onClick={() => decide('approve')} loading={pending}>
              {t('approve')}
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
