import ExcelJS from 'exceljs';
import { addDays, addMonthsClamped, type LocalDate } from '../src/platform/dates/index.js';
import { Money, percentToFraction } from '../src/platform/money/index.js';
import { loanEngine } from '../src/modules/loans/index.js';
import { BOOK_COLUMNS } from '../src/modules/book-import/domain/book-columns.js';
import { BOOK_SHEETS, type BookSheet } from '../src/modules/book-import/dto/book-import.dto.js';

/**
 * An example book of a former fund (the Bắc Kạn cooperative fund merged into Thái Nguyên's in July
 * 2025), for the import's tests and demos (docs/book-import.md): cooperatives from 2019 to 2025,
 * loans with their full history (disbursements and the repayments an engine replay says were due,
 * some stopping), some as opening positions at a cut-over date, contracts outside today's product
 * limits (LEGACY), pre-2025 addresses (one ambiguous) and, unless `bad` is false, a dozen
 * deliberately bad rows whose (sheet, row, column, rule) are returned for the tests to check.
 */

/** The product the book's loans are written against: create it with these parameters (code may be overridden). */
export const FORMER_FUND_PRODUCT = {
  code: 'BK-NN',
  name: 'Cho vay HTX nông nghiệp (Quỹ HTX Bắc Kạn chuyển về)',
  minAmount: '50000000',
  maxAmount: '2000000000',
  minTermMonths: 12,
  maxTermMonths: 60,
  annualInterestRatePercent: '7.2',
  principalFrequency: 'QUARTERLY',
  interestFrequency: 'QUARTERLY',
  principalGracePeriods: 0,
  allowedBorrowerTypes: ['COOPERATIVE', 'COOPERATIVE_UNION'],
  allowedSectors: [],
  collateralRequired: false,
  businessDayRule: 'NONE',
} as const;

export interface FormerFundOptions {
  /** Loans in the book (default 150). */
  readonly loans?: number;
  /** The date the history runs up to (the importing fund's business date). */
  readonly businessDate: LocalDate;
  readonly productCode?: string;
  /** Capital source names as registered in the importing fund. */
  readonly capitalSources: readonly string[];
  /** 2025 commune codes of the fund's province. */
  readonly communes: readonly string[];
  /** Share of loans given as opening positions instead of history (0–1, default 0.25). */
  readonly openingShare?: number;
  /** Include the dozen bad rows (default true). */
  readonly bad?: boolean;
  /** Give borrowers pre-2025 addresses (former commune and district) where the real book has them (default true). */
  readonly oldAddresses?: boolean;
  /** Loans whose old-book figures differ from the replay (default 3). */
  readonly reconciliationDifferences?: number;
  readonly seed?: number;
}

export interface ExpectedError {
  readonly sheet: BookSheet | 'Workbook';
  readonly row: number;
  readonly column: string;
  readonly rule: string;
}

export interface FormerFundBook {
  readonly buffer: Buffer;
  readonly expectedErrors: ExpectedError[];
  /** Good loans with history: their reference and what the engine's replay gives at the business date. */
  readonly history: Array<{ ref: string; outstanding: string; sectorCode: string; capitalSource: string; disbursed: string }>;
  /** The opening positions as written in the sheet (cut-over figures), for the tests to compare with. */
  readonly openings: Array<{
    ref: string;
    outstanding: string;
    sectorCode: string;
    capitalSource: string;
    disbursed: string;
    cutOverDate: LocalDate;
    overduePrincipal: string;
    overdueInterest: string;
    accruedInterest: string;
    dpd: number;
    debtGroup: number;
  }>;
  readonly legacyRefs: string[];
  readonly differingRefs: string[];
  readonly oldAddressRows: Array<{ row: number; ref: string; identityCode: string; ambiguous: boolean }>;
}

export type Row = Record<string, string | number | Date | null>;

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['Chè', 'Miến dong', 'Gạo Bao Thai', 'Hồng không hạt', 'Cam', 'Quýt', 'Nấm', 'Mật ong', 'Dược liệu', 'Chăn nuôi', 'Lâm sản', 'Du lịch cộng đồng'];
/**
 * Pre-July-2025 addresses as the old book writes them: two former Bắc Kạn communes that each went
 * whole into one 2025 commune (Bằng Phúc → Đồng Phúc, Cao Kỳ → Tân Kỳ), and Thượng Đình (Phú Bình),
 * split between two 2025 communes (Phú Bình, Điềm Thuỵ): the officer must choose.
 */
