import type pg from 'pg';
import { ApiClient } from './api-client.js';
import { type AppEnv, runCli } from './processes.js';

export interface ReconciliationCheck {
  step: string;
  seconds: number;
  loansChecked: number;
  mismatches: number;
  unbalanced: number;
  ok: boolean;
  sample: unknown[];
}

/**
 * The product's reconciliation (GET /api/v1/ledger/reconciliation: ReconciliationService's
 * SQL), plus the journal's balance per capital source. The bench fails when anything drifts.
 */
export async function reconcile(apiUrl: string, token: string, db: pg.Pool, step: string): Promise<ReconciliationCheck> {
  const t = Date.now();
  const api = new ApiClient(apiUrl, token);
  const r = await api.ok<{ loansChecked: number; mismatches: unknown[]; unbalancedTransactions: unknown[] }>('GET', '/ledger/reconciliation');
  const [{ n }] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM loans`)).rows;
  const ok = r.mismatches.length === 0 && r.unbalancedTransactions.length === 0 && r.loansChecked === n;
  return {
    step,
    seconds: Math.round((Date.now() - t) / 100) / 10,
    loansChecked: r.loansChecked,
    mismatches: r.mismatches.length,
    unbalanced: r.unbalancedTransactions.length,
    ok,
    sample: [...r.mismatches.slice(0, 5), ...r.unbalancedTransactions.slice(0, 5)],
  };
}

/** The last JSON line a command printed that has `key` (its logs are JSON lines too). */
function lastJson<T>(out: string, key: string): T | null {
  const line = out
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('{') && l.includes(`"${key}"`));
  return line ? (JSON.parse(line) as T) : null;
}

/**
 * The portfolio report's kept totals against the per-loan report (`cli.js portfolio-totals --check`):
 * the report as of `date` read both ways must be the same JSON for every dimension.
 */
export async function reconcileKeptTotals(env: AppEnv, db: pg.Pool, date: string, step: string, pairs: boolean): Promise<ReconciliationCheck> {
  const t = Date.now();
  const r = await runCli(env, ['portfolio-totals', '--date', date, '--check', ...(pairs ? ['--pairs'] : [])]);
  const check = lastJson<{ groupings: number; mismatches: unknown[] }>(r.out, 'mismatches');
  const [{ n }] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM loans`)).rows;
  return {
    step: `${step}: kept report totals as of ${date}, ${check?.groupings ?? 0} groupings`,
    seconds: Math.round((Date.now() - t) / 100) / 10,
    loansChecked: n,
    mismatches: check ? check.mismatches.length : 1,
    unbalanced: 0,
    ok: r.code === 0 && check !== null && check.mismatches.length === 0,
    sample: check ? check.mismatches.slice(0, 3) : [r.out.slice(-2000)],
  };
}

/** Keeps the report's totals of `date` as the close of that day would have (`cli.js portfolio-totals`): the loaded portfolio was not closed by the close. */
export async function keepTotals(env: AppEnv, date: string): Promise<{ rows: number; ms: number }> {
  const r = await runCli(env, ['portfolio-totals', '--date', date]);
  const kept = lastJson<{ rows: number; ms: number }>(r.out, 'rows');
  if (r.code !== 0 || !kept) throw new Error(`portfolio-totals --date ${date} exited ${r.code}:\n${r.out.slice(-4000)}`);
  return kept;
}
