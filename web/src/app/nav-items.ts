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
  /** Shown under a parent entry (`common:nav.<group>`), e.g. the admin screens under Quản trị. */
  group?: 'admin';
  /** The address prefix that marks the entry active, when wider than `to` (an area with sub-pages). */
  activeFor?: string;
}

const STAFF: readonly Role[] = ['OFFICER', 'APPROVER', 'AUDITOR', 'ADMIN'];

export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'home', to: '/', roles: STAFF },
  { key: 'borrowers', to: '/borrowers', roles: STAFF },
  { key: 'applications', to: '/applications', roles: STAFF },
  { key: 'loans', to: '/loans', roles: STAFF },
  { key: 'collateral', to: '/collateral', roles: STAFF },
  // The loan file: checks on the use of the money (inspections module's routes: staff).
  { key: 'inspections', to: '/inspections', roles: STAFF, activeFor: '/inspections' },
  { key: 'approvals', to: '/approvals', roles: ['APPROVER', 'ADMIN'] },
  { key: 'imports', to: '/imports', roles: STAFF },
  // The book-import routes' roles (book-imports controller: staff read, officers upload, approvers confirm).
  { key: 'bookImports', to: '/book-imports', roles: STAFF, activeFor: '/book-imports' },
  { key: 'close', to: '/close', roles: STAFF },
  // The report routes' roles (reports module REPORT_READERS); the audit trail's (audit-events controller).
  { key: 'reports', to: '/reports/portfolio', roles: ['AUDITOR', 'APPROVER', 'ADMIN', 'OFFICER'], activeFor: '/reports' },
  { key: 'audit', to: '/audit', roles: ['AUDITOR', 'ADMIN'] },
  { key: 'admin', to: '/admin', roles: ['ADMIN'], activeFor: '/admin' },
  // Staff may read the calendar at /calendar (read-only); the menu shows it to the admin who keeps it.
  { key: 'calendar', to: '/calendar', roles: ['ADMIN'] },
];

export function navItemsFor(roles: readonly Role[]): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.some((r) => roles.includes(r)));
}
