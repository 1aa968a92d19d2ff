import { describe, expect, it } from '@jest/globals';
import { parseDateCell, parseMoneyCell, parsePercentCell } from './book-cells.js';
import { headerKey } from './book-columns.js';
import type { BookContext, ProductRef } from './book-model.js';
import { dryRun } from './book-dry-run.js';
import { validateBook } from './book-validation.js';
import type { RawBook, RawRow } from './book-workbook.js';

const product: ProductRef = {
  productId: '1',
  versionId: '1',
  code: 'NN',
  retired: false,
  minAmount: '50000000',
  maxAmount: '2000000000',
  minTermMonths: 12,
  maxTermMonths: 60,
  annualInterestRatePercent: '7.2',
  overdueMultiplier: '1.5',
  lateInterestRatePercent: '10',
  interestFrequency: 'QUARTERLY',
  amortizationMethod: 'EQUAL_PRINCIPAL',
  principalGracePeriods: 0,
  roundingUnit: '1',
  allocationOrder: [],
  prepaymentMode: 'REDUCE_INSTALLMENT',
  allowedBorrowerTypes: ['COOPERATIVE'],
  businessDayRule: 'NONE',
  maxTranches: 1,
};

function ctx(over: Partial<BookContext> = {}): BookContext {
  return {
    businessDate: '2025-12-05',
    fundProvinceCode: '19',
    fundProvinceName: 'Thái Nguyên',
    commune: (code) =>
      code === '05443'
        ? { code, name: 'Phường Phan Đình Phùng', provinceCode: '19', provinceName: 'Tỉnh Thái Nguyên' }
        : code === '00004'
          ? { code, name: 'Phường Ba Đình', provinceCode: '01', provinceName: 'Thành phố Hà Nội' }
          : undefined,
    proposeCommunes: null,
    sectors: new Set(['A', 'C']),
    products: new Map([['NN', product]]),
    capitalSources: new Map([['vốn điều lệ', { id: '1', name: 'Vốn điều lệ' }]]),
    existingBorrowers: new Map(),
    importedLoanRefs: new Map(),
    communeChoices: {},
    ...over,
  };
}

const row = (n: number, values: Record<string, string | null>): RawRow => ({ row: n, values });
const book = (sheets: Partial<RawBook['sheets']>): RawBook => ({
  sheets: { Borrowers: [], Loans: [], Disbursements: [], Repayments: [], OpeningPositions: [], ...sheets },
  problems: [],
});
const borrower = (n: number, over: Record<string, string | null> = {}): RawRow =>
  row(n, {
    ref: `B${n}`,
    type: 'COOPERATIVE',
    identityCode: `470000000${n}`,
    legalName: `HTX ${n}`,
    communeCode: '05443 — Phường Phan Đình Phùng',
    sectorCode: 'A — Nông nghiệp',
    ...over,
  });
const loan = (n: number, over: Record<string, string | null> = {}): RawRow =>
  row(n, {
    ref: `L${n}`,
    borrowerRef: 'B2',
    productCode: 'NN',
    capitalSource: 'Vốn điều lệ',
    sectorCode: 'A',
    purpose: 'Chè',
    signingDate: '15/03/2021',
    amount: '500.000.000',
    ratePercent: '7,2',
    termMonths: '36',
    frequency: 'QUARTERLY',
    mode: 'HISTORY',
    ...over,
  });

