import { Alert, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/problem';

/** A failed query: the server's `detail` in the user's language, its request id, and a retry. */
export function ProblemAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const problem = isApiError(error) ? error.problem : null;
  const message = !problem
    ? t('errors.unexpected')
    : problem.status === 0
      ? t('errors.network')
      : problem.status === 403
        ? t('errors.forbidden')
        : problem.detail;
  return (
    <Alert color="red" title={t('errors.title')} role="alert">
      <Text size="sm">{message}</Text>
      {problem?.requestId && (
        <Text size="xs" c="dimmed" mt={4}>
          ID: {problem.requestId}
        </Text>
      )}
      {onRetry && (
        <Button variant="light" color="red" size="xs" mt="sm" onClick={onRetry}>
          {t('actions.retry')}
        </Button>
      )}
    </Alert>
  );
}
