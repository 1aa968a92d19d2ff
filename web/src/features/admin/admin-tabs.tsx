import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { ADMIN_NS } from './admin-i18n';

const TABS = [
  ['users', '/admin/users'],
  ['products', '/admin/products'],
  ['capitalSources', '/admin/capital-sources'],
  ['ledger', '/admin/ledger-accounts'],
  ['classification', '/admin/classification-policy'],
  ['fund', '/admin/fund'],
] as const;

/** The admin areas as tabs; each is its own address (bookmarkable), the tab follows the address. */
export function AdminTabs() {
  const { t } = useTranslation(ADMIN_NS);
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const current = TABS.find(([, to]) => pathname === to || pathname.startsWith(`${to}/`))?.[1] ?? null;
  return (
    <Tabs value={current} onChange={(to) => to && void navigate(to)} mb="md" className="no-print">
      <Tabs.List aria-label={t('title')} style={{ flexWrap: 'wrap' }}>
        {TABS.map(([key, to]) => (
          <Tabs.Tab key={key} value={to}>
            {t(`tabs.${key}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
