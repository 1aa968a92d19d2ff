import type { LocalDate, WorkingCalendar } from '../../../platform/dates/index.js';
import { Money } from '../../../platform/money/index.js';
import type { BookSheet } from '../dto/book-import.dto.js';
import { BOOK_COLUMNS } from './book-columns.js';
import type { BookContext, BookLoan } from './book-model.js';
import { type ReplayedLoan, checkOpeningPosition, replayBookLoan } from './book-replay.js';
import { legacyMessage, ruleMessage } from './book-rules.js';
import type { RawBook } from './book-workbook.js';
import { type CommuneProposal, type ValidatedBook, validateBook } from './book-validation.js';

type Both = { vi: string; en: string };

export interface StoredError {
  sheet: string;
  row: number;
  column: string;
  columnHeader: Both;
  rule: string;
  message: Both;
  value: string | null;
}

export interface StoredAmounts {
  code: string;
  name: string;
  loans: number;
  disbursed: string;
  outstanding: string;
}

export interface StoredReconciliation {
  loanRef: string;
  borrowerRef: string;
  row: number;
  asOf: string;
  reportedPrincipal: string;
  replayPrincipal: string;
  reportedInterest: string;
  replayInterest: string;
  principalDifference: string;
  interestDifference: string;
  difference: string;
  matches: boolean;
  dpd: number;
  debtGroup: number;
}

/** The dry run as kept on the import (book_imports.dry_run), both languages, rendered per request. */
export interface StoredDryRun {
  businessDate: string;
  cutOverDate: string | null;
  errors: StoredError[];
  counts: {
    borrowers: number;
    existingBorrowers: number;
    loans: number;
    loansWithHistory: number;
    openingPositions: number;
    legacyLoans: number;
    disbursements: number;
    repayments: number;
  };
  disbursedTotal: string;
  outstandingTotal: string;
  byCapitalSource: StoredAmounts[];
  bySector: StoredAmounts[];
  reconciliation: StoredReconciliation[];
  proposals: CommuneProposal[];
  legacy: Array<{ loanRef: string; row: number; rules: string[]; message: Both }>;
  notes: Both[];
}

export interface DryRunOutcome {
  readonly stored: StoredDryRun;
  readonly book: ValidatedBook;
  readonly replayed: ReadonlyMap<string, ReplayedLoan>;
}

function header(sheet: string, column: string): Both {
  const c = sheet in BOOK_COLUMNS ? BOOK_COLUMNS[sheet as BookSheet].find((x) => x.key === column) : undefined;
  return { vi: c?.vi ?? column, en: c?.en ?? column };
}

function group(loans: readonly BookLoan[], replayed: ReadonlyMap<string, ReplayedLoan>, key: (l: BookLoan) => { code: string; name: string }): StoredAmounts[] {
  const acc = new Map<string, { code: string; name: string; loans: number; disbursed: Money; outstanding: Money }>();
  for (const l of loans) {
    const k = key(l);
    const a = acc.get(k.code) ?? { ...k, loans: 0, disbursed: new Money(0), outstanding: new Money(0) };
    const f = figures(l, replayed);
    a.loans += 1;
    a.disbursed = a.disbursed.plus(f.disbursed);
    a.outstanding = a.outstanding.plus(f.outstanding);
    acc.set(k.code, a);
  }
  return [...acc.values()]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((a) => ({ ...a, disbursed: a.disbursed.toFixed(), outstanding: a.outstanding.toFixed() }));
}

/** Disbursed and outstanding as the import leaves the loan: the replay's (history) or the file's (opening position). */
export function figures(l: BookLoan, replayed: ReadonlyMap<string, ReplayedLoan>): { disbursed: Money; outstanding: Money } {
  if (l.opening) return { disbursed: l.opening.disbursedPrincipal, outstanding: l.opening.outstandingPrincipal };
  const r = replayed.get(l.ref);
  return { disbursed: r?.disbursed ?? new Money(0), outstanding: r?.outstanding ?? new Money(0) };
}

/**
 * The whole dry run: the rules (book-validation.ts), then every loan with history through the
 * engine, the reconciliation against the old system's figures and the totals by capital source
 * and by sector. Pure: the caller gathered the context and writes nothing before approval.
 */
