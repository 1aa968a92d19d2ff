import { useSyncExternalStore } from 'react';

/**
 * The bearer token, kept in localStorage (not sessionStorage): officers open borrowers and
 * loans in new tabs and share links with colleagues, and each new tab should not ask for the
 * password again. The server bounds the risk (JWT_EXPIRES_IN, 8 h by default; a disabled user's
 * tokens stop at once); logout clears it in every tab (the storage event); an expired token is
 * dropped on read. The token is never put in a cookie, so no request is sent with it by
 * another site (no CSRF surface); XSS is kept out by the CSP (no inline scripts).
 */
const KEY = 'htx.session';

export interface Session {
  token: string;
  /** Epoch milliseconds from the token's `exp`, or null when it has none. */
  expiresAt: number | null;
}

type Listener = () => void;
const listeners = new Set<Listener>();
let cached: Session | null | undefined;
/** Why the last session ended, shown once by the login page ('expired' after a 401). */
let endReason: 'expired' | 'logout' | null = null;

function decodeExpiry(token: string): number | null {
  try {
    const part = token.split('.')[1] ?? '';
    const json = JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
    return typeof json.exp === 'number' ? json.exp * 1000 : null;
  } catch {
    return null;
  }
}

function read(): Session | null {
  try {
    const raw = window.localStorage.getItem(KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Session;
    if (typeof s.token !== 'string') return null;
    if (s.expiresAt !== null && s.expiresAt <= Date.now()) return null;
    return s;
  } catch {
    return null;
  }
}

function emit(): void {
  cached = undefined;
  for (const l of listeners) l();
}

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e) => {
    if (e.key === KEY) emit();
  });
}

export function getSession(): Session | null {
  if (cached === undefined) cached = read();
  if (cached && cached.expiresAt !== null && cached.expiresAt <= Date.now()) cached = null;
  return cached;
}

export function startSession(token: string): void {
  const session: Session = { token, expiresAt: decodeExpiry(token) };
  window.localStorage.setItem(KEY, JSON.stringify(session));
  endReason = null;
  emit();
}

export function endSession(reason: 'expired' | 'logout'): void {
  if (!getSession() && reason === 'expired') return;
  window.localStorage.removeItem(KEY);
  endReason = reason;
  emit();
}

/** Why the last session ended, without forgetting it (RequireAuth: a logout goes to /login without ?next=). */
export function peekEndReason(): 'expired' | 'logout' | null {
  return endReason;
}

/** Returns and forgets why the last session ended. */
export function takeEndReason(): 'expired' | 'logout' | null {
  const r = endReason;
  endReason = null;
  return r;
}

function subscribe(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useSession(): Session | null {
  return useSyncExternalStore(subscribe, getSession, () => null);
}
