import { describe, expect, it } from '@jest/globals';
import { Money } from '../../../platform/money/money.js';
import {
  checkBorrowerEligibility,
  checkExposure,
  checkInvestmentShare,
  checkLendingConditions,
  checkProductLimits,
  collateralCoverChecks,
  evaluateLendingConditions,
  type BorrowerFacts,
  type ExposureFacts,
  type LendingCheckInput,
  type LoanFacts,
  type ProductFacts,
} from './lending-conditions.js';

const m = (v: string): Money => new Money(v);
const product: ProductFacts = {
  retired: false,
  minAmount: m('10000000'),
  maxAmount: m('2000000000'),
  minTermMonths: 6,
  maxTermMonths: 60,
  annualInterestRatePercent: m('7.2'),
  principalFrequency: 'QUARTERLY',
  principalPeriodMonths: 3,
  principalGracePeriods: 1,
  allowedBorrowerTypes: ['COOPERATIVE', 'MEMBER'],
  allowedSectors: ['VSIC2018/A'],
  collateralRequired: true,
  collateralCover: { basis: 'DISCOUNTED', minCoverPercent: m('100'), maxLtvPercent: m('70') },
};
const loan: LoanFacts = {
  amount: m('800000000'),
  termMonths: 12,
  ratePercent: null,
  sector: 'VSIC2018/A',
  totalInvestment: m('1000000000'),
  collateralExempt: false,
  collateralExemptionRegulation: null,
  collateralExemptionDecision: null,
};
/** Land of 1,600M at the 50% discount covers exactly 800M = 100% of the loan. */
const land = [{ type: 'REAL_ESTATE', value: m('1600000000') }];
const coop: BorrowerFacts = { type: 'COOPERATIVE', birthDate: null, provinceCode: '19', active: true };
const exposure: ExposureFacts = { charterCapital: m('10000000000'), borrowerExposure: m('0'), groupExposure: m('0'), sourceAvailable: m('5000000000') };

describe('borrower eligibility (Decree 45 Art. 20)', () => {
  it.each<[string, BorrowerFacts, string | null]>([
    ['active cooperative in the province', coop, null],
    ['inactive', { ...coop, active: false }, 'APPLICATION.BORROWER_INACTIVE'],
    ['outside the province', { ...coop, provinceCode: '01' }, 'APPLICATION.BORROWER_OUTSIDE_PROVINCE'],
    ['member turning 18 on the day', { type: 'MEMBER', birthDate: '2008-11-22', provinceCode: '19', active: true }, null],
    ['member 18 tomorrow', { type: 'MEMBER', birthDate: '2008-11-23', provinceCode: '19', active: true }, 'APPLICATION.BORROWER_UNDER_AGE'],
  ])('%s', (_n, b, code) => {
    expect(checkBorrowerEligibility(b, '19', '2026-11-22')?.code ?? null).toBe(code);
  });
});

describe('product limits', () => {
  it.each<[string, Partial<ProductFacts>, Partial<LoanFacts>, string | null]>([
    ['inside every limit', {}, {}, null],
    ['retired', { retired: true }, {}, 'APPLICATION.PRODUCT_RETIRED'],
    ['borrower type not allowed', { allowedBorrowerTypes: ['MEMBER'] }, {}, 'APPLICATION.BORROWER_TYPE_NOT_ALLOWED'],
    ['sector not allowed', {}, { sector: 'VSIC2018/C' }, 'APPLICATION.SECTOR_NOT_ALLOWED'],
    ['any sector when none listed', { allowedSectors: [] }, { sector: 'VSIC2018/C' }, null],
    ['amount at the minimum', {}, { amount: m('10000000') }, null],
    ['amount 1 below the minimum', {}, { amount: m('9999999') }, 'APPLICATION.AMOUNT_BELOW_PRODUCT_MIN'],
    ['amount at the maximum', { maxAmount: m('800000000') }, {}, null],
    ['amount 1 above the maximum', { maxAmount: m('799999999') }, {}, 'APPLICATION.AMOUNT_ABOVE_PRODUCT_MAX'],
    ['term below', {}, { termMonths: 3 }, 'APPLICATION.TERM_BELOW_PRODUCT_MIN'],
    ['term above', {}, { termMonths: 63 }, 'APPLICATION.TERM_ABOVE_PRODUCT_MAX'],
    ['term not whole quarters', {}, { termMonths: 13 }, 'APPLICATION.TERM_NOT_WHOLE_PERIODS'],
    ['grace equal to the periods', { principalGracePeriods: 2 }, { termMonths: 6 }, 'APPLICATION.GRACE_NOT_BELOW_PERIODS'],
    ['rate at the product rate', {}, { ratePercent: m('7.2') }, null],
    ['rate above the product rate', {}, { ratePercent: m('7.21') }, 'APPLICATION.RATE_ABOVE_PRODUCT'],
    ['exempt from required collateral', {}, { collateralExempt: true }, 'APPLICATION.COLLATERAL_REQUIRED'],
    [
      'exempt with a regulation but no decision',
      {},
      { collateralExempt: true, collateralExemptionRegulation: 'QC 01/2025 Điều 12' },
      'APPLICATION.COLLATERAL_REQUIRED',
    ],
    [
      'exempt under the regulation by decision',
      {},
      { collateralExempt: true, collateralExemptionRegulation: 'QC 01/2025 Điều 12', collateralExemptionDecision: 'QĐ 15/QĐ-QHT' },
      null,
    ],
  ])('%s', (_n, p, l, code) => {
    expect(checkProductLimits({ ...product, ...p }, 'COOPERATIVE', { ...loan, ...l })?.code ?? null).toBe(code);
  });
});

