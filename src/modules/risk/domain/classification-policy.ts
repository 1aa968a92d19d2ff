import { Money } from '../../../platform/money/money.js';
import { isLocalDate, type LocalDate } from '../../../platform/dates/local-date.js';

/**
 * Debt classification policies (domain.md "Restructuring and risk"): effective-dated data that
 * an admin can configure. Nothing here is code-per-policy: MICROFINANCE and BANK are two rows
 * of the same shape, so a policy read from the database classifies exactly like these defaults.
 * Pure data and functions: no NestJS, no TypeORM.
 */

/** nhóm nợ 1 đủ tiêu chuẩn … 5 có khả năng mất vốn. */
export type DebtGroup = 1 | 2 | 3 | 4 | 5;
export const DEBT_GROUPS: readonly DebtGroup[] = [1, 2, 3, 4, 5];

/** A loan with at least `minDpd` days past due is in at least `group`. */
export interface DpdThreshold {
  readonly minDpd: number;
  readonly group: DebtGroup;
}

/**
 * A loan restructured at least `minRestructurings` times (schedule adjustments and extensions both
 * count, domain.md) and at least `minDpd` days past due by its restructured schedule is in at
 * least `group`. The restructuring group is the worst group among the rules that match, so more
 * days or more restructurings never make a loan better.
 */
export interface RestructuringRule {
  readonly minRestructurings: number;
  readonly minDpd: number;
  readonly group: DebtGroup;
  /** The clause the row comes from, shown to the admin. */
  readonly basis: string;
}

export type ProvisionRates = Readonly<Record<DebtGroup, Money>>;

export interface ClassificationPolicy {
  /** 'MICROFINANCE', 'BANK' or an admin's own code. */
  readonly code: string;
  readonly legalBasis: string;
  /** In force from this business date until the next policy's effectiveFrom. */
  readonly effectiveFrom: LocalDate;
  /** Ascending by minDpd; the first row is { minDpd: 0, group: 1 }. */
  readonly dpdThresholds: readonly DpdThreshold[];
  readonly restructuringRules: readonly RestructuringRule[];
  /** Specific provision rate per group, fractions (0.02 = 2%), never decreasing with the group. */
  readonly specificProvisionRates: ProvisionRates;
  /** General provision rate on the outstanding of `generalProvisionGroups` (0.005 = 0.5%). */
  readonly generalProvisionRate: Money;
  readonly generalProvisionGroups: readonly DebtGroup[];
  /** nợ xấu: groups 3–5. */
  readonly badDebtGroups: readonly DebtGroup[];
  /** Whether the discounted collateral value is deducted before the specific rate applies. */
  readonly deductCollateral: boolean;
}

const m = (v: string): Money => new Money(v);

/** domain.md table, "specific provision" column: 0%, 2%, 25%, 50%, 100%. */
export const DEFAULT_SPECIFIC_PROVISION_RATES: ProvisionRates = { 1: m('0'), 2: m('0.02'), 3: m('0.25'), 4: m('0.5'), 5: m('1') };
/** domain.md: general provision 0.5% of groups 1–4 outstanding. */
export const DEFAULT_GENERAL_PROVISION_RATE: Money = m('0.005');

/**
 * Default policy: Circular 14/2024/TT-NHNN (microfinance) as tabled in domain.md, provisions per
 * Decree 86/2024/NĐ-CP at the rates domain.md gives.
 * DPD: < 10 → 1, 10–29 → 2, 30–89 → 3, 90–179 → 4, ≥ 180 → 5.
 * Restructuring: "overdue" means at least one day past due by the restructured schedule; the
 * table's "second restructuring" is read as "second or later" (an admin may add a row
 * { minRestructurings: 3, minDpd: 0, group: 5 } if the fund treats a third one as group 5).
 * Specific provision on the full outstanding: no collateral deduction (microfinance loans are
 * provisioned on A × r; the flag turns deduction on if the fund's rules allow it).
 */
