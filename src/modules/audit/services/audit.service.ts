import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { SqlStatement } from '../../../platform/database/index.js';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import type { Actor } from '../../../platform/actor/index.js';

export interface AuditEventInput {
  /** Dotted verb: "user.create", "loan.disburse". */
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

export interface ChainBreak {
  id: string;
  chainId: number;
  /**
   * HASH_MISMATCH: the event's content was changed; PREVIOUS_HASH_MISMATCH: an event before it in
   * its chain was deleted or changed; ANCHOR_MISSING: an anchored chain head (close_runs.audit_anchor)
   * is gone or changed, so the chain was truncated (its newest events deleted); `id` is the missing head.
   */
  reason: 'HASH_MISMATCH' | 'PREVIOUS_HASH_MISMATCH' | 'ANCHOR_MISSING';
}

/** The newest event of one chain, as kept in an anchor. */
export interface ChainHead {
  chainId: number;
  id: string;
  hash: string;
}

export interface VerifyResult {
  ok: boolean;
  eventsChecked: number;
  chains: number;
  /** Anchored chain heads checked (each close of business keeps the heads at its end). */
  anchorsChecked: number;
  firstBreak: ChainBreak | null;
}

const AUDIT_LOCK_NAMESPACE = 0x0a0d17; // advisory lock key space of the audit chains
/** The previous hash of a chain's first event (audit_chain_head answers it for an empty chain). */
const GENESIS = 'GENESIS';

/** JSON-safe copy: Decimals and Dates become strings, undefined drops out. */
function toJson(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value);
}