describe('book import rules', () => {
  it('reads Vietnamese and English headers and the cells in both notations', () => {
    expect(headerKey('Loans', 'Số tiền cho vay theo HĐ (đồng)')).toBe('amount');
    expect(headerKey('Loans', '  contract AMOUNT (vnd) ')).toBe('amount');
    expect(parseDateCell('05/03/2021')).toBe('2021-03-05');
    expect(parseDateCell('31/02/2021')).toBeNull();
    expect(parseMoneyCell('1.500.000', false)?.toFixed()).toBe('1500000');
    expect(parseMoneyCell('1500000.5', false)).toBeNull();
    expect(parseMoneyCell('0', false)).toBeNull();
    expect(parsePercentCell('7,2')?.toFixed()).toBe('7.2');
  });

  it('locates each broken rule by sheet, row and column, without cascading to the rows that reference it', () => {
    const v = validateBook(
      book({
        Borrowers: [
          borrower(2),
          borrower(3, { identityCode: '123' }),
          borrower(4, { communeCode: '00004' }),
          borrower(5, { communeCode: null, oldCommune: 'Xã Bằng Vân' }),
        ],
        Loans: [loan(2), loan(3, { borrowerRef: 'B3' }), loan(4, { amount: '1500000.5' }), loan(5, { termMonths: '72', ratePercent: '8.4' })],
        Disbursements: [
          row(2, { loanRef: 'L2', date: '2021-03-20', amount: '500000000' }),
          row(3, { loanRef: 'L4', date: '2021-03-20', amount: '1' }),
          row(4, { loanRef: 'X', date: '2021-03-20', amount: '1' }),
        ],
        Repayments: [row(2, { loanRef: 'L2', date: '2026-01-01', amount: '1000' })],
      }),
      ctx(),
    );
    const found = v.problems.map((p) => `${p.sheet}:${p.row}:${p.column}:${p.rule}`).sort();
    expect(found).toEqual(
      [
        'Borrowers:3:identityCode:book-import.identity',
        'Borrowers:4:communeCode:book-import.commune-outside-province',
        'Borrowers:5:oldCommune:book-import.old-address-unsupported',
        'Loans:3:borrowerRef:book-import.borrower-in-error',
        'Loans:4:amount:book-import.whole-dong',
        'Disbursements:4:loanRef:book-import.unknown-loan',
        'Repayments:2:date:book-import.date-after-business-date',
        'Loans:5:ref:book-import.no-disbursement',
      ].sort(),
    );
    expect(v.loans.map((l) => l.ref)).toEqual(['L2']);
  });

  it('keeps contracts outside today’s product limits as LEGACY, naming the limits', () => {
    const v = validateBook(
      book({
        Borrowers: [borrower(2)],
        Loans: [loan(2, { termMonths: '72', ratePercent: '8.4', amount: '2500000000' })],
        Disbursements: [row(2, { loanRef: 'L2', date: '2021-03-20', amount: '2500000000' })],
      }),
      ctx(),
    );
    expect(v.problems).toEqual([]);
    expect(v.loans[0].legacy.map((l) => l.rule)).toEqual(['product.amount-max', 'product.term-max', 'product.rate-max']);
  });

  it('proposes the 2025 commune of a former address and waits for a choice when several match', () => {
    const candidates = [
      { code: '05443', name: 'Phường Phan Đình Phùng', provinceCode: '19', provinceName: null },
      { code: '05444', name: 'Xã Khác', provinceCode: '19', provinceName: null },
    ];
    const raw = book({ Borrowers: [borrower(2, { communeCode: null, oldCommune: 'Xã Bằng Vân', oldDistrict: 'Huyện Ngân Sơn' })] });
    const open = validateBook(raw, ctx({ proposeCommunes: () => candidates }));
    expect(open.proposals).toEqual([expect.objectContaining({ row: 2, chosenCode: null })]);
    const chosen = validateBook(raw, ctx({ proposeCommunes: () => candidates, communeChoices: { '2': '05444' } }));
    expect(chosen.borrowers[0].communeCode).toBe('05444');
  });

  it('puts each opening position through the loan engine in the dry run, and refuses what it cannot continue from', () => {
    const opening = (n: number, over: Record<string, string | null> = {}): RawRow =>
      row(n, {
        loanRef: `L${n}`,
        cutOverDate: '30/09/2025',
        firstDisbursementDate: '20/03/2021',
        disbursedPrincipal: '500000000',
        outstandingPrincipal: '200000000',
        overduePrincipal: '40000000',
        overdueInterest: '3000000',
        accruedInterest: '1500000',
        dpd: '45',
        debtGroup: '2',
        ...over,
      });
    const raw = book({
      Borrowers: [borrower(2)],
      Loans: [2, 3, 4, 5].map((n) => loan(n, { mode: 'OPENING', termMonths: n === 4 ? '48' : '60' })),
      OpeningPositions: [
        opening(2),
        // A 48-month contract from 20/03/2021 has no due date left after 30/09/2025: principal not yet due is impossible.
        opening(4, { overduePrincipal: '0', overdueInterest: '0', dpd: '0' }),
        // Days past due reaching back to the first disbursement.
        opening(5, { dpd: '2000' }),
        // Overdue without days past due is fine (due on the cut-over day); days past due with nothing overdue is not.
        opening(3, { overduePrincipal: '0', overdueInterest: '0' }),
      ],
    });
    const withOrder = ctx({
      products: new Map([
        ['NN', { ...product, allocationOrder: ['PENALTY', 'OVERDUE_INTEREST', 'OVERDUE_PRINCIPAL', 'DUE_INTEREST', 'DUE_PRINCIPAL', 'PREPAYMENT'] }],
      ]),
    });
    const out = dryRun(
      raw,
      withOrder,
      () => null,
      () => 'Nông nghiệp',
    );
    expect(out.stored.errors.map((e) => `${e.sheet}:${e.row}:${e.column}:${e.rule}`).sort()).toEqual(
      ['OpeningPositions:3:dpd', 'OpeningPositions:4:loanRef', 'OpeningPositions:5:loanRef'].map((x) => `${x}:book-import.opening-inconsistent`).sort(),
    );
    expect(out.book.loans.map((l) => l.ref)).toEqual(['L2']);
    expect(out.stored.outstandingTotal).toBe('200000000');
    // The cut-over date must be a closed day, before the business date.
    const today = dryRun(
      book({ Borrowers: [borrower(2)], Loans: [loan(2, { mode: 'OPENING' })], OpeningPositions: [opening(2, { cutOverDate: '05/12/2025' })] }),
      withOrder,
      () => null,
      () => 'Nông nghiệp',
    );
    expect(today.stored.errors.map((e) => `${e.sheet}:${e.row}:${e.column}:${e.rule}`)).toEqual([
      'OpeningPositions:2:cutOverDate:book-import.opening-inconsistent',
    ]);
  });
});
