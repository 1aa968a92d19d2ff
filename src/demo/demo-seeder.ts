import type { DataSource } from 'typeorm';
import { addDays, daysBetween, type LocalDate } from '../platform/dates/index.js';
import { Money } from '../platform/money/index.js';
import { type Actor, type Role } from '../platform/actor/index.js';
import { UsersService } from '../modules/auth/index.js';
import { BorrowersService } from '../modules/borrowers/index.js';
import { BusinessDateService } from '../modules/business-date/index.js';
import { CloseOfBusinessService } from '../modules/close-of-business/index.js';
import { ClassificationPoliciesService } from '../modules/risk/index.js';
import { CapitalSourcesService, CharterCapitalService } from '../modules/funds/index.js';
import { LoanProductsService } from '../modules/products/index.js';
import { AppraisalsService, LoanApplicationsService } from '../modules/applications/index.js';
import { LoanCommandsService, LoanContractsService, LoanQueriesService } from '../modules/loans/index.js';
import { CollateralAssetsService, GuaranteesService } from '../modules/collateral/index.js';
import { DemoLoadService, type DemoProgressDto } from '../modules/demo-load/index.js';
import { type DemoLoan, type DemoPlan, COMMUNES } from './demo-plan.js';
import { seedLoanFile } from './demo-loan-file.js';

import type { Resolve } from './demo-resolve.js';

export type { Resolve };

export interface SeedOptions {
  /** Days from this date on are closed one by one by the real close; earlier events are recorded backdated (replayed). */
  readonly closeFrom: LocalDate;
  readonly log: (message: string) => void;
  /** Called once the demo users exist (a quick start prints the logins then, and the load goes on). */
  readonly onUsersReady?: () => void;
}

/** A progress line at every phase change and at most this often within a phase. */
const LOG_EVERY_MS = 10_000;

export interface SeedResult {
  readonly loans: number;
  readonly turnover: string;
  readonly agricultureOutstanding: string;
  readonly totalOutstanding: string;
  readonly seconds: number;
}

type Action = { kind: 'APPLY'; loan: DemoLoan } | { kind: 'DISBURSE'; loan: DemoLoan } | { kind: 'REPAY'; loan: DemoLoan; seq: number };

/**
 * Builds the demo portfolio through the real services (README "Demo portfolio"): users, capital,
 * products, borrowers, applications with four-eyes approval, contracts, disbursements, repayments
 * on their due dates, and close of business for every day from `closeFrom` to the demo date.
 * Everything moves money through LoanCommandsService, so every figure is in the ledger.
 */
