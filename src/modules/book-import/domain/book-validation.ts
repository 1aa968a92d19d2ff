import type { LocalDate } from '../../../platform/dates/index.js';
import { Money } from '../../../platform/money/index.js';
import { BORROWER_TYPES, type BorrowerType, isValidIdentity } from '../../borrowers/index.js';
import { periodsIn } from '../../products/index.js';
import { FREQUENCY_CHOICES, MODES } from './book-columns.js';
import { codeOf } from './book-cells.js';
import type { BookBorrower, BookContext, BookEvent, BookLoan, BookOpening, BookProblem, CommuneCandidate } from './book-model.js';
import type { BookRule, LegacyRule, RuleParams } from './book-rules.js';
import type { RawBook, RawRow } from './book-workbook.js';
import { RowReader } from './book-row-reader.js';

export interface CommuneProposal {
  readonly row: number;
  readonly borrowerRef: string;
  readonly oldCommune: string | null;
  readonly oldDistrict: string | null;
  readonly candidates: CommuneCandidate[];
  readonly chosenCode: string | null;
}

export interface ValidatedBook {
  readonly problems: BookProblem[];
  readonly borrowers: BookBorrower[];
  readonly loans: BookLoan[];
  readonly proposals: CommuneProposal[];
  readonly notes: string[];
  readonly cutOverDate: LocalDate | null;
}

/**
 * Every row of every sheet against the API's rules (domain.md "Borrowers", "Loan products",
 * "Lending conditions"): identity numbers by type, communes in the fund's province, sectors,
 * products, capital sources, dates not after the business date, amounts in whole đồng, then the
 * references between sheets. Contracts outside today's product limits are kept as LEGACY.
 */