export const OLD_ADDRESSES = [
  { commune: 'Xã Bằng Phúc', district: 'Huyện Chợ Đồn', ambiguous: false, candidates: ['01933'] },
  { commune: 'Xã Cao Kỳ', district: 'Huyện Chợ Mới', ambiguous: false, candidates: ['02104'] },
  { commune: 'Xã Thượng Đình', district: 'Huyện Phú Bình', ambiguous: true, candidates: ['05908', '05941'] },
];

export async function formerFundBook(o: FormerFundOptions): Promise<FormerFundBook> {
  const rnd = prng(o.seed ?? 2025);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const count = o.loans ?? 150;
  const bad = o.bad ?? true;
  const productCode = o.productCode ?? FORMER_FUND_PRODUCT.code;
  const sheets: Record<BookSheet, Row[]> = { Borrowers: [], Loans: [], Disbursements: [], Repayments: [], OpeningPositions: [] };
  const rowOf = (sheet: BookSheet): number => sheets[sheet].length + 2;
  const expectedErrors: ExpectedError[] = [];
  const history: FormerFundBook['history'] = [];
  const openings: FormerFundBook['openings'] = [];
  const legacyRefs: string[] = [];
  const differingRefs: string[] = [];
  const oldAddressRows: FormerFundBook['oldAddressRows'] = [];
  const borrowerCount = Math.max(3, Math.ceil(count * 0.7));
  const borrowers: Array<{ ref: string; sector: string }> = [];
  for (let i = 1; i <= borrowerCount; i++) {
    const ref = `BK-HTX-${String(i).padStart(3, '0')}`;
    const sector = rnd() < 0.75 ? 'A' : pick(['C', 'G', 'I']);
    const old = (o.oldAddresses ?? true) && i <= OLD_ADDRESSES.length ? OLD_ADDRESSES[i - 1] : null;
    const identityCode = `47${String(10_000_000 + i * 7919).slice(-8)}`;
    if (old) oldAddressRows.push({ row: rowOf('Borrowers'), ref, identityCode, ambiguous: old.ambiguous });
    sheets.Borrowers.push({
      ref,
      type: i % 17 === 0 ? 'COOPERATIVE_UNION' : 'COOPERATIVE',
      identityCode,
      legalName: `Hợp tác xã ${pick(NAMES)} ${ref.slice(-3)}`,
      legalRepresentative: 'Ban quản trị HTX',
      phone: `0209${String(3_800_000 + i).slice(-7)}`,
      memberCount: 7 + Math.floor(rnd() * 60),
      charterCapital: (1 + Math.floor(rnd() * 20)) * 100_000_000,
      communeCode: old ? null : pick(o.communes),
      oldCommune: old?.commune ?? null,
      oldDistrict: old?.district ?? null,
      sectorCode: sector,
    });
    borrowers.push({ ref, sector });
  }
  const product = { ...FORMER_FUND_PRODUCT };
  const differences = o.reconciliationDifferences ?? 3;
  let historyIndex = 0;
  for (let i = 1; i <= count; i++) {
    const year = 2019 + Math.floor(((i - 1) * 7) / count);
    const signing = addDays(`${year}-01-10`, Math.floor(rnd() * 330));
    if (signing > addDays(o.businessDate, -120)) continue;
    const b = borrowers[(i - 1) % borrowers.length];
    const ref = `BK-${year}-${String(i).padStart(3, '0')}`;
    const legacy = i % 13 === 0;
    // Older contracts: longer terms and higher rates than today's product allows (kept as LEGACY).
    const termMonths = legacy ? 72 : pick([12, 24, 36, 48, 60]);
    const ratePercent = legacy ? '8.4' : pick(['6.6', '7.2']);
    const amount = new Money((legacy && i % 2 === 0 ? 250 : 5 + Math.floor(rnd() * 150)) * 10_000_000);
    if (legacy) legacyRefs.push(ref);
    const capitalSource = o.capitalSources[i % o.capitalSources.length];
    const opening = rnd() < (o.openingShare ?? 0.25);
    const disbursedOn = addDays(signing, 5);
    const terms = loanEngine.makeLoanTerms({
      annualRate: percentToFraction(ratePercent),
      termMonths,
      startDate: disbursedOn,
      method: 'EQUAL_PRINCIPAL',
      principalFrequency: 'QUARTERLY',
      interestFrequency: 'QUARTERLY',
    });
    const events: loanEngine.LoanEvent[] = [{ kind: 'DISBURSEMENT', date: disbursedOn, amount }];
    const repayments: Array<{ date: LocalDate; amount: Money }> = [];
    // Some borrowers stop paying: arrears, days past due and debt groups come out of the replay.
    const stopsAt = rnd() < 0.15 ? addMonthsClamped(disbursedOn, 3 * (1 + Math.floor(rnd() * Math.max(1, termMonths / 3 - 1)))) : null;
    const until = opening ? addDays(o.businessDate, -60) : o.businessDate;
    for (let k = 1; k <= termMonths / 3; k++) {
      const due = addMonthsClamped(disbursedOn, 3 * k);
      if (due > until || (stopsAt && due >= stopsAt)) break;
      const s = loanEngine.loanSummary(loanEngine.replay(terms, events, due).state, due);
      let owed = s.overduePrincipal.plus(s.billedUnpaidInterest).plus(s.overdueInterest).plus(s.lateInterest);
      if (owed.lte(0)) continue;
      try {
        loanEngine.replay(terms, [...events, { kind: 'REPAYMENT', id: 'probe', date: due, amount: owed }], due);
      } catch (e) {
        // The last installment: what the day's close adds is not owed yet when paying on the due date; pay the payoff.
        if (!(e instanceof loanEngine.RepaymentAbovePayoffError)) throw e;
        owed = e.payoff;
      }
      events.push({ kind: 'REPAYMENT', id: `${ref}-${k}`, date: due, amount: owed });
      repayments.push({ date: due, amount: owed });
    }
    sheets.Loans.push({
      ref,
      borrowerRef: b.ref,
      productCode,
      capitalSource,
      sectorCode: b.sector,
      purpose: `Vốn lưu động, ${pick(NAMES).toLowerCase()}`,
      signingDate: signing,
      amount: amount.toNumber(),
      ratePercent: Number(ratePercent),
      termMonths,
      frequency: 'QUARTERLY',
      mode: opening ? 'OPENING' : 'HISTORY',
      origin: 'Quỹ HTX Bắc Kạn',
      reportedAsOf: null,
      reportedPrincipal: null,
      reportedInterest: null,
    });
    const loanRow = sheets.Loans[sheets.Loans.length - 1];
    if (opening) {
      const cut = addDays(o.businessDate, -60);
      const s = loanEngine.loanSummary(loanEngine.replay(terms, events, cut).state, cut);
      const overdueInterest = s.overdueInterest.plus(s.billedUnpaidInterest);
      const debtGroup = s.daysPastDue > 360 ? 5 : s.daysPastDue > 180 ? 4 : s.daysPastDue > 90 ? 3 : s.daysPastDue >= 10 ? 2 : 1;
      sheets.OpeningPositions.push({
        loanRef: ref,
        cutOverDate: cut,
        firstDisbursementDate: disbursedOn,
        disbursedPrincipal: amount.toNumber(),
        outstandingPrincipal: s.outstandingPrincipal.toNumber(),
        overduePrincipal: s.overduePrincipal.toNumber(),
        overdueInterest: overdueInterest.toNumber(),
        accruedInterest: s.accruedInterest.toNumber(),
        dpd: s.daysPastDue,
        debtGroup,
      });
      openings.push({
        ref,
        outstanding: s.outstandingPrincipal.toFixed(),
        sectorCode: b.sector,
        capitalSource,
        disbursed: amount.toFixed(),
        cutOverDate: cut,
        overduePrincipal: s.overduePrincipal.toFixed(),
        overdueInterest: overdueInterest.toFixed(),
        accruedInterest: s.accruedInterest.toFixed(),
        dpd: s.daysPastDue,
        debtGroup,
      });
      continue;
    }
    sheets.Disbursements.push({ loanRef: ref, date: disbursedOn, amount: amount.toNumber(), reference: `UNC-${ref}` });
    for (const r of repayments) sheets.Repayments.push({ loanRef: ref, date: r.date, amount: r.amount.toNumber(), reference: `PT-${ref}-${r.date}` });
    const now = loanEngine.loanSummary(loanEngine.replay(terms, events, o.businessDate).state, o.businessDate);
    const interest = now.accruedInterest.plus(now.billedUnpaidInterest).plus(now.overdueInterest).plus(now.lateInterest);
    historyIndex += 1;
    // Loans 4 on: the first borrowers carry the pre-2025 addresses, which a dry run may hold back.
    const differs = historyIndex > 3 && historyIndex <= 3 + differences;
    loanRow.reportedAsOf = o.businessDate;
    loanRow.reportedPrincipal = now.outstandingPrincipal.plus(differs ? 1_000_000 : 0).toNumber();
    loanRow.reportedInterest = interest.toNumber();
    if (differs) differingRefs.push(ref);
    history.push({ ref, outstanding: now.outstandingPrincipal.toFixed(), sectorCode: b.sector, capitalSource, disbursed: amount.toFixed() });
  }
  if (bad) addBadRows(sheets, expectedErrors, o, productCode);
  void product;
  const buffer = await writeBook(sheets);
  return { buffer, expectedErrors, history, openings, legacyRefs, differingRefs, oldAddressRows };
}

