import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adminToken, userWithRoles } from '../support/factories.js';
import { closeUntil, loanWorld } from '../support/loan-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

interface Verify {
  ok: boolean;
  eventsChecked: number;
  anchorsChecked?: number;
  firstBreak: { id: string; reason: string } | null;
}

/** Tampering needs to get past the append-only trigger, as a superuser would. */
async function tamper(t: TestApp, sql: string, params: unknown[]): Promise<void> {
  await t.db.transaction(async (m) => {
    await m.query(`SET LOCAL session_replication_role = replica`);
    await m.query(sql, params);
  });
}

describe('audit trail', () => {
  let t: TestApp;
  let admin: string;
  let auditor: string;

  beforeAll(async () => {
    // Two chains only, so several events share a chain and a deletion shows as a broken link.
    t = await createTestApp({ env: { AUDIT_CHAINS: '2' } });
    admin = await adminToken(t);
    for (let i = 0; i < 6; i += 1) await userWithRoles(t, admin, ['OFFICER']);
    auditor = (await userWithRoles(t, admin, ['AUDITOR'])).token;
  });
  afterAll(async () => t.close());

  it('writes an event for every change with actor, before/after and request id', async () => {
    const res = await t.request(
      'POST',
      '/api/v1/users',
      { username: 'audited.one', displayName: 'A', password: 'password-123', roles: ['APPROVER'] },
      {
        token: admin,
        headers: { 'x-request-id': 'req-audit-1' },
      },
    );
    const list = await t.request<{ items: Array<Record<string, unknown>>; total: number }>(
      'GET',
      `/api/v1/audit-events?entityType=user&entityId=${(res.body as { id: string }).id}`,
      undefined,
      { token: auditor },
    );
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]).toMatchObject({ action: 'user.create', actorUsername: 'admin', requestId: 'req-audit-1', before: null });
    expect(list.body.items[0].after).toMatchObject({ username: 'audited.one', roles: ['APPROVER'] });
  });

  it('refuses UPDATE and DELETE from the application', async () => {
    await expect(t.db.query(`UPDATE audit_events SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
  });

  it('verifies an intact chain', async () => {
    const res = await t.request<Verify>('GET', '/api/v1/audit-events/verify', undefined, { token: auditor });
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(true);
    expect(res.body.eventsChecked).toBeGreaterThanOrEqual(9);
    expect(res.body.firstBreak).toBeNull();
  });

  it('finds an edited event', async () => {
    const [{ id }] = (await t.db.query(`SELECT id FROM audit_events ORDER BY id OFFSET 3 LIMIT 1`)) as Array<{ id: string }>;
    await tamper(t, `UPDATE audit_events SET after = jsonb_set(after, '{displayName}', '"Forged"') WHERE id = $1`, [id]);
    const res = await t.request<Verify>('GET', '/api/v1/audit-events/verify', undefined, { token: auditor });
    expect(res.body.ok).toBe(false);
    expect(res.body.firstBreak).toMatchObject({ id: String(id), reason: 'HASH_MISMATCH' });
  });

  it('finds a deleted event', async () => {
    const fresh = await createTestApp({ env: { AUDIT_CHAINS: '1' } });
    try {
      const token = await adminToken(fresh);
      for (let i = 0; i < 4; i += 1) await userWithRoles(fresh, token, ['OFFICER']);
      const ids = ((await fresh.db.query(`SELECT id FROM audit_events ORDER BY id`)) as Array<{ id: string }>).map((r) => String(r.id));
      await tamper(fresh, `DELETE FROM audit_events WHERE id = $1`, [ids[2]]);
      const auditorToken = (await userWithRoles(fresh, token, ['AUDITOR'])).token;
      const res = await fresh.request<Verify>('GET', '/api/v1/audit-events/verify', undefined, { token: auditorToken });
      expect(res.body.ok).toBe(false);
      expect(res.body.firstBreak).toMatchObject({ id: ids[3], reason: 'PREVIOUS_HASH_MISMATCH' });
    } finally {
      await fresh.close();
    }
  });

  it('finds a truncated tip: the newest events deleted back past the head a close of business anchored', async () => {
    const fresh = await createTestApp({ env: { AUDIT_CHAINS: '1' } });
    try {
      const w = await loanWorld(fresh, '2025-01-02');
      await closeUntil(fresh, w, '2025-01-03');
      const [{ anchor }] = (await fresh.db.query(`SELECT audit_anchor AS anchor FROM close_runs WHERE business_date = '2025-01-03'`)) as Array<{
        anchor: Array<{ chainId: number; id: string; hash: string }>;
      }>;
      expect(anchor).toHaveLength(1);
      const [{ head }] = (await fresh.db.query(`SELECT max(id)::text AS head FROM audit_events WHERE action = 'close-of-business.day'`)) as Array<{
        head: string;
      }>;
      expect(anchor[0].id).toBe(head);
      const intact = await fresh.request<Verify>('GET', '/api/v1/audit-events/verify', undefined, { token: w.auditor });
      expect(intact.body).toMatchObject({ ok: true, anchorsChecked: 2 });
      // Every link that is left still verifies: only the anchor shows that events are gone.
      await tamper(fresh, `DELETE FROM audit_events WHERE id >= $1`, [head]);
      const res = await fresh.request<Verify>('GET', '/api/v1/audit-events/verify', undefined, { token: w.auditor });
      expect(res.body.ok).toBe(false);
      expect(res.body.firstBreak).toMatchObject({ id: head, reason: 'ANCHOR_MISSING' });
    } finally {
      await fresh.close();
    }
  });
});