export function validateBook(raw: RawBook, ctx: BookContext): ValidatedBook {
  const problems: BookProblem[] = raw.problems.map((p) => ({ ...p, params: { column: p.column, value: p.value ?? '' } }));
  const notes: string[] = [];
  const borrowers = validateBorrowers(raw.sheets.Borrowers, ctx, problems);
  const proposals = borrowers.proposals;
  const byRef = new Map(borrowers.valid.map((b) => [b.ref, b]));
  const badBorrowerRefs = borrowers.badRefs;
  const loans: BookLoan[] = [];
  const loanRows = new Map<string, number>();
  const loanRefsInError = new Set<string>();
  for (const r of raw.sheets.Loans) {
    const x = new RowReader('Loans', r, problems);
    const ref = x.code('ref');
    if (ref !== null) {
      const seen = loanRows.get(ref);
      if (seen !== undefined) x.fail('ref', 'book-import.duplicate-ref', { limit: seen });
      else loanRows.set(ref, r.row);
      const earlier = ctx.importedLoanRefs.get(ref);
      if (earlier) x.fail('ref', 'book-import.loan-ref-taken', { limit: earlier });
    }
    const borrowerRef = x.code('borrowerRef');
    let borrowerType: string | null = null;
    if (borrowerRef !== null) {
      const inFile = byRef.get(borrowerRef);
      const existing = ctx.existingBorrowers.get(borrowerRef);
      if (inFile) borrowerType = inFile.type;
      else if (existing) borrowerType = existing.type;
      else if (badBorrowerRefs.has(borrowerRef)) x.fail('borrowerRef', 'book-import.borrower-in-error');
      else x.fail('borrowerRef', 'book-import.unknown-borrower');
    }
    const productCode = x.code('productCode');
    const product = productCode === null ? undefined : ctx.products.get(productCode);
    if (productCode !== null && !product) x.fail('productCode', 'book-import.unknown-product');
    const sourceName = x.text('capitalSource');
    const source =
      sourceName === null ? undefined : (ctx.capitalSources.get(sourceName.toLowerCase()) ?? ctx.capitalSources.get(codeOf(sourceName).toLowerCase()));
    if (sourceName !== null && !source) x.fail('capitalSource', 'book-import.unknown-capital-source');
    const sectorCode = x.code('sectorCode');
    if (sectorCode !== null && !ctx.sectors.has(sectorCode)) x.fail('sectorCode', 'book-import.unknown-sector');
    const purpose = x.text('purpose');
    const signingDate = x.date('signingDate', ctx.businessDate);
    const amount = x.money('amount');
    const ratePercent = x.percent('ratePercent');
    const termMonths = x.int('termMonths');
    const frequency = x.oneOf('frequency', FREQUENCY_CHOICES, FREQUENCY_CHOICES.join(', '));
    const mode = x.oneOf('mode', MODES, MODES.join(', '));
    const origin = x.text('origin');
    const reportedAsOf = x.date('reportedAsOf', ctx.businessDate);
    const reportedPrincipal = x.money('reportedPrincipal', true);
    const reportedInterest = x.money('reportedInterest', true);
    if (termMonths !== null && termMonths < 1) x.fail('termMonths', 'book-import.integer');
    if (product && borrowerType && !product.allowedBorrowerTypes.includes(borrowerType))
      x.fail('productCode', 'book-import.borrower-type-not-allowed', { value: borrowerType, limit: product.code });
    if (frequency && termMonths && frequency !== 'AT_MATURITY' && periodsIn(termMonths, frequency) === null)
      x.fail('termMonths', 'book-import.term-not-whole-periods', { limit: frequency });
    const legacy: Array<{ rule: LegacyRule; limit: string }> = [];
    if (product && amount && termMonths !== null && ratePercent) {
      // domain.md "Loan products": a product change never alters a signed contract; the import keeps the old terms as LEGACY.
      if (amount.lt(product.minAmount)) legacy.push({ rule: 'product.amount-min', limit: product.minAmount });
      if (amount.gt(product.maxAmount)) legacy.push({ rule: 'product.amount-max', limit: product.maxAmount });
      if (termMonths < product.minTermMonths) legacy.push({ rule: 'product.term-min', limit: String(product.minTermMonths) });
      if (termMonths > product.maxTermMonths) legacy.push({ rule: 'product.term-max', limit: String(product.maxTermMonths) });
      if (ratePercent.gt(product.annualInterestRatePercent)) legacy.push({ rule: 'product.rate-max', limit: product.annualInterestRatePercent });
      if (product.retired) legacy.push({ rule: 'product.retired', limit: product.code });
    }
    if (
      !x.ok ||
      ref === null ||
      borrowerRef === null ||
      !product ||
      !source ||
      !sectorCode ||
      !purpose ||
      !signingDate ||
      !amount ||
      !ratePercent ||
      !termMonths ||
      !frequency ||
      !mode
    ) {
      if (ref !== null) loanRefsInError.add(ref);
      continue;
    }
    loans.push({
      row: r.row,
      ref,
      borrowerRef,
      product,
      capitalSource: source,
      sectorCode,
      purpose,
      signingDate,
      amount,
      ratePercent,
      termMonths,
      frequency,
      mode,
      origin,
      reportedAsOf,
      reportedPrincipal,
      reportedInterest,
      legacy,
      events: [],
      opening: null,
    });
  }
  const loanByRef = new Map(loans.map((l) => [l.ref, l]));
  const eventRows = (sheet: 'Disbursements' | 'Repayments', kind: BookEvent['kind']): void => {
    for (const r of raw.sheets[sheet]) {
      const x = new RowReader(sheet, r, problems);
      const loanRef = x.code('loanRef');
      const date = x.date('date', ctx.businessDate);
      const amount = x.money('amount');
      const reference = x.text('reference');
      const loan = loanRef === null ? undefined : loanByRef.get(loanRef);
      if (loanRef !== null && !loan && !loanRefsInError.has(loanRef)) x.fail('loanRef', 'book-import.unknown-loan');
      if (loan && loan.mode !== 'HISTORY') x.fail('loanRef', 'book-import.mode-sheet-mismatch', { value: loan.ref, limit: loan.mode });
      if (loan && date && date < loan.signingDate) x.fail('date', 'book-import.before-signing', { value: date, limit: loan.signingDate });
      if (!x.ok || !loan || !date || !amount) continue;
      loan.events.push({ sheet, row: r.row, kind, date, amount, reference });
    }
  };
  eventRows('Disbursements', 'DISBURSEMENT');
  eventRows('Repayments', 'REPAYMENT');
  let cutOverDate: LocalDate | null = null;
  const openings = new Map<string, BookOpening>();
  // A loan whose OpeningPositions row is in error is not reported again as having none (no cascades).
  const openingRowsInError = new Set<string>();
  for (const r of raw.sheets.OpeningPositions) {
    const x = new RowReader('OpeningPositions', r, problems);
    const loanRef = x.code('loanRef');
    const cut = x.date('cutOverDate', ctx.businessDate);
    const first = x.date('firstDisbursementDate', ctx.businessDate);
    const o = {
      disbursedPrincipal: x.money('disbursedPrincipal'),
      outstandingPrincipal: x.money('outstandingPrincipal', true),
      overduePrincipal: x.money('overduePrincipal', true),
      overdueInterest: x.money('overdueInterest', true),
      accruedInterest: x.money('accruedInterest', true),
      dpd: x.int('dpd'),
      debtGroup: x.int('debtGroup'),
    };
    if (o.debtGroup !== null && (o.debtGroup < 1 || o.debtGroup > 5)) x.fail('debtGroup', 'book-import.debt-group');
    // The position is at the end of the cut-over day, which the close must already have closed (loans/domain/opening-position.ts).
    if (cut && cut >= ctx.businessDate)
      x.fail('cutOverDate', 'book-import.opening-inconsistent', { value: `cut-over ${cut} not before the business date ${ctx.businessDate}` });
    if (o.dpd !== null && o.dpd > 0 && o.overduePrincipal?.isZero() && o.overdueInterest?.isZero())
      x.fail('dpd', 'book-import.opening-inconsistent', { value: 'days past due without anything overdue' });
    if (cut) {
      if (cutOverDate === null) cutOverDate = cut;
      else if (cut !== cutOverDate) x.fail('cutOverDate', 'book-import.cut-over-differs', { value: cut, limit: cutOverDate });
    }
    const loan = loanRef === null ? undefined : loanByRef.get(loanRef);
    if (loanRef !== null && !loan && !loanRefsInError.has(loanRef)) x.fail('loanRef', 'book-import.unknown-loan');
    if (loan && loan.mode !== 'OPENING') x.fail('loanRef', 'book-import.mode-sheet-mismatch', { value: loan.ref, limit: loan.mode });
    if (o.outstandingPrincipal && o.disbursedPrincipal && o.outstandingPrincipal.gt(o.disbursedPrincipal))
      x.fail('outstandingPrincipal', 'book-import.opening-inconsistent', { value: 'outstanding > disbursed' });
    if (o.overduePrincipal && o.outstandingPrincipal && o.overduePrincipal.gt(o.outstandingPrincipal))
      x.fail('overduePrincipal', 'book-import.opening-inconsistent', { value: 'overdue > outstanding' });
    if (loan && o.disbursedPrincipal && o.disbursedPrincipal.gt(loan.amount))
      x.fail('disbursedPrincipal', 'book-import.disbursed-above-contract', { value: o.disbursedPrincipal.toFixed(), limit: loan.amount.toFixed() });
    if (loan && first && first < loan.signingDate) x.fail('firstDisbursementDate', 'book-import.before-signing', { value: first, limit: loan.signingDate });
    if (!x.ok || !loan || !cut || !first || Object.values(o).some((v) => v === null)) {
      if (loanRef !== null) openingRowsInError.add(loanRef);
      continue;
    }
    openings.set(loan.ref, {
      row: r.row,
      cutOverDate: cut,
      firstDisbursementDate: first,
      disbursedPrincipal: o.disbursedPrincipal as Money,
      outstandingPrincipal: o.outstandingPrincipal as Money,
      overduePrincipal: o.overduePrincipal as Money,
      overdueInterest: o.overdueInterest as Money,
      accruedInterest: o.accruedInterest as Money,
      dpd: o.dpd as number,
      debtGroup: o.debtGroup as number,
    });
  }
  const out: BookLoan[] = [];
  for (const loan of loans) {
    const fail = (rule: BookRule, column: string, params: RuleParams = {}): void => {
      problems.push({ sheet: 'Loans', row: loan.row, column, rule, params: { column, value: loan.ref, ...params }, value: loan.ref });
    };
    if (loan.mode === 'HISTORY') {
      const disbursements = loan.events.filter((e) => e.kind === 'DISBURSEMENT');
      if (disbursements.length === 0) {
        fail('book-import.no-disbursement', 'ref');
        continue;
      }
      const total = disbursements.reduce((a, e) => a.plus(e.amount), new Money(0));
      if (total.gt(loan.amount)) {
        fail('book-import.disbursed-above-contract', 'amount', { value: total.toFixed(), limit: loan.amount.toFixed() });
        continue;
      }
      const first = disbursements.map((e) => e.date).sort()[0];
      const early = loan.events.find((e) => e.kind === 'REPAYMENT' && e.date < first);
      if (early) {
        problems.push({
          sheet: 'Repayments',
          row: early.row,
          column: 'date',
          rule: 'book-import.before-first-disbursement',
          params: { column: 'date', value: early.date, limit: first },
          value: early.date,
        });
        continue;
      }
      out.push(loan);
    } else {
      const opening = openings.get(loan.ref);
      if (!opening) {
        if (!openingRowsInError.has(loan.ref)) fail('book-import.no-opening-position', 'ref');
        continue;
      }
      out.push({ ...loan, opening });
    }
  }
  if (!ctx.proposeCommunes && proposals.length === 0 && raw.sheets.Borrowers.some((r) => r.values.oldCommune)) {
    notes.push('old-address-unsupported');
  }
  return { problems, borrowers: borrowers.valid, loans: out, proposals, notes, cutOverDate };
}

