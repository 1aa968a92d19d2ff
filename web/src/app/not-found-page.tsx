import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start" gap="sm">
      <Title order={1} size="h2">
        {t('notFound.title')}
      </Title>
      <Text>{t('errors.notFound')}</Text>
      <Text c="dimmed">{t('errors.notFoundHint')}</Text>
      <Button component={Link} to="/">
        {t('notFound.home')}
      </Button>
    </Stack>
  );
}