export function dryRun(
  raw: RawBook,
  ctx: BookContext,
  calendar: (fromYear: number, toYear: number) => WorkingCalendar | null,
  sectorName: (code: string) => string,
): DryRunOutcome {
  const book = validateBook(raw, ctx);
  const replayed = new Map<string, ReplayedLoan>();
  const loans: BookLoan[] = [];
  for (const l of book.loans) {
    if (l.mode !== 'HISTORY') {
      const problem = checkOpeningPosition(l, ctx.businessDate, calendar);
      if (problem) book.problems.push(problem);
      else loans.push(l);
      continue;
    }
    const r = replayBookLoan(l, ctx.businessDate, calendar);
    if ('problem' in r) book.problems.push(r.problem);
    else {
      replayed.set(l.ref, r.replayed);
      loans.push(l);
    }
  }
  book.loans.splice(0, book.loans.length, ...loans);
  const errors: StoredError[] = book.problems
    .map((p) => ({
      sheet: p.sheet,
      row: p.row,
      column: p.column,
      columnHeader: header(p.sheet, p.column),
      rule: p.rule,
      message: {
        vi: ruleMessage(p.rule, { ...p.params, column: header(p.sheet, p.column).vi }, 'vi'),
        en: ruleMessage(p.rule, { ...p.params, column: header(p.sheet, p.column).en }, 'en'),
      },
      value: p.value,
    }))
    .sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet.localeCompare(b.sheet)));
  const reconciliation: StoredReconciliation[] = [];
  for (const l of loans) {
    const r = replayed.get(l.ref);
    if (!r?.reported) continue;
    const rp = l.reportedPrincipal ?? r.reported.principal;
    const ri = l.reportedInterest ?? r.reported.interest;
    const dp = r.reported.principal.minus(rp);
    const di = r.reported.interest.minus(ri);
    reconciliation.push({
      loanRef: l.ref,
      borrowerRef: l.borrowerRef,
      row: l.row,
      asOf: r.reported.asOf,
      reportedPrincipal: rp.toFixed(),
      replayPrincipal: r.reported.principal.toFixed(),
      reportedInterest: ri.toFixed(),
      replayInterest: r.reported.interest.toFixed(),
      principalDifference: dp.toFixed(),
      interestDifference: di.toFixed(),
      difference: dp.plus(di).toFixed(),
      matches: dp.isZero() && di.isZero(),
      dpd: r.dpd,
      debtGroup: r.debtGroup,
    });
  }
  const totals = loans.reduce(
    (a, l) => {
      const f = figures(l, replayed);
      return { disbursed: a.disbursed.plus(f.disbursed), outstanding: a.outstanding.plus(f.outstanding) };
    },
    { disbursed: new Money(0), outstanding: new Money(0) },
  );
  const notes: Both[] = book.notes.includes('old-address-unsupported')
    ? [
        {
          vi: 'Chưa có bảng đối chiếu địa giới trước 2025: chỉ nhận mã xã 2025.',
          en: 'The pre-2025 correspondence is not available: only 2025 commune codes are accepted.',
        },
      ]
    : [];
  const stored: StoredDryRun = {
    businessDate: ctx.businessDate,
    cutOverDate: book.cutOverDate,
    errors,
    counts: {
      borrowers: book.borrowers.filter((b) => !b.existingId).length,
      existingBorrowers: book.borrowers.filter((b) => b.existingId).length,
      loans: loans.length,
      loansWithHistory: loans.filter((l) => l.mode === 'HISTORY').length,
      openingPositions: loans.filter((l) => l.mode === 'OPENING').length,
      legacyLoans: loans.filter((l) => l.legacy.length > 0).length,
      disbursements: loans.reduce((n, l) => n + l.events.filter((e) => e.kind === 'DISBURSEMENT').length, 0),
      repayments: loans.reduce((n, l) => n + l.events.filter((e) => e.kind === 'REPAYMENT').length, 0),
    },
    disbursedTotal: totals.disbursed.toFixed(),
    outstandingTotal: totals.outstanding.toFixed(),
    byCapitalSource: group(loans, replayed, (l) => ({ code: l.capitalSource.id, name: l.capitalSource.name })),
    bySector: group(loans, replayed, (l) => ({ code: l.sectorCode, name: sectorName(l.sectorCode) })),
    reconciliation,
    proposals: book.proposals,
    legacy: loans
      .filter((l) => l.legacy.length > 0)
      .map((l) => ({
        loanRef: l.ref,
        row: l.row,
        rules: l.legacy.map((x) => x.rule),
        message: { vi: legacyMessage(l.legacy, 'vi'), en: legacyMessage(l.legacy, 'en') },
      })),
    notes,
  };
  return { stored, book, replayed };
}

/** INVALID with any error; NEEDS_CHOICES while an old address has several candidates and none chosen; else READY. */
export function statusOf(stored: StoredDryRun): 'INVALID' | 'NEEDS_CHOICES' | 'READY' {
  if (stored.errors.length > 0) return 'INVALID';
  if (stored.proposals.some((p) => p.chosenCode === null)) return 'NEEDS_CHOICES';
  return 'READY';
}

export type { LocalDate };
