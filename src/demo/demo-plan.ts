import { addDays, addMonthsClamped, daysBetween, type LocalDate } from '../platform/dates/index.js';

/**
 * The demo portfolio, shaped like Thái Nguyên's fund in domain.md ("The fund and its people": 504
 * loans from 2021 to 2025, turnover above 232.6 billion VND, agriculture 65% of outstanding).
 * Pure and deterministic (a seeded PRNG): the same `loanCount` always gives the same plan, so the
 * full demo and the scaled CI demo come from one generator.
 */
export const DEMO_DATE: LocalDate = '2025-12-31';
export const DEMO_START: LocalDate = '2021-01-04';
export const FULL_LOAN_COUNT = 504;
/** domain.md: turnover above 232.6 billion VND for 504 loans; scaled in proportion for smaller demos. */
export const FULL_TURNOVER_FLOOR = 232_600_000_000n;
/** The fund reports "above 232.6 billion", not 233: the full demo stays below 232.7 billion. */
export const FULL_TURNOVER_CEILING = 232_700_000_000n;
/** What the plan's amounts add up to exactly (the middle of the range), scaled for smaller demos. */
export const FULL_TURNOVER_TARGET = 232_650_000_000n;

/** Real commune and ward codes of Thái Nguyên (province 19) after the 1 July 2025 arrangement. */
export const COMMUNES: readonly { code: string; name: string }[] = [
  { code: '05503', name: 'Xã Tân Cương' },
  { code: '05488', name: 'Xã Đại Phúc' },
  { code: '05830', name: 'Xã Đại Từ' },
  { code: '05776', name: 'Xã Đức Lương' },
  { code: '05800', name: 'Xã Phú Thịnh' },
  { code: '05818', name: 'Xã La Bằng' },
  { code: '05788', name: 'Xã Phú Lạc' },
  { code: '05851', name: 'Xã Quân Chu' },
  { code: '05908', name: 'Xã Phú Bình' },
  { code: '05692', name: 'Xã Đồng Hỷ' },
  { code: '05611', name: 'Xã Phú Lương' },
  { code: '05569', name: 'Xã Định Hóa' },
  { code: '05716', name: 'Xã Võ Nhai' },
  { code: '05740', name: 'Xã La Hiên' },
  { code: '01906', name: 'Xã Ba Bể' },
  { code: '01912', name: 'Xã Chợ Rã' },
  { code: '02020', name: 'Xã Chợ Đồn' },
  { code: '02155', name: 'Xã Na Rì' },
  { code: '05443', name: 'Phường Phan Đình Phùng' },
  { code: '05860', name: 'Phường Phổ Yên' },
  { code: '05518', name: 'Phường Sông Công' },
];

/** Sector mix by loan count (VSIC 2018 sections): agriculture first, then tea processing, trade, community tourism, transport, IT. */
const SECTORS: readonly { code: string; weight: number; purpose: string; noun: string }[] = [
  { code: 'A', weight: 60, purpose: 'Mở rộng vùng chè, cây ăn quả, chăn nuôi theo chuỗi', noun: 'nông nghiệp' },
  { code: 'C', weight: 13, purpose: 'Đầu tư dây chuyền chế biến chè', noun: 'chế biến chè' },
  { code: 'G', weight: 10, purpose: 'Vốn lưu động kinh doanh nông sản, vật tư', noun: 'thương mại dịch vụ' },
  { code: 'I', weight: 8, purpose: 'Du lịch cộng đồng: homestay, ẩm thực', noun: 'du lịch cộng đồng' },
  { code: 'H', weight: 6, purpose: 'Phương tiện vận tải nông sản, kho lạnh', noun: 'vận tải' },
  { code: 'J', weight: 3, purpose: 'Sàn thương mại điện tử, truy xuất nguồn gốc', noun: 'công nghệ số' },
];

export interface DemoBorrower {
  readonly key: number;
  readonly type: 'COOPERATIVE' | 'COOPERATIVE_UNION';
  readonly legalName: string;
  readonly identityCode: string;
  readonly communeCode: string;
  readonly sectorCode: string;
  readonly memberCount: number;
}

