import type pg from 'pg';
import type { Api } from './http.js';
import type { Ledger } from './storm.js';

export interface BooksCheck {
  scenario: string;
  accepted: number;
  refused: number;
  posted: number;
  lost: number;
  postedTwice: number;
  refusedButPosted: number;
  unresolved: number;
  unbalanced: number;
  reconciliationMismatches: number;
  auditOk: boolean;
  ok: boolean;
  problems: string[];
}

/**
 * "Nothing lost, nothing twice, books balance": every repayment the clients saw accepted is
 * posted exactly once, none they saw refused is posted, no repayment was posted that no client
 * saw accepted, the journal balances, the loans reconcile with the ledger, the audit chain verifies.
 * `since`: the largest loan_events id before the clients started.
 */
export async function checkBooks(scenario: string, db: pg.Pool, ledger: Ledger, since: string, auditor: Api): Promise<BooksCheck> {
  const problems: string[] = [];
  const posted = (
    await db.query<{ id: string; loan_id: string }>(`SELECT id::text, loan_id::text FROM loan_events WHERE kind = 'REPAYMENT' AND id > $1`, [since])
  ).rows;
  const postedIds = new Map(posted.map((r) => [r.id, r.loan_id]));
  const acceptedIds = new Map<string, number>();
  for (const a of ledger.accepted) acceptedIds.set(a.eventId, (acceptedIds.get(a.eventId) ?? 0) + 1);
  // Two keys answered with the same event: one repayment stands for two the clients made (lost).
  let lost = 0;
  for (const a of ledger.accepted) if (postedIds.get(a.eventId) !== a.loanId) lost += 1;
  for (const n of acceptedIds.values()) if (n > 1) lost += n - 1;
  // A posted repayment no client saw accepted: a retry posted twice, or a refused one posted.
  const extra = posted.filter((r) => !acceptedIds.has(r.id)).length;
  const refusedKeys = ledger.refused.map((r) => r.key);
  const refusedButPosted = (
    await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM idempotency_keys WHERE key = ANY($1::text[]) AND response_status BETWEEN 200 AND 299`, [
      refusedKeys,
    ])
  ).rows[0].n;
  const keysTwice = (
    await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT key FROM idempotency_keys WHERE key = ANY($1::text[]) GROUP BY key HAVING count(*) > 1) k`,
      [ledger.accepted.map((a) => a.key)],
    )
  ).rows[0].n;
  const unbalanced = (
    await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT transaction_id FROM journal_entries GROUP BY transaction_id HAVING sum(amount) <> 0) t`,
    )
  ).rows[0].n;
  const rec = await auditor.ok<{ loansChecked: number; mismatches: unknown[]; unbalancedTransactions: unknown[] }>('GET', '/ledger/reconciliation');
  const audit = await auditor.ok<{ ok: boolean; eventsChecked: number; anchorsChecked: number; firstBreak: unknown }>('GET', '/audit-events/verify');
  if (lost > 0) problems.push(`${lost} accepted repayment(s) not posted as answered`);
  if (extra > 0) problems.push(`${extra} repayment(s) posted that no client saw accepted`);
  if (refusedButPosted > 0) problems.push(`${refusedButPosted} refused key(s) recorded as accepted`);
  if (keysTwice > 0) problems.push(`${keysTwice} key(s) recorded twice`);
  if (ledger.unresolved.length > 0) {
    const rows = await db.query(
      `SELECT key, status, response_status, locked_at, now() AS now, created_at FROM idempotency_keys WHERE key = ANY($1::text[]) LIMIT 5`,
      [ledger.unresolved.map((u) => u.key)],
    );
    const activity = await db.query(
      `SELECT application_name, state, wait_event_type, wait_event, now() - xact_start AS xact_age, left(query, 160) AS query
       FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'`,
    );
    const loans = [...new Set(ledger.unresolved.map((u) => u.loanId))];
    problems.push(
      `${ledger.unresolved.length} key(s) on ${loans.length} loan(s) (${loans.slice(0, 10).join(', ')}) never got a final answer (APIs ${[...new Set(ledger.unresolved.map((u) => u.api))].join(', ')}; answers seen: ${JSON.stringify(ledger.unresolved.slice(0, 3).map((u) => u.history))}): ${JSON.stringify(rows.rows.slice(0, 2))}; sessions not idle: ${JSON.stringify(activity.rows)}`,
    );
  }
  if (unbalanced > 0) problems.push(`${unbalanced} unbalanced journal transaction(s)`);
  if (rec.mismatches.length + rec.unbalancedTransactions.length > 0)
    problems.push(`reconciliation: ${JSON.stringify([...rec.mismatches, ...rec.unbalancedTransactions].slice(0, 3))}`);
  if (!audit.ok) problems.push(`audit chain: ${JSON.stringify(audit.firstBreak)}`);
  return {
    scenario,
    accepted: ledger.accepted.length,
    refused: ledger.refused.length,
    posted: posted.length,
    lost,
    postedTwice: extra + keysTwice,
    refusedButPosted,
    unresolved: ledger.unresolved.length,
    unbalanced: unbalanced + rec.unbalancedTransactions.length,
    reconciliationMismatches: rec.mismatches.length,
    auditOk: audit.ok,
    ok: problems.length === 0,
    problems,
  };
}

/** The figures a close leaves, to compare an interrupted close with an uninterrupted one on a copy. */
export async function closeFingerprint(db: pg.Pool): Promise<{ loans: Map<string, string>; journal: Map<string, string> }> {
  const cols = (
    await db.query<{ c: string }>(
      `SELECT column_name AS c FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'loans'
         AND column_name !~ '(_at|_by)$' ORDER BY ordinal_position`,
    )
  ).rows.map((r) => `l.${r.c}`);
  const loans = (await db.query<{ id: string; row: string }>(`SELECT l.id::text, row(${cols.join(', ')})::text AS row FROM loans l ORDER BY l.id`)).rows;
  const journal = (
    await db.query<{ k: string; total: string; n: string }>(
      `SELECT concat_ws('|', t.kind, e.account, e.loan_id, e.capital_source_id, e.value_date) AS k, sum(e.amount)::text AS total, count(*)::text AS n
       FROM journal_entries e JOIN journal_transactions t ON t.id = e.transaction_id GROUP BY 1`,
    )
  ).rows;
  return { loans: new Map(loans.map((r) => [r.id, r.row])), journal: new Map(journal.map((r) => [r.k, `${r.total} (${r.n} lines)`])) };
}

export function diffMaps(a: Map<string, string>, b: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [k, v] of a) if (b.get(k) !== v) out.push(`${k}: ${v} ≠ ${b.get(k) ?? 'absent'}`);
  for (const k of b.keys()) if (!a.has(k)) out.push(`${k}: absent ≠ ${b.get(k)}`);
  return out;
}