@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Which chain an entity's events go to: stable, so one record's history stays in one chain. */
  chainFor(entityType: string, entityId: string): number {
    const digest = createHash('sha1').update(`${entityType}:${entityId}`).digest();
    return digest.readUInt16BE(0) % this.config.auditChains;
  }

  /**
   * Appends an event in the caller's transaction, in one statement (recordIn's). The chain's
   * advisory lock, taken by that statement, is held until the transaction ends, so the next
   * event of the chain sees this one as its previous. Answers the new event's id.
   */
  async record(manager: EntityManager, actor: Actor, event: AuditEventInput): Promise<string> {
    const stmt = new SqlStatement();
    this.recordIn(stmt, 'audit', actor, event);
    const { sql, params } = stmt.build('SELECT id::text AS id FROM audit');
    const [row] = (await manager.query(sql, params)) as Array<{ id: string }>;
    return row.id;
  }

  /**
   * The same append as `record`, as CTEs of the caller's statement: the chain's lock is taken in
   * that statement by audit_chain_head (migration 1763800000090), which reads the chain's newest
   * event after the lock with a snapshot of its own, so the event links to the one before it
   * even when the statement started before that one committed. The lock is then held until the
   * caller's transaction ends, as with `record`: only from this statement on.
   */
  recordIn(stmt: SqlStatement, name: string, actor: Actor, event: AuditEventInput): void {
    const chain = stmt.add(this.chainFor(event.entityType, event.entityId));
    stmt.cte(`${name}_prev`, `SELECT audit_chain_head(${stmt.add(AUDIT_LOCK_NAMESPACE)}::int, ${chain}::smallint) AS h`);
    stmt.cte(
      `${name}_ev`,
      `SELECT ${chain}::smallint AS chain_id, clock_timestamp() AS occurred_at, ${stmt.add(actor.userId)}::bigint AS actor_id, ${stmt.add(actor.username)}::text AS actor_username,
              ${stmt.add(event.action)}::text AS action, ${stmt.add(event.entityType)}::text AS entity_type, ${stmt.add(event.entityId)}::text AS entity_id,
              ${stmt.add(toJson(event.before))}::jsonb AS before, ${stmt.add(toJson(event.after))}::jsonb AS after, ${stmt.add(actor.requestId)}::text AS request_id`,
    );
    stmt.cte(
      name,
      `INSERT INTO audit_events (chain_id, occurred_at, actor_id, actor_username, action, entity_type, entity_id, before, after, request_id, prev_hash, hash)
       SELECT ev.chain_id, ev.occurred_at, ev.actor_id, ev.actor_username, ev.action, ev.entity_type, ev.entity_id, ev.before, ev.after, ev.request_id,
              prev.h,
              audit_event_hash(ev.chain_id, prev.h, ev.occurred_at, ev.actor_id, ev.actor_username, ev.action, ev.entity_type, ev.entity_id, ev.before, ev.after, ev.request_id)
       FROM ${name}_ev ev, ${name}_prev prev
       RETURNING id`,
    );
  }

  /**
   * The newest event of every chain, as the caller's transaction sees them: an anchor, kept by the
   * caller where truncating audit_events cannot remove it (the close of business's run record).
   */
  async heads(manager: EntityManager): Promise<ChainHead[]> {
    const rows = (await manager.query(
      `SELECT c AS chain_id, h.id::text AS id, h.hash
       FROM generate_series(0, $1::int - 1) AS c
       CROSS JOIN LATERAL (SELECT id, hash FROM audit_events WHERE chain_id = c ORDER BY id DESC LIMIT 1) h
       ORDER BY c`,
      [this.config.auditChains],
    )) as Array<{ chain_id: number; id: string; hash: string }>;
    return rows.map((r) => ({ chainId: Number(r.chain_id), id: r.id, hash: r.hash }));
  }

  /**
   * Recomputes every hash and link. Reports the first event (by id) whose content no longer
   * matches its hash (edited) or whose previous-hash link is broken (an event before it
   * in its chain was deleted or edited). Then checks that every chain still reaches each head
   * anchored at the end of a close of business: a chain whose newest events were deleted links
   * correctly up to its new, shorter tip, and only the anchor shows what is gone.
   */
  async verify(): Promise<VerifyResult> {
    const rows: Array<{ id: string; chain_id: number; reason: ChainBreak['reason'] }> = await this.dataSource.query(
      `SELECT id, chain_id, CASE WHEN hash <> recomputed THEN 'HASH_MISMATCH' ELSE 'PREVIOUS_HASH_MISMATCH' END AS reason
       FROM (
         SELECT id, chain_id, hash, prev_hash,
                coalesce(lag(hash) OVER (PARTITION BY chain_id ORDER BY id), $1) AS expected_prev,
                audit_event_hash(chain_id, prev_hash, occurred_at, actor_id, actor_username, action, entity_type, entity_id, before, after, request_id) AS recomputed
         FROM audit_events
       ) e
       WHERE hash <> recomputed OR prev_hash <> expected_prev
       ORDER BY id
       LIMIT 1`,
      [GENESIS],
    );
    const [{ count, chains }] = (await this.dataSource.query(
      `SELECT count(*)::int AS count, count(DISTINCT chain_id)::int AS chains FROM audit_events`,
    )) as Array<{ count: number; chains: number }>;
    // The anchors live in the close's run records (close_runs.audit_anchor, written in the close's
    // own transaction through heads()); read here, never written.
    const [anchors] = (await this.dataSource.query(
      `WITH a AS (
         SELECT h."chainId" AS chain_id, h.id, h.hash FROM close_runs r, jsonb_to_recordset(r.audit_anchor) AS h("chainId" int, id bigint, hash text)
         WHERE r.audit_anchor IS NOT NULL
       )
       SELECT (SELECT count(*)::int FROM a) AS checked,
              (SELECT json_build_object('id', a.id::text, 'chainId', a.chain_id) FROM a
               WHERE NOT EXISTS (SELECT 1 FROM audit_events e WHERE e.id = a.id AND e.chain_id = a.chain_id AND e.hash = a.hash)
               ORDER BY a.id LIMIT 1) AS missing`,
    )) as Array<{ checked: number; missing: { id: string; chainId: number } | null }>;
    const first = rows[0];
    const firstBreak: ChainBreak | null = first
      ? { id: String(first.id), chainId: Number(first.chain_id), reason: first.reason }
      : anchors.missing
        ? { id: anchors.missing.id, chainId: Number(anchors.missing.chainId), reason: 'ANCHOR_MISSING' }
        : null;
    return { ok: !firstBreak, eventsChecked: count, chains, anchorsChecked: anchors.checked, firstBreak };
  }
}
