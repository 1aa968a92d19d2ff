// Mirrors (change together): src/modules/loans/engine-sql/close-chunk.sql.ts, src/modules/loans/engine-sql/close-snapshot.sql.ts
// The bench's fourth rendition of a loan's life: it runs the loans module's own engine (loanEngine: closeThrough,
// applyEvent, loanSummary, earnedIncome) and LoanPostings, and writes the rows the close would have written
// (the month-end snapshots of close-snapshot.sql.ts, the income catch-up of close-chunk.sql.ts INCOME_LINES,
// the DPD group of CLOSE_CALC) so a loaded portfolio equals a closed one; the 2,000-loan bench smoke reconciles them.
import 'reflect-metadata';
import type { DataSource, EntityManager } from 'typeorm';
import { addDays, endOfMonth, type LocalDate } from '../src/platform/dates/index.js';
import { Money, ZERO } from '../src/platform/money/index.js';
import type { Actor } from '../src/platform/actor/index.js';
import { LedgerService, nonZero, type JournalHeader, type JournalLine } from '../src/modules/ledger/index.js';
import { LoanPostings, loanEngine, termsOf, type LoanRow } from '../src/modules/loans/index.js';
import { MICROFINANCE_POLICY, dpdGroup } from '../src/modules/risk/index.js';
import type { ShapeSpec } from './shapes.js';

type LoanState = loanEngine.LoanState;
type InstallmentState = loanEngine.InstallmentState;
type AllocationLine = loanEngine.AllocationLine;

/** One journal transaction exactly as LedgerService.post would write it (zero lines dropped). */
export interface SimTransaction {
  header: JournalHeader;
  createdBy: string | null;
  lines: JournalLine[];
}

export interface SimEvent {
  kind: 'DISBURSEMENT' | 'REPAYMENT';
  valueDate: LocalDate;
  amount: Money;
  reference: string;
  /** Index into SimResult.transactions of the movement's posting. */
  transaction: number;
  allocation: AllocationLine[];
}

/** A month-end snapshot row's figures (close-chunk.sql.ts SNAPSHOT_ACTIVE), from the engine's state closed through that day. */
export interface SimSnapshot {
  date: LocalDate;
  disbursed: Money;
  outstanding: Money;
  overduePrincipal: Money;
  billedUnpaidInterest: Money;
  accruedInterest: Money;
  overdueInterest: Money;
  lateInterest: Money;
  principalCollected: Money;
  interestCollected: Money;
  daysPastDue: number;
  debtGroup: number;
}

export interface SimResult {
  state: LoanState;
  status: LoanRow['status'];
  closedOn: LocalDate | null;
  trancheCount: number;
  daysPastDue: number;
  debtGroup: number;
  posted: { interest: Money; overdue: Money; late: Money };
  transactions: SimTransaction[];
  events: SimEvent[];
  installments: Array<{ inst: InstallmentState; superseded: boolean }>;
  snapshots: SimSnapshot[];
}

function snapshotOf(s: LoanState, date: LocalDate): SimSnapshot {
  const summary = loanEngine.loanSummary(s, date);
  const collected = loanEngine.collectedIncome(s);
  return {
    date,
    disbursed: s.disbursedPrincipal,
    outstanding: s.outstandingPrincipal,
    overduePrincipal: summary.overduePrincipal,
    billedUnpaidInterest: summary.billedUnpaidInterest,
    accruedInterest: summary.accruedInterest,
    overdueInterest: summary.overdueInterest,
    lateInterest: summary.lateInterest,
    principalCollected: collected.principal,
    interestCollected: collected.interest,
    daysPastDue: summary.daysPastDue,
    debtGroup: dpdGroup(MICROFINANCE_POLICY, summary.daysPastDue),
  };
}

/**
 * The product's posting rules, unchanged: LoanPostings over a ledger that captures what it
 * would write instead of writing it. Only LedgerService.post is replaced.
 */
class CapturingLedger extends LedgerService {
  readonly captured: SimTransaction[] = [];

  constructor() {
    super(undefined as unknown as DataSource);
  }