function validateBorrowers(
  rows: RawRow[],
  ctx: BookContext,
  problems: BookProblem[],
): { valid: BookBorrower[]; badRefs: Set<string>; proposals: CommuneProposal[] } {
  const valid: BookBorrower[] = [];
  const badRefs = new Set<string>();
  const proposals: CommuneProposal[] = [];
  const refRows = new Map<string, number>();
  const identityRows = new Map<string, number>();
  for (const r of rows) {
    const x = new RowReader('Borrowers', r, problems);
    const ref = x.code('ref');
    if (ref !== null) {
      const seen = refRows.get(ref);
      if (seen !== undefined) x.fail('ref', 'book-import.duplicate-ref', { limit: seen });
      else refRows.set(ref, r.row);
    }
    const type = x.oneOf('type', BORROWER_TYPES, BORROWER_TYPES.join(', '));
    if (type === 'MEMBER') x.fail('type', 'book-import.member-not-supported');
    const identityCode = x.code('identityCode');
    if (type && identityCode !== null && !isValidIdentity(type as BorrowerType, identityCode)) x.fail('identityCode', 'book-import.identity', { limit: type });
    if (identityCode !== null) {
      const seen = identityRows.get(identityCode);
      if (seen !== undefined) x.fail('identityCode', 'book-import.duplicate-ref', { limit: seen });
      else identityRows.set(identityCode, r.row);
    }
    const existing = identityCode === null ? undefined : ctx.existingBorrowers.get(identityCode);
    const legalName = x.text('legalName');
    const shortName = x.text('shortName');
    const legalRepresentative = x.text('legalRepresentative');
    const phone = x.code('phone');
    if (phone !== null && !/^\+?\d{8,15}$/.test(phone)) x.fail('phone', 'book-import.unknown-value', { list: '8–15 digits' });
    const memberCount = x.int('memberCount');
    const charterCapital = x.money('charterCapital', true);
    const sectorCode = x.code('sectorCode');
    if (sectorCode !== null && !ctx.sectors.has(sectorCode)) x.fail('sectorCode', 'book-import.unknown-sector');
    let communeCode = x.code('communeCode');
    const oldCommune = x.text('oldCommune');
    const oldDistrict = x.text('oldDistrict');
    if (communeCode !== null) {
      const c = ctx.commune(communeCode);
      if (!c) x.fail('communeCode', 'book-import.unknown-commune');
      else if (c.provinceCode !== ctx.fundProvinceCode)
        x.fail('communeCode', 'book-import.commune-outside-province', { name: c.name, limit: ctx.fundProvinceName });
    } else if (oldCommune !== null) {
      const label = [oldCommune, oldDistrict].filter(Boolean).join(', ');
      if (!ctx.proposeCommunes) x.fail('oldCommune', 'book-import.old-address-unsupported', { value: label });
      else {
        const candidates = ctx.proposeCommunes(oldCommune, oldDistrict).filter((c) => c.provinceCode === ctx.fundProvinceCode);
        if (candidates.length === 0) x.fail('oldCommune', 'book-import.old-address-unmatched', { value: label });
        else {
          const chosen = ctx.communeChoices[String(r.row)] ?? (candidates.length === 1 ? candidates[0].code : null);
          proposals.push({ row: r.row, borrowerRef: ref ?? '', oldCommune, oldDistrict, candidates, chosenCode: chosen });
          communeCode = chosen;
        }
      }
    } else if (!existing) x.fail('communeCode', 'book-import.address-required');
    if (!x.ok || ref === null || !type || identityCode === null || !legalName || !sectorCode) {
      if (ref !== null) badRefs.add(ref);
      continue;
    }
    valid.push({
      row: r.row,
      ref,
      type,
      identityCode,
      legalName,
      shortName,
      legalRepresentative,
      phone,
      memberCount,
      charterCapital: charterCapital?.toFixed() ?? null,
      communeCode,
      sectorCode,
      existingId: existing?.id ?? null,
    });
  }
  return { valid, badRefs, proposals };
}