describe('collateral cover (Art. 22, 31; the fund’s collateral rules)', () => {
  const vehicle = { type: 'OTHER', value: m('1000000000') };
  it.each<[string, Partial<ProductFacts>, Partial<LoanFacts>, Array<{ type: string; value: Money }>, [string, string, boolean, Record<string, string>] | null]>(
    [
      // 1,600M × 50% = 800M ≥ 100% × 800M
      [
        'discounted cover exactly 100%',
        {},
        {},
        land,
        ['800000000', '800000000', true, { required: '800.000.000 ₫', actualFormatted: '800.000.000 ₫', ratio: '100%' }],
      ],
      // + a vehicle 1,000M × 30% = 300M → 1,100M against 120% × 800M = 960M
      [
        'land and a vehicle against 120%',
        { collateralCover: { basis: 'DISCOUNTED', minCoverPercent: m('120'), maxLtvPercent: m('70') } },
        {},
        [...land, vehicle],
        ['960000000', '1100000000', true, { required: '960.000.000 ₫', actualFormatted: '1.100.000.000 ₫', ratio: '137,5%' }],
      ],
      // a vehicle alone: 300M of 800M = 37.5%
      [
        'a vehicle alone is short',
        {},
        {},
        [vehicle],
        ['800000000', '300000000', false, { required: '800.000.000 ₫', actualFormatted: '300.000.000 ₫', ratio: '37,5%' }],
      ],
      // LTV 70%: 800M needs 1,142,857,142.86 → 1,142,857,143 of pledged value; the vehicle's 1,000M is short
      [
        'LTV 70% short',
        { collateralCover: { basis: 'LTV', minCoverPercent: m('100'), maxLtvPercent: m('70') } },
        {},
        [vehicle],
        ['1142857143', '1000000000', false, { required: '1.142.857.143 ₫', actualFormatted: '1.000.000.000 ₫', ratio: '80%' }],
      ],
      ['nothing pledged', {}, {}, [], ['800000000', '0', false, { required: '800.000.000 ₫', actualFormatted: '0 ₫', ratio: '0%' }]],
      ['not required by the product', { collateralRequired: false }, {}, [], null],
      [
        'exempt by decision',
        {},
        { collateralExempt: true, collateralExemptionRegulation: 'QC 01/2025 Điều 12', collateralExemptionDecision: 'QĐ 15/QĐ-QHT' },
        [],
        null,
      ],
    ],
  )('%s', (_n, p, l, items, expected) => {
    const checks = collateralCoverChecks({ ...product, ...p }, { ...loan, ...l }, items);
    if (!expected) return expect(checks).toEqual([]);
    expect(checks.map((c) => [c.limit, c.actual, c.passed, c.params])).toEqual([expected]);
    expect(checks[0].code).toBe('APPLICATION.COLLATERAL_COVER_BELOW_MINIMUM');
  });
});

describe('loan ≤ 80% of total investment (Art. 22)', () => {
  it.each([
    ['800000000', '1000000000', null],
    ['800000001', '1000000000', { code: 'APPLICATION.ABOVE_INVESTMENT_SHARE', limit: '800000000', actual: '800000001' }],
    ['9', '11', { code: 'APPLICATION.ABOVE_INVESTMENT_SHARE', limit: '8.8', actual: '9' }],
    ['8', '11', null],
  ] as Array<[string, string, object | null]>)('%s of %s', (amount, total, refusal) => {
    const r = checkInvestmentShare(m(amount), m(total));
    if (refusal) expect(r).toMatchObject(refusal);
    else expect(r).toBeNull();
  });
});