  override post(_m: EntityManager, actor: Actor, header: JournalHeader, lines: readonly JournalLine[]): Promise<string> {
    const kept = nonZero(lines);
    const total = kept.reduce((s, l) => s.plus(l.amount), ZERO);
    if (!total.isZero()) throw new Error(`unbalanced posting in the simulation: ${total.toFixed()}`);
    this.captured.push({ header, createdBy: actor.userId, lines: kept });
    return Promise.resolve(String(this.captured.length - 1));
  }
}

/** accrualCatchUp also writes the posted figures to the loan row: the simulation keeps them itself. */
const NO_DATABASE = { query: () => Promise.resolve([]) } as unknown as EntityManager;

function actor(userId: string, role: 'OFFICER' | 'ADMIN'): Actor {
  return { userId, username: `bench.${role.toLowerCase()}`, roles: [role], borrowerId: null, requestId: null };
}

/** Month-ends from the start date's month through `through`: the days the close posts accruals. */
function monthEnds(start: LocalDate, through: LocalDate): LocalDate[] {
  const out: LocalDate[] = [];
  for (let d = endOfMonth(start); d <= through; d = endOfMonth(addDays(d, 1))) out.push(d);
  return out;
}

interface Planned {
  date: LocalDate;
  kind: 'DISBURSEMENT' | 'REPAYMENT';
  amount: (s: LoanState) => Money | null;
}

function dueNow(s: LoanState, date: LocalDate): Money {
  const q = loanEngine.payoffQuote(s, date);
  return q.overdueInterest.plus(q.lateInterest).plus(q.billedInterest).plus(q.duePrincipal);
}

/** The dated events of a shape: disbursements and repayments by its behaviour. */
function plan(spec: ShapeSpec, dueDates: readonly LocalDate[], lastClosed: LocalDate): Planned[] {
  const out: Planned[] = [];
  const amount = new Money(spec.amount);
  const first = spec.behaviour === 'TRANCHES' ? amount.mul('0.6').div(1_000_000).floor().mul(1_000_000) : amount;
  out.push({ date: spec.startDate, kind: 'DISBURSEMENT', amount: () => first });
  if (spec.behaviour === 'TRANCHES') {
    const second = addDays(spec.startDate, 45);
    if (second <= lastClosed && dueDates.some((d) => d > second)) out.push({ date: second, kind: 'DISBURSEMENT', amount: () => amount.minus(first) });
  }
  const due = dueDates.filter((d) => d <= lastClosed);
  due.forEach((d, j) => {
    switch (spec.behaviour) {
      case 'LATE': {
        const late = addDays(d, 6);
        if (late <= lastClosed) out.push({ date: late, kind: 'REPAYMENT', amount: (s) => dueNow(s, late) });
        break;
      }
      case 'PARTIAL':
        out.push({ date: d, kind: 'REPAYMENT', amount: (s) => dueNow(s, d).mul('0.7').div(1000).floor().mul(1000) });
        break;
      case 'STOPPED':
        if (j < due.length - spec.missedLast) out.push({ date: d, kind: 'REPAYMENT', amount: (s) => dueNow(s, d) });
        break;
      case 'PREPAY':
        out.push({ date: d, kind: 'REPAYMENT', amount: (s) => (j === 1 ? dueNow(s, d).plus(s.outstandingPrincipal.mul('0.15').floor()) : dueNow(s, d)) });
        break;
      default:
        out.push({ date: d, kind: 'REPAYMENT', amount: (s) => dueNow(s, d) });
    }
  });
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind === 'DISBURSEMENT' ? -1 : 1));
}

/**
 * Replays what the services do to one loan from its first disbursement to the close of
 * `lastClosed`: each event recorded on its value date (engine state, accrual catch-up, then
 * the movement's posting), and every month-end close posting the income earned. Uses the
 * real engine (loanEngine) and the real posting rules (LoanPostings).
 */