export interface DemoLoan {
  readonly key: number;
  readonly borrowerKey: number;
  readonly sectorCode: string;
  readonly purpose: string;
  readonly product: 'AGRI' | 'BUSINESS';
  /** 0 = the fund's charter capital (bears the risk), 1 = provincial budget entrusted capital. */
  readonly source: 0 | 1;
  readonly amount: bigint;
  readonly termMonths: number;
  readonly disburseOn: LocalDate;
  /** Installments due on or after this date are never paid (the loan falls into a debt group). */
  readonly stopPayingFrom: LocalDate | null;
}

export interface DemoPlan {
  readonly demoDate: LocalDate;
  readonly start: LocalDate;
  readonly borrowers: readonly DemoBorrower[];
  readonly loans: readonly DemoLoan[];
  readonly turnoverFloor: bigint;
  /** Σ amounts of the plan, exactly (between the floor and the ceiling scaled to the loan count). */
  readonly turnover: bigint;
}

/** mulberry32: a small deterministic PRNG. */
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

const MILLION = 1_000_000n;
/** Loan amounts are whole multiples of 10 million VND, at least 100 million. */
const STEP = 10n * MILLION;
const MIN_STEPS = 10n;

/**
 * One loan per debt group at the demo date, and one a few days late: each stops paying at the
 * installment due `dpd` days before the demo date (quarterly schedules from `disburseOn`).
 */
const OVERDUE_CASES: readonly { dpd: number; sector: string; months: number; term: number }[] = [
  { dpd: 5, sector: 'A', months: 12, term: 36 }, // group 1, DPD 5
  { dpd: 16, sector: 'A', months: 12, term: 36 }, // group 2
  { dpd: 61, sector: 'G', months: 12, term: 36 }, // group 3
  { dpd: 133, sector: 'A', months: 24, term: 48 }, // group 4
  { dpd: 296, sector: 'I', months: 36, term: 60 }, // group 5
  { dpd: 45, sector: 'C', months: 18, term: 36 }, // group 3
];

