import type { Role } from '../shared/auth/use-me';

/**
 * The side navigation (web-design.md "Layout"), in the domain's words. A helper who adds a work
 * area adds its entry here with the roles that may use it; an area not built yet is absent.
 * The server stays the authority: a role that may not see a menu would be refused by the API too.
 */
export interface NavItem {
  /** Key under `common:nav`. */
  key: string;
  to: string;
  roles: readonly Role[];
}

const STAFF: readonly Role[] = ['OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN'];

export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'home', to: '/', roles: STAFF },
  { key: 'borrowers', to: '/borrowers', roles: STAFF },
  { key: 'admin', to: '/admin', roles: ['ADMIN'] },
];

export function navItemsFor(roles: readonly Role[]): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.some((r) => roles.includes(r)));
}