describe('exposure limits (Art. 23.2) and capital availability', () => {
  it.each<[string, string, Partial<ExposureFacts>, string | null, string | undefined]>([
    ['15% exactly', '1500000000', {}, null, undefined],
    ['15% + 1 đồng', '1500000001', { sourceAvailable: m('9000000000') }, 'APPLICATION.ABOVE_CUSTOMER_LIMIT', '1500000000'],
    ['15% counting exposure', '500000001', { borrowerExposure: m('1000000000') }, 'APPLICATION.ABOVE_CUSTOMER_LIMIT', '1500000000'],
    ['25% exactly with related', '1000000000', { borrowerExposure: m('0'), groupExposure: m('1500000000') }, null, undefined],
    ['25% + 1 đồng with related', '1000000001', { groupExposure: m('1500000000') }, 'APPLICATION.ABOVE_GROUP_LIMIT', '2500000000'],
    ['source available exactly', '1000000000', { sourceAvailable: m('1000000000') }, null, undefined],
    ['source available + 1', '1000000001', { sourceAvailable: m('1000000000') }, 'APPLICATION.ABOVE_SOURCE_AVAILABLE', '1000000000'],
    ['no charter capital', '1', { charterCapital: null }, 'APPLICATION.CHARTER_CAPITAL_NOT_SET', 'set'],
  ])('%s', (_n, amount, f, code, limit) => {
    const r = checkExposure(m(amount), { ...exposure, ...f });
    expect(r?.code ?? null).toBe(code);
    if (limit) expect(r?.limit).toBe(limit);
  });
});

describe('all conditions together', () => {
  // Land of 2,000M (1,000M after the 50% discount) covers the loan with room for the cases below.
  const input: LendingCheckInput = {
    on: '2026-11-22',
    fundProvinceCode: '19',
    borrower: coop,
    product,
    loan,
    exposure,
    collateral: [{ type: 'REAL_ESTATE', value: m('2000000000') }],
  };
  it('passes a loan inside every limit', () => {
    expect(checkLendingConditions(input)).toBeNull();
  });
  it('reports the first broken rule with its figures', () => {
    expect(checkLendingConditions({ ...input, loan: { ...loan, amount: m('800000001') } })).toEqual({
      code: 'APPLICATION.ABOVE_INVESTMENT_SHARE',
      rule: 'Decree 45 Art. 22: loan ≤ 80% of total investment',
      limit: '800000000',
      actual: '800000001',
    });
  });
  it('lists every rule with its figures; its first failure is the refusal', () => {
    const broken = { ...input, loan: { ...loan, amount: m('2500000000'), termMonths: 13 }, exposure: { ...exposure, sourceAvailable: m('1000000000') } };
    const all = evaluateLendingConditions(broken);
    expect(all.filter((c) => !c.passed).map((c) => [c.code, c.limit, c.actual])).toEqual([
      ['APPLICATION.AMOUNT_ABOVE_PRODUCT_MAX', '2000000000', '2500000000'],
      ['APPLICATION.TERM_NOT_WHOLE_PERIODS', 'QUARTERLY', '13'],
      ['APPLICATION.COLLATERAL_COVER_BELOW_MINIMUM', '2500000000', '1000000000'],
      ['APPLICATION.ABOVE_INVESTMENT_SHARE', '800000000', '2500000000'],
      ['APPLICATION.ABOVE_CUSTOMER_LIMIT', '1500000000', '2500000000'],
      ['APPLICATION.ABOVE_SOURCE_AVAILABLE', '1000000000', '2500000000'],
    ]);
    // No grace rule without a whole number of periods; no rate rule without a proposed rate.
    expect(all.map((c) => c.code)).not.toContain('APPLICATION.GRACE_NOT_BELOW_PERIODS');
    expect(all.map((c) => c.code)).not.toContain('APPLICATION.RATE_ABOVE_PRODUCT');
    const { passed: _passed, ...first } = all.find((c) => !c.passed)!;
    expect(checkLendingConditions(broken)).toEqual(first);
    expect(evaluateLendingConditions(input).every((c) => c.passed)).toBe(true);
  });
});
