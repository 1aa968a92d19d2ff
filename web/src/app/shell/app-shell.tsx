import { AppShell, Burger, Group, NavLink, ScrollArea, Skeleton, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useMe } from '../../shared/auth/use-me';
import { navItemsFor, type NavItem } from '../nav-items';
import { ShellHeader } from './shell-header';

/** The app shell: header, side navigation by work area (only the areas the role may use), content. */
export function AppShellLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const me = useMe();
  const items = navItemsFor(me.data?.roles ?? []);
  const isActive = (item: NavItem) => (item.to === '/' ? location.pathname === '/' : location.pathname.startsWith(item.activeFor ?? item.to));
  // Entries with a group (the admin screens) sit under one parent entry (Quản trị), open by default.
  const groups = [...new Set(items.flatMap((i) => (i.group ? [i.group] : [])))].map((group) => ({ group, items: items.filter((i) => i.group === group) }));
  const link = (item: NavItem) => {
    const active = isActive(item);
    return (
      <NavLink
        key={item.key}
        component={Link}
        to={item.to}
        label={t(`nav.${item.key}`)}
        active={active}
        aria-current={active ? 'page' : undefined}
        variant="filled"
        onClick={close}
      />
    );
  };

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" gap="sm" wrap="nowrap">
          <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.openMenu')} />
          <ShellHeader />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.label')} className="no-print">
        <AppShell.Section grow component={ScrollArea}>
          <nav aria-label={t('nav.label')}>
            {me.isPending
              ? Array.from({ length: 4 }, (_, i) => <Skeleton key={i} height={32} mb={6} />)
              : [
                  ...items.filter((i) => !i.group).map(link),
                  ...groups.map((g) => (
                    <NavLink key={g.group} component="button" label={t(`nav.${g.group}`)} defaultOpened childrenOffset="sm">
                      {g.items.map(link)}
                    </NavLink>
                  )),
                ]}
          </nav>
        </AppShell.Section>
        <AppShell.Section>
          <Text size="xs" c="dimmed" px="xs">
            {t('appName')}
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
