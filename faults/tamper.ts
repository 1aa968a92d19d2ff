import type pg from 'pg';
import type { Api } from './http.js';

interface Verify {
  ok: boolean;
  anchorsChecked: number;
  firstBreak: { id: string; chainId: number; reason: string } | null;
}

export interface TamperResult {
  what: string;
  expected: string;
  got: string;
  ok: boolean;
}

/** The tamperer bypasses the append-only trigger, as someone with the database's superuser would. */
async function asSuperuser(db: pg.Pool, work: (c: pg.PoolClient) => Promise<void>): Promise<void> {
  const c = await db.connect();
  try {
    await c.query('BEGIN');
    await c.query(`SET LOCAL session_replication_role = replica`);
    await work(c);
    await c.query('COMMIT');
  } catch (e) {
    await c.query('ROLLBACK');
    throw e;
  } finally {
    c.release();
  }
}

const COLUMNS = `id, chain_id, occurred_at, actor_id, actor_username, action, entity_type, entity_id, before, after, request_id, prev_hash, hash`;

/**
 * The three tamperings of the audit trail, each undone before the next: an event's row changed,
 * an event deleted from the middle of its chain, and the newest events of a chain deleted back to
 * before the last close's anchor (tip truncation). Verification must name the changed event, the
 * event after the deleted one, and the missing anchored head.
 */
export async function tamperAudit(db: pg.Pool, auditor: Api): Promise<TamperResult[]> {
  const verify = (): Promise<Verify> => auditor.ok<Verify>('GET', '/audit-events/verify');
  const out: TamperResult[] = [];
  const clean = await verify();
  out.push({
    what: 'untouched chain',
    expected: 'ok',
    got: clean.ok ? `ok (${clean.anchorsChecked} anchored heads)` : JSON.stringify(clean.firstBreak),
    ok: clean.ok && clean.anchorsChecked > 0,
  });

  // 1. An event's row changed: a middle event of the busiest chain.
  const [victim] = (
    await db.query<{ id: string; chain_id: number; next: string }>(
      `SELECT id::text, chain_id, next::text FROM (SELECT id, chain_id, lead(id) OVER (PARTITION BY chain_id ORDER BY id) AS next,
              row_number() OVER (PARTITION BY chain_id ORDER BY id) AS k, count(*) OVER (PARTITION BY chain_id) AS n FROM audit_events) e
       WHERE k = n / 2 AND next IS NOT NULL ORDER BY n DESC LIMIT 1`,
    )
  ).rows;
  // Kept as PostgreSQL's own jsonb text, so that occurred_at keeps its microseconds for the hash.
  const saved = (
    await db.query<{ j: string; actor_username: string }>(`SELECT to_jsonb(a)::text AS j, actor_username FROM audit_events a WHERE id = $1`, [victim.id])
  ).rows[0];
  await asSuperuser(db, (c) => c.query(`UPDATE audit_events SET actor_username = actor_username || ' (sửa)' WHERE id = $1`, [victim.id]).then(() => undefined));
  const edited = await verify();
  out.push({
    what: 'an event changed',
    expected: `HASH_MISMATCH at ${victim.id}`,
    got: edited.firstBreak ? `${edited.firstBreak.reason} at ${edited.firstBreak.id}` : 'ok',
    ok: edited.firstBreak?.reason === 'HASH_MISMATCH' && edited.firstBreak.id === victim.id,
  });
  await asSuperuser(db, (c) => c.query(`UPDATE audit_events SET actor_username = $2 WHERE id = $1`, [victim.id, saved.actor_username]).then(() => undefined));

  // 2. The same event deleted from the middle: the next event of its chain no longer links.
  await asSuperuser(db, (c) => c.query(`DELETE FROM audit_events WHERE id = $1`, [victim.id]).then(() => undefined));
  const deleted = await verify();
  out.push({
    what: 'an event deleted from the middle',
    expected: `PREVIOUS_HASH_MISMATCH at ${victim.next}`,
    got: deleted.firstBreak ? `${deleted.firstBreak.reason} at ${deleted.firstBreak.id}` : 'ok',
    ok: deleted.firstBreak?.reason === 'PREVIOUS_HASH_MISMATCH' && deleted.firstBreak.id === victim.next,
  });
  await asSuperuser(db, async (c) => {
    await c.query(
      `INSERT INTO audit_events (${COLUMNS}) OVERRIDING SYSTEM VALUE
       SELECT ${COLUMNS} FROM jsonb_populate_record(NULL::audit_events, $1::jsonb)`,
      [saved.j],
    );
  });
  const restored = await verify();
  out.push({ what: 'after putting it back', expected: 'ok', got: restored.ok ? 'ok' : JSON.stringify(restored.firstBreak), ok: restored.ok });

  // 3. Tip truncation: the newest events of the chain holding the last close's own event, back to
  //    before that anchor. Every remaining link still verifies; only the anchor shows the loss.
  const [tip] = (
    await db.query<{ chain_id: number; id: string }>(
      `SELECT (h->>'chainId')::int AS chain_id, h->>'id' AS id FROM close_runs r, jsonb_array_elements(r.audit_anchor) h
       WHERE r.audit_anchor IS NOT NULL ORDER BY r.business_date DESC, (h->>'id')::bigint DESC LIMIT 1`,
    )
  ).rows;
  const removed = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE chain_id = $1 AND id >= $2`, [tip.chain_id, tip.id]))
    .rows[0].n;
  await asSuperuser(db, (c) => c.query(`DELETE FROM audit_events WHERE chain_id = $1 AND id >= $2`, [tip.chain_id, tip.id]).then(() => undefined));
  const truncated = await verify();
  out.push({
    what: `the newest ${removed} event(s) of a chain deleted (tip truncation)`,
    expected: `ANCHOR_MISSING at ${tip.id}`,
    got: truncated.firstBreak ? `${truncated.firstBreak.reason} at ${truncated.firstBreak.id}` : 'ok',
    ok: truncated.firstBreak?.reason === 'ANCHOR_MISSING' && truncated.firstBreak.id === tip.id,
  });
  return out;
}