export const MICROFINANCE_POLICY: ClassificationPolicy = {
  code: 'MICROFINANCE',
  legalBasis: 'Circular 14/2024/TT-NHNN; Decree 86/2024/NĐ-CP',
  effectiveFrom: '2000-01-01',
  dpdThresholds: [
    { minDpd: 0, group: 1 },
    { minDpd: 10, group: 2 },
    { minDpd: 30, group: 3 },
    { minDpd: 90, group: 4 },
    { minDpd: 180, group: 5 },
  ],
  restructuringRules: [
    { minRestructurings: 1, minDpd: 0, group: 2, basis: 'first restructuring, current' },
    { minRestructurings: 1, minDpd: 1, group: 3, basis: 'first restructuring, overdue < 30 days' },
    { minRestructurings: 1, minDpd: 30, group: 4, basis: 'first restructuring, overdue 30–89 days' },
    { minRestructurings: 1, minDpd: 90, group: 5, basis: 'first restructuring, overdue ≥ 90 days' },
    { minRestructurings: 2, minDpd: 0, group: 4, basis: 'second restructuring' },
    { minRestructurings: 2, minDpd: 1, group: 5, basis: 'second restructuring, overdue' },
  ],
  specificProvisionRates: DEFAULT_SPECIFIC_PROVISION_RATES,
  generalProvisionRate: DEFAULT_GENERAL_PROVISION_RATE,
  generalProvisionGroups: [1, 2, 3, 4],
  badDebtGroups: [3, 4, 5],
  deductCollateral: false,
};

/**
 * Bank rules, Circular 31/2024/TT-NHNN Art. 10 (in force 1 July 2024), for a fund that chooses them.
 * DPD: < 10 → 1, 10–89 → 2, 90–179 → 3, 180–359 → 4, ≥ 360 → 5.
 * Restructuring (the rule this product uses; each line is a data row the admin can change):
 *  - first restructuring, current → 2 at least (the circular's group 2 for a first schedule
 *    adjustment; the count alone cannot tell an extension, which the circular puts in group 3,
 *    so a fund wanting that stricter reading sets this row to 3);
 *  - first restructuring, overdue 1–89 days → 4 (Art. 10.4.d(ii): first restructuring overdue
 *    "up to 90 days" by the restructured schedule);
 *  - first restructuring, overdue ≥ 90 days → 5;
 *  - second restructuring, current → 4; second restructuring overdue → 5;
 *  - third or later restructuring → 5.
 * On top of that the DPD table still applies: the loan takes the worse of the two groups.
 * Provision rates stay the fund's (domain.md); collateral is deducted at the configured
 * discount rates (Decree 86/2024/NĐ-CP, deduction value of collateral).
 */
export const BANK_POLICY: ClassificationPolicy = {
  code: 'BANK',
  legalBasis: 'Circular 31/2024/TT-NHNN Art. 10; Decree 86/2024/NĐ-CP',
  effectiveFrom: '2024-07-01',
  dpdThresholds: [
    { minDpd: 0, group: 1 },
    { minDpd: 10, group: 2 },
    { minDpd: 90, group: 3 },
    { minDpd: 180, group: 4 },
    { minDpd: 360, group: 5 },
  ],
  restructuringRules: [
    { minRestructurings: 1, minDpd: 0, group: 2, basis: 'first restructuring, current' },
    { minRestructurings: 1, minDpd: 1, group: 4, basis: 'Art. 10.4.d(ii): first restructuring, overdue up to 90 days' },
    { minRestructurings: 1, minDpd: 90, group: 5, basis: 'first restructuring, overdue ≥ 90 days' },
    { minRestructurings: 2, minDpd: 0, group: 4, basis: 'second restructuring' },
    { minRestructurings: 2, minDpd: 1, group: 5, basis: 'second restructuring, overdue' },
    { minRestructurings: 3, minDpd: 0, group: 5, basis: 'third or later restructuring' },
  ],
  specificProvisionRates: DEFAULT_SPECIFIC_PROVISION_RATES,
  generalProvisionRate: DEFAULT_GENERAL_PROVISION_RATE,
  generalProvisionGroups: [1, 2, 3, 4],
  badDebtGroups: [3, 4, 5],
  deductCollateral: true,
};

/** The default list: the microfinance policy from the start of records. */
export const DEFAULT_POLICIES: readonly ClassificationPolicy[] = [MICROFINANCE_POLICY];

/** A copy of a policy that takes effect from another date (an admin choosing BANK from a date). */
export function policyFrom(policy: ClassificationPolicy, effectiveFrom: LocalDate): ClassificationPolicy {
  return { ...policy, effectiveFrom };
}

export interface PolicyViolation {
  readonly code: string;
  readonly message: string;
}