export function demoPlan(loanCount: number = FULL_LOAN_COUNT, seed = 19): DemoPlan {
  if (!Number.isInteger(loanCount) || loanCount < OVERDUE_CASES.length + 6) throw new RangeError(`loanCount must be ≥ ${OVERDUE_CASES.length + 6}`);
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const borrowers: DemoBorrower[] = [];
  const newBorrower = (sectorCode: string): DemoBorrower => {
    const key = borrowers.length;
    const sector = SECTORS.find((s) => s.code === sectorCode) ?? SECTORS[0];
    const commune = COMMUNES[key % COMMUNES.length];
    const union = key % 17 === 5;
    const b: DemoBorrower = {
      key,
      type: union ? 'COOPERATIVE_UNION' : 'COOPERATIVE',
      legalName: `${union ? 'Liên hiệp HTX' : 'Hợp tác xã'} ${sector.noun} ${commune.name.replace(/^(Xã|Phường) /, '')} ${key + 1}`,
      identityCode: `46${String(1_000_000 + key * 7919).padStart(8, '0')}`,
      communeCode: commune.code,
      sectorCode,
      memberCount: 7 + Math.floor(rnd() * 120),
    };
    borrowers.push(b);
    return b;
  };
  const loans: DemoLoan[] = [];
  const regular = loanCount - OVERDUE_CASES.length;
  const span = daysBetween('2021-01-11', '2025-12-15');
  const bySector = new Map<string, DemoBorrower[]>();
  for (let i = 0; i < regular; i++) {
    const r = rnd() * 100;
    let acc = 0;
    const sector = SECTORS.find((s) => (acc += s.weight) > r) ?? SECTORS[0];
    const pool = bySector.get(sector.code) ?? [];
    // About 0.6 borrowers per loan: a cooperative comes back for a new loan.
    const borrower = pool.length > 0 && rnd() < 0.4 ? pick(pool) : newBorrower(sector.code);
    if (!pool.includes(borrower)) pool.push(borrower);
    bySector.set(sector.code, pool);
    const amount = BigInt(pick([150, 200, 250, 300, 350, 400, 450, 500, 500, 600, 700, 800, 1000, 1200])) * MILLION;
    loans.push({
      key: loans.length,
      borrowerKey: borrower.key,
      sectorCode: sector.code,
      purpose: sector.purpose,
      product: sector.code === 'A' ? 'AGRI' : 'BUSINESS',
      source: rnd() < 0.72 ? 0 : 1,
      amount,
      termMonths: sector.code === 'A' ? pick([24, 36, 36, 48]) : pick([12, 24, 36, 60]),
      disburseOn: addDays('2021-01-11', Math.floor((i * span) / regular)),
      stopPayingFrom: null,
    });
  }
  for (const c of OVERDUE_CASES) {
    const stop = addDays(DEMO_DATE, -c.dpd);
    const b = newBorrower(c.sector);
    loans.push({
      key: loans.length,
      borrowerKey: b.key,
      sectorCode: c.sector,
      purpose: (SECTORS.find((s) => s.code === c.sector) ?? SECTORS[0]).purpose,
      product: c.sector === 'A' ? 'AGRI' : 'BUSINESS',
      source: 0,
      amount: 600n * MILLION,
      termMonths: c.term,
      disburseOn: addMonthsClamped(stop, -c.months),
      stopPayingFrom: stop,
    });
  }
  // Turnover (domain.md): the drawn amounts are scaled to the target, in whole 10 million VND, and
  // the rounding residue is spread 10 million at a time over the oldest regular loans, so the plan
  // adds up to the target exactly. The six overdue cases keep their 600 million.
  const floor = (FULL_TURNOVER_FLOOR * BigInt(loanCount)) / BigInt(FULL_LOAN_COUNT);
  const target = ((FULL_TURNOVER_TARGET * BigInt(loanCount) * 2n + BigInt(FULL_LOAN_COUNT) * STEP) / (BigInt(FULL_LOAN_COUNT) * STEP * 2n)) * STEP;
  const fixed = loans.slice(regular).reduce((s, l) => s + l.amount, 0n);
  const drawn = loans.slice(0, regular).reduce((s, l) => s + l.amount, 0n);
  for (let i = 0; i < regular; i++) {
    const scaled = (loans[i].amount * (target - fixed) * 2n + drawn * STEP) / (drawn * STEP * 2n); // half-up, in steps
    loans[i] = { ...loans[i], amount: (scaled < MIN_STEPS ? MIN_STEPS : scaled) * STEP };
  }
  let total = loans.reduce((s, l) => s + l.amount, 0n);
  for (let i = 0; total !== target; i = (i + 1) % regular) {
    const delta = total < target ? STEP : -STEP;
    if (delta < 0n && loans[i].amount <= MIN_STEPS * STEP) continue;
    loans[i] = { ...loans[i], amount: loans[i].amount + delta };
    total += delta;
  }
  return {
    demoDate: DEMO_DATE,
    start: DEMO_START,
    borrowers,
    loans: loans.sort((a, b) => (a.disburseOn < b.disburseOn ? -1 : a.disburseOn > b.disburseOn ? 1 : a.key - b.key)),
    turnoverFloor: floor,
    turnover: total,
  };
}

/**
 * Where the day-by-day close starts by default: the first of the month in which the first loan
 * stops paying. Everything before is recorded backdated (the engine replays it; about 3 times
 * faster than closing each day), and from there the real close bills, marks overdue and
 * classifies every day, so each overdue loan's debt-group history (1 → 2 → … with its dates in
 * loan_group_history) and the month-end snapshots of the last months are the close's own.
 */
export function defaultCloseFrom(plan: DemoPlan): LocalDate {
  const stops = plan.loans.map((l) => l.stopPayingFrom).filter((d): d is LocalDate => d !== null);
  if (stops.length === 0) return plan.start;
  const first = stops.reduce((a, b) => (a < b ? a : b));
  const monthStart = `${first.slice(0, 8)}01`;
  return monthStart > plan.start ? monthStart : plan.start;
}
