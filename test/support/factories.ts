import type { Role } from '../../src/platform/actor/index.js';
import type { TestApp } from './test-app.js';

let counter = 0;

/** Creates a user through the API as the admin and returns a token for it. */
export async function userWithRoles(
  t: TestApp,
  adminToken: string,
  roles: Role[],
  borrowerId?: string,
): Promise<{ id: string; username: string; token: string }> {
  counter += 1;
  const username = `${roles[0].toLowerCase()}.${counter}.${Math.random().toString(36).slice(2, 7)}`;
  const password = 'password-123';
  const res = await t.request<{ id: string }>(
    'POST',
    '/api/v1/users',
    { username, displayName: `Test ${username}`, password, roles, borrowerId },
    { token: adminToken },
  );
  if (res.status !== 201) throw new Error(`create user failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id, username, token: await t.login(username, password) };
}

export async function adminToken(t: TestApp): Promise<string> {
  return t.login('admin', 'admin-password-1');
}

export async function countRows(t: TestApp, table: string): Promise<number> {
  const [{ n }] = (await t.db.query(`SELECT count(*)::int AS n FROM ${table}`)) as Array<{ n: number }>;
  return n;
}