export async function simulateLoan(spec: ShapeSpec, row: LoanRow, users: { officer: string; admin: string }, lastClosed: LocalDate): Promise<SimResult> {
  // The same copy of the contract terms the services make (loans' termsOf), from the shape's start date.
  const terms = termsOf(row, spec.startDate) as loanEngine.LoanTerms;
  const ledger = new CapturingLedger();
  const postings = new LoanPostings(ledger);
  const officer = actor(users.officer, 'OFFICER');
  const admin = actor(users.admin, 'ADMIN');
  let posted = { interest: ZERO, overdue: ZERO, late: ZERO };
  const rowNow = (): LoanRow => ({
    ...row,
    interest_earned_posted: posted.interest.toFixed(),
    overdue_interest_earned_posted: posted.overdue.toFixed(),
    late_interest_earned_posted: posted.late.toFixed(),
  });
  const catchUp = async (s: LoanState, date: LocalDate, who: Actor): Promise<void> => {
    await postings.accrualCatchUp(NO_DATABASE, who, rowNow(), s, date, date);
    const e = loanEngine.earnedIncome(s);
    posted = { interest: e.interest, overdue: e.overdueInterest, late: e.lateInterest };
  };
  const seen = new Map<number, InstallmentState>();
  const remember = (s: LoanState): void => s.installments.forEach((i) => seen.set(i.seq, i));

  const ends = monthEnds(spec.startDate, lastClosed);
  let state: LoanState = loanEngine.initialLoanState(terms);
  const scheduleDates = loanEngine.buildSchedule(terms, new Money(spec.amount), spec.startDate).map((p) => p.dueDate);
  const events: SimEvent[] = [];
  const snapshots: SimSnapshot[] = [];
  let trancheCount = 0;
  let status: LoanRow['status'] = 'PENDING_DISBURSEMENT';
  let closedOn: LocalDate | null = null;
  let n = 0;
  const closeMonthEnds = async (before: (d: LocalDate) => boolean): Promise<void> => {
    for (const m of ends) {
      if (m <= state.lastClosedDate || !before(m) || status !== 'ACTIVE') continue;
      state = loanEngine.closeThrough(state, m);
      await catchUp(state, m, admin);
      snapshots.push(snapshotOf(state, m));
    }
  };
  for (const p of plan(spec, scheduleDates, lastClosed)) {
    await closeMonthEnds((m) => m < p.date);
    const amount = p.amount(state);
    if (amount === null || amount.lte(0) || status === 'CLOSED') continue;
    n += 1;
    const reference = `BENCH-${spec.index}-${n}`;
    const applied =
      p.kind === 'DISBURSEMENT'
        ? loanEngine.applyEvent(state, { kind: 'DISBURSEMENT', date: p.date, amount })
        : loanEngine.applyEvent(state, { kind: 'REPAYMENT', id: 'new', date: p.date, amount });
    state = applied.state;
    remember(state);
    const settled = loanEngine.loanSummary(state, state.lastClosedDate).settled || (applied.allocation?.settled ?? false);
    status = settled ? 'CLOSED' : 'ACTIVE';
    closedOn = settled ? p.date : null;
    if (p.kind === 'DISBURSEMENT') trancheCount += 1;
    await catchUp(state, p.date, officer);
    if (p.kind === 'DISBURSEMENT') await postings.disbursement(NO_DATABASE, officer, rowNow(), amount, p.date, p.date, reference);
    else if (applied.allocation) await postings.repayment(NO_DATABASE, officer, rowNow(), applied.allocation.totals, amount, p.date, p.date, reference);
    events.push({
      kind: p.kind,
      valueDate: p.date,
      amount,
      reference,
      transaction: ledger.captured.length - 1,
      allocation: (applied.allocation?.lines ?? []).filter((l) => l.amount.gt(0)),
    });
  }
  await closeMonthEnds(() => true);
  if (status === 'ACTIVE') state = loanEngine.closeThrough(state, lastClosed);
  const finalSeqs = new Set(state.installments.map((i) => i.seq));
  const dpd = status === 'ACTIVE' ? loanEngine.daysPastDue(state, lastClosed) : 0;
  return {
    state,
    status,
    closedOn,
    trancheCount,
    daysPastDue: dpd,
    debtGroup: dpdGroup(MICROFINANCE_POLICY, dpd),
    posted,
    transactions: ledger.captured,
    events,
    installments: [
      ...state.installments.map((inst) => ({ inst, superseded: false })),
      ...[...seen.values()].filter((i) => !finalSeqs.has(i.seq)).map((inst) => ({ inst, superseded: true })),
    ],
    snapshots,
  };
}
