import { baseUrl } from './support';

/** A user the journeys act as through the API, to set up what a page then shows. */
export type Who = { username: string; password: string };

const tokens = new Map<string, string>();

async function tokenOf(who: Who): Promise<string> {
  const known = tokens.get(who.username);
  if (known) return known;
  const res = await fetch(`${baseUrl()}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: who.username, password: who.password }),
  });
  if (!res.ok) throw new Error(`login ${who.username}: ${res.status}`);
  const token = ((await res.json()) as { accessToken: string }).accessToken;
  tokens.set(who.username, token);
  return token;
}

/** Calls the API as `who`; throws with the server's answer when it is not 2xx. */
export async function api<T = { id: string }>(method: string, path: string, who: Who, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const token = await tokenOf(who);
  const res = await fetch(`${baseUrl()}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
