import { Alert, Button, Center, Paper, PasswordInput, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { api, call } from '../../shared/api/client';
import { isApiError } from '../../shared/api/problem';
import { startSession, takeEndReason, useSession } from '../../shared/auth/session';
import { toLanguage } from '../../shared/format/language';
import { changeLanguage } from '../../shared/i18n/i18n';
import { AUTH_NS } from './auth-i18n';

/** Only same-app paths are followed after login (no open redirect through ?next=). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t, i18n } = useTranslation(AUTH_NS);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const [reason] = useState(takeEndReason);
  const form = useForm({
    initialValues: { username: '', password: '' },
    validate: {
      username: (v) => (v.trim() ? null : t('required')),
      password: (v) => (v ? null : t('required')),
    },
  });
  const login = useMutation({
    mutationFn: (values: { username: string; password: string }) => call(api.POST('/api/v1/auth/login', { body: values })),
    onSuccess: (token) => {
      startSession(token.accessToken);
      void navigate(safeNext(params.get('next')), { replace: true });
    },
  });

  if (session && !login.isPending) return <Navigate to={safeNext(params.get('next'))} replace />;

  const error = login.error;
  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper component="main" withBorder shadow="sm" p="xl" radius="md" w={400} maw="100%">
        <Stack gap="md">
          <Stack gap={4}>
            <Title order={1} size="h2">
              {t('title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('subtitle')}
            </Text>
          </Stack>
          {reason === 'expired' && (
            <Alert color="yellow" role="status">
              {t('common:errors.sessionExpired')}
            </Alert>
          )}
          {reason === 'logout' && (
            <Alert color="blue" role="status">
              {t('loggedOut')}
            </Alert>
          )}
          {error && (
            <Alert color="red" role="alert" data-testid="login-error">
              {isApiError(error) ? (error.status === 0 ? t('common:errors.network') : error.problem.detail) : t('common:errors.unexpected')}
            </Alert>
          )}
          <form onSubmit={form.onSubmit((v) => login.mutate(v))} noValidate>
            <Stack gap="sm">
              <TextInput label={t('username')} autoComplete="username" required autoFocus {...form.getInputProps('username')} />
              <PasswordInput label={t('password')} autoComplete="current-password" required {...form.getInputProps('password')} />
              <Button type="submit" loading={login.isPending} fullWidth mt="xs">
                {t('submit')}
              </Button>
            </Stack>
          </form>
          <SegmentedControl
            size="xs"
            aria-label={t('common:header.language')}
            value={toLanguage(i18n.language)}
            onChange={(v) => void changeLanguage(toLanguage(v))}
            data={[
              { value: 'vi', label: 'Tiếng Việt' },
              { value: 'en', label: 'English' },
            ]}
          />
        </Stack>
      </Paper>
    </Center>
  );
}