export async function seedDemo(get: Resolve, db: DataSource, plan: DemoPlan, opts: SeedOptions): Promise<SeedResult> {
  const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM loans`)) as Array<{ n: number }>;
  if (n > 0) throw new Error(`seed:demo needs an empty portfolio (${n} loans found)`);
  const demo = get(DemoLoadService);
  await demo.begin('users');
  try {
    const result = await load(get, db, plan, opts, demo);
    await demo.finish();
    opts.log(`demo ready in ${result.seconds} s: ${result.loans} loans, turnover ${result.turnover} VND`);
    return result;
  } catch (e) {
    await demo.fail(e instanceof Error ? e.message : String(e)).catch(() => undefined);
    throw e;
  }
}

async function load(get: Resolve, db: DataSource, plan: DemoPlan, opts: SeedOptions, demo: DemoLoadService): Promise<SeedResult> {
  const t0 = Date.now();
  // Counts for GET /api/v1/demo-status and the log (repayments' total is known once every loan is disbursed).
  const counts: DemoProgressDto = {
    borrowers: { done: 0, total: plan.borrowers.length },
    applications: { done: 0, total: plan.loans.length },
    disbursements: { done: 0, total: plan.loans.length },
    repayments: { done: 0, total: null },
    closes: { done: 0, total: null },
  };
  let lastPhase = '';
  let lastLog = 0;
  const report = async (phase: string, done: number, total: number | null, detail = ''): Promise<void> => {
    await demo.progress(phase, done, total, counts);
    if (phase === lastPhase && Date.now() - lastLog < LOG_EVERY_MS) return;
    lastPhase = phase;
    lastLog = Date.now();
    const c = counts;
    const of = (x: { done: number; total: number | null }): string => `${x.done}/${x.total ?? '?'}`;
    opts.log(
      `demo ${phase}: ${done}${total === null ? '' : ` of ${total}`}${detail ? ` (${detail})` : ''} — borrowers ${of(c.borrowers)}, applications ${of(c.applications)}, ` +
        `disbursements ${of(c.disbursements)}, repayments ${of(c.repayments)}, closes: day ${of(c.closes)}; ${Math.round((Date.now() - t0) / 1000)} s`,
    );
  };
  const [adminRow] = (await db.query(
    `SELECT u.id::text AS id, u.username FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role_code = 'ADMIN' ORDER BY u.id LIMIT 1`,
  )) as Array<{ id: string; username: string }>;
  if (!adminRow) throw new Error('no admin user: start the application once first');
  const actor = (userId: string, username: string, roles: Role[]): Actor => ({ userId, username, roles, borrowerId: null, requestId: 'seed:demo' });
  const admin = actor(adminRow.id, adminRow.username, ['ADMIN']);
  const users = get(UsersService);
  const staff = async (username: string, displayName: string, role: Role): Promise<Actor> => {
    const u = await users.create(admin, { username, displayName, password: 'demo-password-1', roles: [role] });
    return actor(u.id, username, [role]);
  };
  const officer = await staff('demo.officer', 'Nguyễn Thị Lan (cán bộ tín dụng)', 'OFFICER');
  const appraiser = await staff('demo.appraiser', 'Trần Văn Minh (thẩm định)', 'OFFICER');
  const approver = await staff('demo.approver', 'Lê Thị Hoa (lãnh đạo Quỹ)', 'APPROVER');
  await staff('demo.auditor', 'Phạm Quốc Bảo (kiểm soát viên)', 'AUDITOR');
  opts.onUsersReady?.();
  await report('setup', 0, null);

  const businessDate = get(BusinessDateService);
  const close = get(CloseOfBusinessService);
  const firstDay = plan.start < opts.closeFrom ? opts.closeFrom : plan.start;
  counts.closes.total = daysBetween(firstDay, plan.demoDate) + 1;
  // The history before firstDay is recorded backdated: its repayments reach back to the plan's start.
  const backdateDays = firstDay > plan.start ? daysBetween(plan.start, firstDay) + 1 : undefined;
  await businessDate.initialize(admin, firstDay);
  // docs/collateral.md "Demo": the fund keeps the microfinance classification (same groups, same
  // rates) but chooses to deduct the pledged collateral (Decree 86/2024/NĐ-CP deduction values)
  // from the first day the real close runs, so the specific provision of every month-end it closes is net of the collateral.
  await get(ClassificationPoliciesService).put(admin, { code: 'MICROFINANCE', effectiveFrom: firstDay, deductCollateral: true });
  await get(CharterCapitalService).set(admin, { effectiveDate: '2020-01-01', amount: '150000000000' });
  const sources = get(CapitalSourcesService);
  const sourceIds: string[] = [];
  for (const s of [
    { name: 'Vốn điều lệ của Quỹ', kind: 'CHARTER_CAPITAL' as const, bearsCreditRisk: true, capital: '110000000000', ref: 'QĐ 1520/QĐ-UBND' },
    {
      name: 'Vốn ngân sách tỉnh ủy thác cho vay HTX',
      kind: 'ENTRUSTED_BUDGET' as const,
      bearsCreditRisk: false,
      capital: '50000000000',
      ref: 'QĐ 2214/QĐ-UBND',
    },
  ]) {
    const created = await sources.create(admin, { name: s.name, kind: s.kind, bearsCreditRisk: s.bearsCreditRisk });
    await sources.addMovement(admin, created.id, { kind: 'ALLOCATION', movementDate: plan.start, reference: s.ref, amount: s.capital });
    sourceIds.push(created.id);
  }
  const products = get(LoanProductsService);
  const common = {
    minAmount: '50000000',
    maxAmount: '3000000000',
    minTermMonths: 6,
    maxTermMonths: 60,
    principalFrequency: 'QUARTERLY' as const,
    interestFrequency: 'QUARTERLY' as const,
    principalGracePeriods: 0,
    allowedBorrowerTypes: ['COOPERATIVE' as const, 'COOPERATIVE_UNION' as const],
    collateralRequired: false,
    businessDayRule: 'NEXT_WORKING_DAY' as const,
  };
  const productIds = {
    AGRI: (
      await products.create(admin, { ...common, code: 'NN-HTX', name: 'Cho vay sản xuất nông nghiệp theo chuỗi giá trị', annualInterestRatePercent: '6.6' })
    ).id,
    BUSINESS: (await products.create(admin, { ...common, code: 'DV-HTX', name: 'Cho vay chế biến, thương mại, dịch vụ', annualInterestRatePercent: '7.2' })).id,
  };
  const borrowers = get(BorrowersService);
  const borrowerIds = new Map<number, string>();
  for (const b of plan.borrowers) {
    const created = await borrowers.create(officer, {
      type: b.type,
      identityCode: b.identityCode,
      legalName: b.legalName,
      legalRepresentative: 'Ban quản trị HTX',
      phone: '0208385' + String(1000 + b.key).slice(-4),
      memberCount: b.memberCount,
      charterCapital: '2000000000',
      provinceCode: '19',
      communeCode: b.communeCode,
      sectorVersion: 'VSIC2018',
      sectorCode: b.sectorCode,
    });
    borrowerIds.set(b.key, created.id);
    counts.borrowers.done++;
    await report('borrowers', counts.borrowers.done, plan.borrowers.length);
  }
  opts.log(`registered ${plan.borrowers.length} borrowers in ${COMMUNES.length} communes`);

  const apps = get(LoanApplicationsService);
  const appraisals = get(AppraisalsService);
  const contracts = get(LoanContractsService);
  const commands = get(LoanCommandsService);
  const queries = get(LoanQueriesService);
  const assets = get(CollateralAssetsService);
  const guarantees = get(GuaranteesService);
  const loanIds = new Map<number, string>();
  const agenda = new Map<LocalDate, Action[]>();
  const schedule = (date: LocalDate, a: Action): void => {
    const list = agenda.get(date) ?? [];
    list.push(a);
    agenda.set(date, list);
  };
  for (const loan of plan.loans) {
    const applyOn = addDays(loan.disburseOn, -5);
    schedule(applyOn < firstDay && firstDay <= loan.disburseOn ? firstDay : applyOn, { kind: 'APPLY', loan });
    schedule(loan.disburseOn, { kind: 'DISBURSE', loan });
  }
  const ref = (prefix: string, loan: DemoLoan, extra = ''): string => `${prefix}-${loan.key}${extra}`;
  const act = async (day: LocalDate, a: Action): Promise<void> => {
    const l = a.loan;
    if (a.kind === 'APPLY') {
      const amount = l.amount.toString();
      const app = await apps.create(officer, {
        borrowerId: borrowerIds.get(l.borrowerKey) ?? '',
        productId: productIds[l.product],
        capitalSourceId: sourceIds[l.source],
        requestedAmount: amount,
        termMonths: l.termMonths,
        repaymentFrequency: 'QUARTERLY',
        purpose: l.purpose,
        sectorVersion: 'VSIC2018',
        sectorCode: l.sectorCode,
        totalInvestment: ((l.amount * 3n) / 2n).toString(),
        ownContribution: (l.amount / 2n).toString(),
        collateralDescription: 'Quyền sử dụng đất, nhà xưởng',
        collateralValue: ((l.amount * 3n) / 2n).toString(),
        creditReportReference: ref('CIC', l),
        creditReportDate: addDays(l.disburseOn, -10),
      });
      await securedBy(l, app.id, day);
      await apps.submit(officer, app.id);
      await apps.startAppraisal(appraiser, app.id);
      const rate = l.product === 'AGRI' ? '6.6' : '7.2';
      await appraisals.record(appraiser, app.id, {
        findings: 'Phương án khả thi, HTX hoạt động ổn định',
        recommendedAmount: amount,
        recommendedTermMonths: l.termMonths,
        recommendedRatePercent: rate,
        riskRating: 'LOW',
      });
      await apps.approve(approver, app.id, { approvedAmount: amount, approvedTermMonths: l.termMonths, approvedRatePercent: rate });
      const loan = await contracts.create(officer, app.id, { signingDate: day <= l.disburseOn ? day : l.disburseOn });
      loanIds.set(l.key, loan.id);
      // docs/collateral.md "Demo": every fifth loan is guaranteed by a member of the cooperative.
      if (l.key % 5 === 2) {
        await guarantees.create(officer, {
          borrowerId: borrowerIds.get(l.borrowerKey) ?? '',
          guarantorKind: 'PERSON',
          guarantorName: 'Nguyễn Văn Hùng',
          guarantorIdNumber: `0190880${String(1000 + l.key).slice(-4)}1`,
          guaranteedAmount: (l.amount / 2n).toString(),
          documentReference: ref('HĐBL', l),
          signedOn: day <= l.disburseOn ? day : l.disburseOn,
          loanIds: [loan.id],
        });
      }
      counts.applications.done++;
      return;
    }
    const id = loanIds.get(l.key) ?? '';
    if (a.kind === 'DISBURSE') {
      await commands.disburse(officer, id, { amount: l.amount.toString(), valueDate: day, reference: ref('UNC-GN', l), channel: 'BANK_TRANSFER' });
      for (const inst of await queries.schedule(officer, id)) {
        if (inst.dueDate <= plan.demoDate && (l.stopPayingFrom === null || inst.dueDate < l.stopPayingFrom)) {
          schedule(inst.dueDate, { kind: 'REPAY', loan: l, seq: inst.seq });
          scheduledRepayments++;
        }
      }
      counts.disbursements.done++;
      if (counts.disbursements.done === plan.loans.length) counts.repayments.total = scheduledRepayments;
      return;
    }
    const inst = (await queries.schedule(officer, id)).find((i) => i.seq === a.seq);
    if (!inst) return;
    const due = new Money(inst.principal).minus(inst.principalPaid).plus(inst.interest).minus(inst.interestPaid);
    if (due.gt(0))
      await commands.repay(
        officer,
        id,
        { amount: due.toFixed(), valueDate: day, reference: ref('UNC-TN', l, `-${a.seq}`), channel: 'BANK_TRANSFER' },
        { backdateDays },
      );
    counts.repayments.done++;
  };
  /**
   * The demo's collateral (docs/collateral.md "Demo"): two loans in three are secured — a land use
   * right valued at 1.5 × the amount (some owned by a member, a third party), every sixth also a
   * vehicle — pledged to the application and carried to the loan at the contract; the rest are unsecured.
   */
  const securedBy = async (l: DemoLoan, applicationId: string, day: LocalDate): Promise<void> => {
    if (l.key % 3 === 0) return;
    const borrowerId = borrowerIds.get(l.borrowerKey) ?? '';
    const value = ((l.amount * 3n) / 2n).toString();
    const valuedOn = addDays(day, -3);
    const third = l.key % 4 === 1;
    const land = await assets.create(officer, {
      borrowerId,
      type: 'REAL_ESTATE',
      kind: 'LAND_USE_RIGHT',
      description: `Quyền sử dụng đất thửa ${100 + l.key}, tờ bản đồ ${10 + (l.key % 7)}`,
      identifiers: {
        certificateNumber: `CS ${String(10000 + l.key)}`,
        parcelNumber: String(100 + l.key),
        mapSheet: String(10 + (l.key % 7)),
        areaM2: String(1000 + 50 * l.key),
        address: `Xóm ${1 + (l.key % 9)}`,
        commune: 'Xã Tân Cương',
      },
      ownerKind: third ? 'THIRD_PARTY' : 'BORROWER',
      ...(third ? { ownerName: 'Trần Thị Mai', ownerIdNumber: `0191880${String(1000 + l.key).slice(-4)}2`, ownerRelationship: 'Thành viên HTX' } : {}),
      valuation: {
        valuationDate: valuedOn,
        value,
        method: 'MARKET_COMPARISON',
        valuerKind: l.key % 2 === 0 ? 'FUND' : 'INDEPENDENT',
        valuerName: l.key % 2 === 0 ? 'Tổ thẩm định Quỹ' : 'Công ty Thẩm định giá Thái Nguyên',
      },
    });
    await assets.pledge(officer, land.id, { applicationId, allocatedValue: value });
    await assets.addRegistration(officer, land.id, {
      office: 'Văn phòng đăng ký đất đai tỉnh Thái Nguyên',
      registrationNumber: `ĐK-${l.key}`,
      registrationDate: valuedOn,
    });
    if (l.key % 6 === 1) {
      const vehicle = await assets.create(officer, {
        borrowerId,
        type: 'OTHER',
        kind: 'VEHICLE',
        description: 'Xe tải chở nông sản 2,5 tấn',
        identifiers: { plateNumber: `20C-${String(10000 + l.key).slice(-5)}`, frameNumber: `RL4FC${l.key}`, engineNumber: `4JB1-${l.key}` },
        ownerKind: 'BORROWER',
        valuation: {
          valuationDate: valuedOn,
          value: (l.amount / 2n).toString(),
          method: 'MARKET_COMPARISON',
          valuerKind: 'FUND',
          valuerName: 'Tổ thẩm định Quỹ',
        },
      });
      await assets.pledge(officer, vehicle.id, { applicationId, allocatedValue: (l.amount / 2n).toString() });
      await assets.addInsurance(officer, vehicle.id, {
        insurer: 'Bảo Việt Thái Nguyên',
        policyNumber: `BV-XE-${l.key}`,
        startDate: valuedOn,
        expiryDate: addDays(valuedOn, 364),
      });
    }
  };
  let scheduledRepayments = 0;
  const closeThrough = async (until: LocalDate): Promise<void> => {
    if (until < opts.closeFrom || (await businessDate.current()) > until) return;
    await close.closeUntil(admin, until, 'true', 'CLI', Number.POSITIVE_INFINITY);
    counts.closes.done = daysBetween(firstDay, await businessDate.current());
  };
  const order: Record<Action['kind'], number> = { APPLY: 0, DISBURSE: 1, REPAY: 2 };
  const historyDays = daysBetween(plan.start, firstDay);
  // Phases: history (recorded backdated, before firstDay), then closes (day by day through the demo date).
  const tick = (day: LocalDate): Promise<void> =>
    day < firstDay
      ? report('history', Math.max(0, daysBetween(plan.start, day)), historyDays, day)
      : report('closes', counts.closes.done, counts.closes.total, day);
  while (agenda.size > 0) {
    const day = [...agenda.keys()].reduce((a, b) => (a < b ? a : b));
    const actions = (agenda.get(day) ?? []).sort((x, y) => order[x.kind] - order[y.kind] || x.loan.key - y.loan.key);
    agenda.delete(day);
    await closeThrough(addDays(day, -1));
    for (const a of actions) await act(day, a);
    await tick(day);
  }
  await closeThrough(addDays(plan.demoDate, -1));
  await report('shares', 0, null, 'agriculture to 65% of outstanding');
  await tuneAgricultureShare(db, commands, officer, plan.demoDate, loanIds, plan);
  await closeThrough(plan.demoDate);
  await report('closes', counts.closes.done, counts.closes.total, plan.demoDate);
  await seedLoanFile(get, db, officer, plan.demoDate, opts.log);
  const [sums] = (await db.query(
    `SELECT (SELECT sum(amount) FROM loan_events WHERE kind = 'DISBURSEMENT')::text AS turnover,
            coalesce(sum(outstanding_principal) FILTER (WHERE sector_code = 'A'), 0)::text AS agri, sum(outstanding_principal)::text AS total FROM loans`,
  )) as Array<{ turnover: string; agri: string; total: string }>;
  return {
    loans: loanIds.size,
    turnover: sums.turnover,
    agricultureOutstanding: sums.agri,
    totalOutstanding: sums.total,
    seconds: Math.round((Date.now() - t0) / 1000),
  };
}

/**
 * domain.md: agriculture is 65% of outstanding. On the demo date, prepayments of principal on
 * performing loans (of agriculture when its share is above 65%, of the others when below) bring
 * it to 65% to the đồng's rounding, so the report shows exactly 65.0.
 */
async function tuneAgricultureShare(
  db: DataSource,
  commands: LoanCommandsService,
  officer: Actor,
  day: LocalDate,
  loanIds: Map<number, string>,
  plan: DemoPlan,
): Promise<void> {
  const [s] = (await db.query(
    `SELECT coalesce(sum(outstanding_principal) FILTER (WHERE sector_code = 'A'), 0)::text AS a, coalesce(sum(outstanding_principal) FILTER (WHERE sector_code <> 'A'), 0)::text AS o FROM loans WHERE status = 'ACTIVE'`,
  )) as Array<{ a: string; o: string }>;
  const a = new Money(s.a);
  const o = new Money(s.o);
  const reduceAgri = a.mul(35).gt(o.mul(65));
  let excess = reduceAgri ? a.minus(o.mul(65).div(35).toDecimalPlaces(0)) : o.minus(a.mul(35).div(65).toDecimalPlaces(0));
  const performing = new Set(plan.loans.filter((l) => l.stopPayingFrom === null).map((l) => loanIds.get(l.key)));
  const candidates: Array<{ id: string; outstanding: string }> = await db.query(
    `SELECT id::text, outstanding_principal::text AS outstanding FROM loans WHERE status = 'ACTIVE' AND (sector_code = 'A') = $1 ORDER BY outstanding_principal DESC, id`,
    [reduceAgri],
  );
  for (const c of candidates) {
    if (excess.lte(0)) break;
    if (!performing.has(c.id)) continue;
    const take = Money.min(excess, new Money(c.outstanding).minus(10_000_000));
    if (take.lte(0)) continue;
    await commands.repay(officer, c.id, { amount: take.toFixed(), valueDate: day, reference: `UNC-TT-${c.id}`, channel: 'BANK_TRANSFER' });
    excess = excess.minus(take);
  }
}