/** A workbook of the import's layout (Vietnamese headers; ISO date strings become date cells). */
export async function writeBook(sheets: Partial<Record<BookSheet, Row[]>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of BOOK_SHEETS) {
    const ws = wb.addWorksheet(sheet);
    ws.columns = BOOK_COLUMNS[sheet].map((c) => ({ header: c.vi, key: c.key, width: 18 }));
    for (const r of sheets[sheet] ?? [])
      ws.addRow(
        Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : v])),
      );
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A dozen rows each breaking one rule, appended at the end of their sheets. */
function addBadRows(sheets: Record<BookSheet, Row[]>, expected: ExpectedError[], o: FormerFundOptions, productCode: string): void {
  const add = (sheet: BookSheet, row: Row, column: string, rule: string): void => {
    sheets[sheet].push(row);
    expected.push({ sheet, row: sheets[sheet].length + 1, column, rule });
  };
  const borrower = (ref: string, over: Row): Row => ({
    ref,
    type: 'COOPERATIVE',
    identityCode: `48${String(Math.abs(hash(ref)))
      .padStart(8, '0')
      .slice(-8)}`,
    legalName: `Hợp tác xã lỗi ${ref}`,
    communeCode: o.communes[0],
    sectorCode: 'A',
    ...over,
  });
  add('Borrowers', borrower('BAD-B1', { identityCode: '47001234' }), 'identityCode', 'book-import.identity');
  add('Borrowers', borrower('BAD-B2', { communeCode: '00004' }), 'communeCode', 'book-import.commune-outside-province');
  add('Borrowers', borrower('BAD-B3', { sectorCode: 'Z' }), 'sectorCode', 'book-import.unknown-sector');
  add('Borrowers', borrower('BK-HTX-001', {}), 'ref', 'book-import.duplicate-ref');
  const first = sheets.Loans.find((l) => l.mode === 'HISTORY');
  const loan = (ref: string, over: Row): Row => ({ ...(first as Row), ref, reportedAsOf: null, reportedPrincipal: null, reportedInterest: null, ...over });
  add('Loans', loan('BAD-L1', { amount: '150000000.5' }), 'amount', 'book-import.whole-dong');
  add('Loans', loan('BAD-L2', { borrowerRef: 'KHONG-CO' }), 'borrowerRef', 'book-import.unknown-borrower');
  add('Loans', loan('BAD-L3', { productCode: 'SP-KHONG-CO' }), 'productCode', 'book-import.unknown-product');
  add('Loans', loan('BAD-L4', { signingDate: '31/02/2021' }), 'signingDate', 'book-import.date');
  add('Loans', loan('BAD-L5', { capitalSource: 'Nguồn vốn không có' }), 'capitalSource', 'book-import.unknown-capital-source');
  add('Disbursements', { loanRef: 'KHONG-CO-HD', date: '2021-05-05', amount: 100000000 }, 'loanRef', 'book-import.unknown-loan');
  const ref = String((first as Row).ref);
  add('Repayments', { loanRef: ref, date: '2024-02-29', amount: '0' }, 'amount', 'book-import.whole-dong');
  add('Repayments', { loanRef: ref, date: addDays(o.businessDate, 3), amount: 1000000 }, 'date', 'book-import.date-after-business-date');
  void productCode;
}

function hash(s: string): number {
  let h = 0;
  for (const ch of s) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}
