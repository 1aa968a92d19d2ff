import { Badge, Group, Menu, SegmentedControl, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { endSession } from '../../shared/auth/session';
import { useMe } from '../../shared/auth/use-me';
import { useWorkspace } from '../../shared/auth/use-workspace';
import { formatDate } from '../../shared/format/date';
import { toLanguage } from '../../shared/format/language';
import { changeLanguage } from '../../shared/i18n/i18n';

/** Fund name, business date, global search (`/`), language switch, the user with their role and logout. */
export function ShellHeader() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const workspace = useWorkspace();
  const me = useMe();
  const search = useRef<HTMLInputElement>(null);
  const [q, setQ] = useState('');
  useHotkeys([['/', () => search.current?.focus()]]);

  // Ending the session sends RequireAuth to /login (without ?next=: a logout is not an interruption).
  const logout = () => {
    endSession('logout');
    queryClient.clear();
  };

  return (
    <Group justify="space-between" wrap="nowrap" style={{ flex: 1, minWidth: 0 }} gap="sm">
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
        <Text fw={700} size="sm" lineClamp={2} style={{ maxWidth: 320 }} visibleFrom="xs" data-testid="fund-name">
          {workspace.data?.fundName ?? t('appName')}
        </Text>
        {workspace.data && (
          <Badge
            variant="light"
            color="blue"
            size="lg"
            radius="sm"
            style={{ textTransform: 'none', flexShrink: 0 }}
            data-testid="business-date"
            title={`${t('header.businessDate')}: ${formatDate(workspace.data.businessDate)}`}
          >
            {/* On a phone the date alone fits beside the language switch and the user (officers inspect in the field). */}
            <Text span inherit visibleFrom="xs">
              {t('header.businessDate')}:{' '}
            </Text>
            {formatDate(workspace.data.businessDate)}
          </Badge>
        )}
      </Group>
      <Group gap="sm" wrap="nowrap">
        <form
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            void navigate(q.trim() ? `/borrowers?q=${encodeURIComponent(q.trim())}` : '/borrowers');
          }}
        >
          <TextInput
            ref={search}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            aria-label={t('header.search')}
            placeholder={t('header.searchPlaceholder')}
            w={{ base: 140, md: 300 }}
            visibleFrom="xs"
            onKeyDown={(e) => {
              if (e.key === 'Escape') e.currentTarget.blur();
            }}
          />
        </form>
        <SegmentedControl
          style={{ flexShrink: 0 }}
          size="xs"
          aria-label={t('header.language')}
          value={toLanguage(i18n.language)}
          onChange={(v) => void changeLanguage(toLanguage(v))}
          data={[
            { value: 'vi', label: 'VI' },
            { value: 'en', label: 'EN' },
          ]}
        />
        {me.data && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <UnstyledButton data-testid="user-menu" title={t('header.userMenu', { name: me.data.displayName })}>
                <Text size="sm" fw={600} lh={1.2} lineClamp={1} maw={{ base: 80, xs: 'none' }}>
                  {me.data.displayName}
                </Text>
                <Text size="xs" c="dimmed" lh={1.2} visibleFrom="xs">
                  {me.data.roles.map((r) => t(`roles.${r}`)).join(', ')}
                </Text>
              </UnstyledButton>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{me.data.username}</Menu.Label>
              <Menu.Item onClick={logout}>{t('header.logout')}</Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
    </Group>
  );
}
