import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { peekEndReason, useSession } from '../shared/auth/session';

/**
 * Without a session (never logged in, logged out, or a 401 ended it) the user goes to the login
 * page, which brings them back to this same address afterwards (`?next=`).
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' || peekEndReason() === 'logout' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return children;
}
