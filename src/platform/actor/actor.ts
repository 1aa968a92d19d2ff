import type { Role } from './role.js';

/**
 * Who is acting. Every service receives it explicitly (design.md): it carries the user,
 * roles, the borrower a COOPERATIVE user is bound to, and the request id for the audit trail.
 */
export interface Actor {
  userId: string | null;
  username: string;
  roles: readonly Role[];
  /** Set for COOPERATIVE users: the only borrower whose data they may reach. */
  borrowerId: string | null;
  requestId: string | null;
}

export const SYSTEM_ACTOR: Actor = Object.freeze({
  userId: null,
  username: 'system',
  roles: [],
  borrowerId: null,
  requestId: null,
});

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}

/** A COOPERATIVE user who is not also fund staff sees only its own borrower's data. */
export function isCooperativeOnly(actor: Actor): boolean {
  return actor.roles.includes('COOPERATIVE') && !actor.roles.some((r) => r !== 'COOPERATIVE');
}
