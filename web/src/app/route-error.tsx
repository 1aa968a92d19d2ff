import { Alert, Button, Container } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

/** A page that failed to load (a lazy chunk gone after a deploy, a render error): say so, offer a reload. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  console.error(error);
  return (
    <Container size="sm" py="xl">
      <Alert color="red" title={t('errors.title')} role="alert">
        {t('errors.unexpected')}
        <Button mt="sm" variant="light" color="red" onClick={() => window.location.reload()}>
          {t('actions.retry')}
        </Button>
      </Alert>
    </Container>
  );
}
