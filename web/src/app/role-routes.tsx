import { Center, Loader } from '@mantine/core';
import { type ComponentType, lazy, Suspense } from 'react';
import { useMe } from '../shared/auth/use-me';
import { AppShellLayout } from './shell/app-shell';
import { PortalShell } from './shell/portal-shell';

/**
 * A cooperative user (only the COOPERATIVE role, as the server's isCooperativeOnly) gets the
 * cooperatives' portal; everyone else the officers' workspace. The choice is made when the page
 * renders (a lazy route is resolved once for all users, so it cannot choose), from GET /auth/me.
 */
export function useIsCooperative(): boolean | undefined {
  const me = useMe().data;
  return me ? me.roles.includes('COOPERATIVE') && me.roles.every((r) => r === 'COOPERATIVE') : undefined;
}

function Waiting() {
  return (
    <Center mih="40vh" aria-busy="true">
      <Loader size="sm" />
    </Center>
  );
}

/** The layout by role: the portal's slim shell, or the officers' shell with its side navigation. */
export function RoleLayout() {
  const cooperative = useIsCooperative();
  if (cooperative === undefined) return <Waiting />;
  return cooperative ? <PortalShell /> : <AppShellLayout />;
}

type Loader = () => Promise<ComponentType>;

/**
 * One address, a page per role (e.g. `/loans/:id`: the portal's read-only loan for a cooperative,
 * the officers' loan page for staff). Each page is still its own lazy chunk.
 */
export function byRole(pages: { cooperative: Loader; staff: Loader }): ComponentType {
  const Cooperative = lazy(async () => ({ default: await pages.cooperative() }));
  const Staff = lazy(async () => ({ default: await pages.staff() }));
  return function RolePage() {
    const cooperative = useIsCooperative();
    if (cooperative === undefined) return <Waiting />;
    return <Suspense fallback={<Waiting />}>{cooperative ? <Cooperative /> : <Staff />}</Suspense>;
  };
}
