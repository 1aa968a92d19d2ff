import type pg from 'pg';
import { ApiClient } from './api-client.js';

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
