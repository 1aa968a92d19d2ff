import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import 'dayjs/locale/vi';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router/dom';
import { i18n } from '../shared/i18n/i18n';
import { queryClient } from './query-client';
import { router } from './router';
import { theme } from './theme';

function Localised() {
  const { i18n: current } = useTranslation();
  return (
    <DatesProvider settings={{ locale: current.language, firstDayOfWeek: 1 }}>
      <Notifications position="top-right" />
      <RouterProvider router={router} />
    </DatesProvider>
  );
}

export function AppProviders() {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <QueryClientProvider client={queryClient}>
          <Localised />
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
