import { AppShell, Anchor, Group, Menu, SegmentedControl, Text, UnstyledButton } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { endSession } from '../../shared/auth/session';
import { useMe } from '../../shared/auth/use-me';
import { useWorkspace } from '../../shared/auth/use-workspace';
import { toLanguage } from '../../shared/format/language';
import { changeLanguage } from '../../shared/i18n/i18n';

/**
 * The cooperative's own layout (web-design.md: "what is due, when, how much, how to pay; nothing
 * else in the way"): a slim header — the fund's name (home), the language switch and the user
 * menu — and no officers' navigation or search. One column, made for a 390-pixel phone.
 */
export function PortalShell() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const workspace = useWorkspace();
  const me = useMe();
  const logout = () => {
    endSession('logout');
    queryClient.clear();
  };
  return (
    <AppShell header={{ height: 56 }} padding="sm">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="xs">
          <Anchor component={Link} to="/" c="dark.9" fw={700} size="sm" lineClamp={2} style={{ minWidth: 0 }} data-testid="fund-name">
            {workspace.data?.fundName ?? t('appName')}
          </Anchor>
          <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
            <SegmentedControl
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
                  <UnstyledButton data-testid="user-menu" title={t('header.userMenu', { name: me.data.displayName })} maw={110}>
                    <Text size="xs" fw={600} lh={1.2} truncate>
                      {me.data.displayName}
                    </Text>
                    <Text size="xs" c="dimmed" lh={1.2} truncate>
                      {t('roles.COOPERATIVE')}
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
      </AppShell.Header>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