const isGroup = (g: number): g is DebtGroup => Number.isInteger(g) && g >= 1 && g <= 5;
const isDays = (n: number): boolean => Number.isInteger(n) && n >= 0;

/** Every rule a configured policy must keep before it is saved or used. */
export function validatePolicy(p: ClassificationPolicy): PolicyViolation[] {
  const out: PolicyViolation[] = [];
  const add = (code: string, message: string): void => {
    out.push({ code: `CLASSIFICATION_POLICY.${code}`, message });
  };
  const from: string = p.effectiveFrom;
  if (!isLocalDate(from)) add('EFFECTIVE_FROM_INVALID', `effectiveFrom ${String(from)} is not a date`);
  const t = p.dpdThresholds;
  if (t.length === 0 || t[0].minDpd !== 0 || t[0].group !== 1) add('DPD_TABLE_START', 'the DPD table must start at 0 days in group 1');
  t.forEach((row, i) => {
    if (!isDays(row.minDpd) || !isGroup(row.group)) add('DPD_ROW_INVALID', `DPD row ${i + 1} needs whole days ≥ 0 and a group 1–5`);
    if (i > 0 && (row.minDpd <= t[i - 1].minDpd || row.group <= t[i - 1].group)) {
      add('DPD_TABLE_NOT_ASCENDING', `DPD row ${i + 1} must have more days and a worse group than row ${i}`);
    }
  });
  p.restructuringRules.forEach((r, i) => {
    if (!Number.isInteger(r.minRestructurings) || r.minRestructurings < 1 || !isDays(r.minDpd) || !isGroup(r.group)) {
      add('RESTRUCTURING_ROW_INVALID', `restructuring row ${i + 1} needs ≥ 1 restructurings, whole days ≥ 0 and a group 1–5`);
    }
  });
  const rates = DEBT_GROUPS.map((g) => p.specificProvisionRates[g]);
  if (rates.some((r) => r === undefined || r.isNaN() || r.lt(0) || r.gt(1))) add('SPECIFIC_RATE_OUT_OF_RANGE', 'specific rates must be 0–100%');
  else if (rates.some((r, i) => i > 0 && r.lt(rates[i - 1]))) add('SPECIFIC_RATES_DECREASING', 'a worse group may not have a lower specific rate');
  if (p.generalProvisionRate.isNaN() || p.generalProvisionRate.lt(0) || p.generalProvisionRate.gt(1)) {
    add('GENERAL_RATE_OUT_OF_RANGE', 'the general rate must be 0–100%');
  }
  if (![...p.generalProvisionGroups, ...p.badDebtGroups].every(isGroup)) add('GROUP_LIST_INVALID', 'group lists may hold groups 1–5 only');
  return out;
}

export class ClassificationPolicyError extends Error {
  constructor(
    readonly code: 'CLASSIFICATION_POLICY.NONE_IN_FORCE' | 'CLASSIFICATION_POLICY.AMBIGUOUS' | 'CLASSIFICATION_POLICY.INVALID',
    message: string,
  ) {
    super(message);
    this.name = 'ClassificationPolicyError';
  }
}

/**
 * The policy in force on `date`: the one with the latest effectiveFrom on or before it. Two policies
 * from the same date are a configuration error, not a tie to guess at.
 */
export function policyInForce(policies: readonly ClassificationPolicy[], date: LocalDate): ClassificationPolicy {
  const candidates = policies.filter((p) => p.effectiveFrom <= date);
  if (candidates.length === 0) {
    throw new ClassificationPolicyError('CLASSIFICATION_POLICY.NONE_IN_FORCE', `no classification policy in force on ${date}`);
  }
  const latest = candidates.reduce((a, p) => (p.effectiveFrom > a ? p.effectiveFrom : a), candidates[0].effectiveFrom);
  const inForce = candidates.filter((p) => p.effectiveFrom === latest);
  if (inForce.length > 1) throw new ClassificationPolicyError('CLASSIFICATION_POLICY.AMBIGUOUS', `two policies take effect on ${latest}`);
  return inForce[0];
}

/** Throws when a policy breaks any rule of validatePolicy. */
export function assertValidPolicy(p: ClassificationPolicy): ClassificationPolicy {
  const v = validatePolicy(p);
  if (v.length > 0) throw new ClassificationPolicyError('CLASSIFICATION_POLICY.INVALID', v.map((x) => x.message).join('; '));
  return p;
}
