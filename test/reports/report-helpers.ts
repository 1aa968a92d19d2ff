import { Money } from '../../src/platform/money/index.js';
import { type LoanRow, LOAN_COLUMNS, loanEngine, loanStore, termsOf } from '../../src/modules/loans/index.js';
import type { TestApp } from '../support/test-app.js';

export interface ReplayTotals {
  outstanding: string;
  overduePrincipal: string;
  overdueInterest: string;
  penaltyInterest: string;
  par30Amount: string;
  outstandingLoans: number;
}

/**
 * The independent answer for date D: every loan replayed by the engine from its terms and events
 * alone (no installment rows, no ledger), summed.
 */
export async function replayTotals(t: TestApp, asOf: string): Promise<ReplayTotals> {
  const rows: LoanRow[] = await t.db.query(`SELECT ${LOAN_COLUMNS} FROM loans l WHERE l.start_date IS NOT NULL AND l.start_date <= $1`, [asOf]);
  let outstanding = new Money(0);
  let overduePrincipal = new Money(0);
  let overdueInterest = new Money(0);
  let penalty = new Money(0);
  let par30 = new Money(0);
  let n = 0;
  for (const row of rows) {
    const terms = termsOf(row);
    if (!terms) continue;
    const events = await loanStore.events(t.db.manager, String(row.id));
    const s = loanEngine.loanSummary(loanEngine.replay(terms, events, asOf).state, asOf);
    outstanding = outstanding.plus(s.outstandingPrincipal);
    overduePrincipal = overduePrincipal.plus(s.overduePrincipal);
    overdueInterest = overdueInterest.plus(s.billedUnpaidInterest);
    penalty = penalty.plus(s.overdueInterest).plus(s.lateInterest);
    if (s.daysPastDue >= 30) par30 = par30.plus(s.outstandingPrincipal);
    if (s.outstandingPrincipal.gt(0)) n += 1;
  }
  return {
    outstanding: outstanding.toFixed(),
    overduePrincipal: overduePrincipal.toFixed(),
    overdueInterest: overdueInterest.toFixed(),
    penaltyInterest: penalty.toFixed(),
    par30Amount: par30.toFixed(),
    outstandingLoans: n,
  };
}

/** All text of a PDF's text layer (pdfjs-dist legacy build runs in Node). */
export async function pdfText(buffer: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(buffer), useSystemFonts: false, disableFontFace: true }).promise;
  const parts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    parts.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' '));
  }
  await doc.destroy();
  return parts.join('\n');
}
