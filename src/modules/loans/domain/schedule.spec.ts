import { describe, it, expect } from '@jest/globals';
import { Money, sum, toDecimalString } from '../../../platform/money/money.js';
import { type LoanTermsInput, makeLoanTerms } from './loan-terms.js';
import { InvalidLoanTermsError } from './loan-errors.js';
import { annuityPayment, buildSchedule, rebuildRemaining, scheduleSlots } from './schedule.js';

const m = (v: string | number): Money => new Money(v);

/** [dueDate, days, principal, interest] as whole-VND strings. */
type Row = [string, number, string, string];

function rows(input: LoanTermsInput, principal: string): Row[] {
  return buildSchedule(makeLoanTerms(input), m(principal)).map((r) => [r.dueDate, r.days, toDecimalString(r.principal), toDecimalString(r.interest)]);
}

interface Case {
  name: string;
  terms: LoanTermsInput;
  principal: string;
  expected: Row[];
}

// Every interest figure: balance during the period × rate × days ÷ 365, rounded half-up to the unit.
const cases: Case[] = [
  {
    name: 'EQUAL_PRINCIPAL monthly (domain.md worked example: 600M, 6%, 6 months from 10 Mar 2025)',
    terms: { annualRate: m('0.06'), termMonths: 6, startDate: '2025-03-10' },
    principal: '600000000',
    expected: [
      ['2025-04-10', 31, '100000000', '3057534'], // 600M × 0.06 × 31 / 365 = 3,057,534.25
      ['2025-05-10', 30, '100000000', '2465753'], // 500M × 0.06 × 30 / 365 = 2,465,753.42
      ['2025-06-10', 31, '100000000', '2038356'], // 400M × 0.06 × 31 / 365 = 2,038,356.16
      ['2025-07-10', 30, '100000000', '1479452'], // 300M × 0.06 × 30 / 365 = 1,479,452.05
      ['2025-08-10', 31, '100000000', '1019178'], // 200M × 0.06 × 31 / 365 = 1,019,178.08
      ['2025-09-10', 31, '100000000', '509589'], //  100M × 0.06 × 31 / 365 =   509,589.04
    ],
  },
  {
    name: 'EQUAL_PRINCIPAL quarterly',
    terms: { annualRate: m('0.08'), termMonths: 12, startDate: '2025-01-20', principalFrequency: 'QUARTERLY', interestFrequency: 'QUARTERLY' },
    principal: '80000000',
    expected: [
      ['2025-04-20', 90, '20000000', '1578082'], // 80M × 0.08 × 90 / 365 = 1,578,082.19
      ['2025-07-20', 91, '20000000', '1196712'], // 60M × 0.08 × 91 / 365 = 1,196,712.33
      ['2025-10-20', 92, '20000000', '806575'], //  40M × 0.08 × 92 / 365 =   806,575.34
      ['2026-01-20', 92, '20000000', '403288'], //  20M × 0.08 × 92 / 365 =   403,287.67 → up
    ],
  },
  {
    name: 'EQUAL_PRINCIPAL semi-annual',
    terms: { annualRate: m('0.09'), termMonths: 24, startDate: '2025-07-01', principalFrequency: 'SEMI_ANNUAL', interestFrequency: 'SEMI_ANNUAL' },
    principal: '100000000',
    expected: [
      ['2026-01-01', 184, '25000000', '4536986'], // 100M × 0.09 × 184 / 365 = 4,536,986.30
      ['2026-07-01', 181, '25000000', '3347260'], //  75M × 0.09 × 181 / 365 = 3,347,260.27
      ['2027-01-01', 184, '25000000', '2268493'], //  50M × 0.09 × 184 / 365 = 2,268,493.15
      ['2027-07-01', 181, '25000000', '1115753'], //  25M × 0.09 × 181 / 365 = 1,115,753.42
    ],
  },
  {
    name: 'EQUAL_PRINCIPAL annual, crossing 29 Feb 2024 is still 365 days from 15 Mar 2024',
    terms: { annualRate: m('0.05'), termMonths: 36, startDate: '2024-03-15', principalFrequency: 'ANNUAL', interestFrequency: 'ANNUAL' },
    principal: '90000000',
    expected: [
      ['2025-03-15', 365, '30000000', '4500000'], // 90M × 0.05 × 365 / 365
      ['2026-03-15', 365, '30000000', '3000000'], // 60M × 0.05
      ['2027-03-15', 365, '30000000', '1500000'], // 30M × 0.05
    ],
  },
  {
    name: 'AT_MATURITY for principal and interest: one installment',
    terms: { annualRate: m('0.06'), termMonths: 9, startDate: '2025-02-10', principalFrequency: 'AT_MATURITY', interestFrequency: 'AT_MATURITY' },
    principal: '50000000',
    expected: [['2025-11-10', 273, '50000000', '2243836']], // 50M × 0.06 × 273 / 365 = 2,243,835.62
  },
  {
    name: 'principal quarterly, interest monthly',
    terms: { annualRate: m('0.06'), termMonths: 6, startDate: '2025-01-10', principalFrequency: 'QUARTERLY', interestFrequency: 'MONTHLY' },
    principal: '60000000',
    expected: [
      ['2025-02-10', 31, '0', '305753'], //         60M × 0.06 × 31 / 365 = 305,753.42
      ['2025-03-10', 28, '0', '276164'], //         60M × 0.06 × 28 / 365 = 276,164.38
      ['2025-04-10', 31, '30000000', '305753'], //  60M × 0.06 × 31 / 365
      ['2025-05-10', 30, '0', '147945'], //         30M × 0.06 × 30 / 365 = 147,945.21
      ['2025-06-10', 31, '0', '152877'], //         30M × 0.06 × 31 / 365 = 152,876.71
      ['2025-07-10', 30, '30000000', '147945'], //  30M × 0.06 × 30 / 365
    ],
  },
  {
    name: 'principal monthly, interest quarterly: the quarter bills the sum over its months',
    terms: { annualRate: m('0.06'), termMonths: 6, startDate: '2025-01-10', principalFrequency: 'MONTHLY', interestFrequency: 'QUARTERLY' },
    principal: '60000000',
    expected: [
      ['2025-02-10', 31, '10000000', '0'],
      ['2025-03-10', 28, '10000000', '0'],
      // 0.06 × (60M × 31 + 50M × 28 + 40M × 31) / 365 = 0.06 × 4,500M / 365 = 739,726.03
      ['2025-04-10', 31, '10000000', '739726'],
      ['2025-05-10', 30, '10000000', '0'],
      ['2025-06-10', 31, '10000000', '0'],
      // 0.06 × (30M × 30 + 20M × 31 + 10M × 30) / 365 = 0.06 × 1,820M / 365 = 299,178.08
      ['2025-07-10', 30, '10000000', '299178'],
    ],
  },
  {
    name: 'BULLET: interest quarterly, all principal at maturity',
    terms: {
      annualRate: m('0.072'),
      termMonths: 12,
      startDate: '2025-01-01',
      method: 'BULLET',
      principalFrequency: 'AT_MATURITY',
      interestFrequency: 'QUARTERLY',
    },
    principal: '100000000',
    expected: [
      ['2025-04-01', 90, '0', '1775342'], // 100M × 0.072 × 90 / 365 = 1,775,342.47
      ['2025-07-01', 91, '0', '1795068'], // 100M × 0.072 × 91 / 365 = 1,795,068.49
      ['2025-10-01', 92, '0', '1814795'], // 100M × 0.072 × 92 / 365 = 1,814,794.52
      ['2026-01-01', 92, '100000000', '1814795'],
    ],
  },
  {
    name: 'EQUAL_PRINCIPAL with 2 grace periods: m = 6 − 2 = 4 parts of 10M',
    terms: { annualRate: m('0.12'), termMonths: 6, startDate: '2025-05-05', gracePeriods: 2 },
    principal: '40000000',
    expected: [
      ['2025-06-05', 31, '0', '407671'], //         40M × 0.12 × 31 / 365 = 407,671.23
      ['2025-07-05', 30, '0', '394521'], //         40M × 0.12 × 30 / 365 = 394,520.55
      ['2025-08-05', 31, '10000000', '407671'], //  40M × 0.12 × 31 / 365
      ['2025-09-05', 31, '10000000', '305753'], //  30M × 0.12 × 31 / 365 = 305,753.42
      ['2025-10-05', 30, '10000000', '197260'], //  20M × 0.12 × 30 / 365 = 197,260.27
      ['2025-11-05', 31, '10000000', '101918'], //  10M × 0.12 × 31 / 365 = 101,917.81
    ],
  },
  {
    name: 'start on the 31st in a leap year: 29 Feb, 31 Mar, 30 Apr, 31 May',
    terms: { annualRate: m('0.09'), termMonths: 4, startDate: '2024-01-31' },
    principal: '40000000',
    expected: [
      ['2024-02-29', 29, '10000000', '286027'], // 40M × 0.09 × 29 / 365 = 286,027.40
      ['2024-03-31', 31, '10000000', '229315'], // 30M × 0.09 × 31 / 365 = 229,315.07
      ['2024-04-30', 30, '10000000', '147945'], // 20M × 0.09 × 30 / 365 = 147,945.21
      ['2024-05-31', 31, '10000000', '76438'], //  10M × 0.09 × 31 / 365 =  76,438.36
    ],
  },
  {
    name: 'start on 29 Feb, annual: 28 Feb of the following years, 365 days each',
    terms: { annualRate: m('0.06'), termMonths: 24, startDate: '2024-02-29', principalFrequency: 'ANNUAL', interestFrequency: 'ANNUAL' },
    principal: '20000000',
    expected: [
      ['2025-02-28', 365, '10000000', '1200000'], // 20M × 0.06 × 365 / 365
      ['2026-02-28', 365, '10000000', '600000'], //  10M × 0.06 × 365 / 365
    ],
  },
  {
    name: 'leap year: 366 real days over 365',
    terms: {
      annualRate: m('0.10'),
      termMonths: 12,
      startDate: '2024-01-01',
      method: 'BULLET',
      principalFrequency: 'AT_MATURITY',
      interestFrequency: 'AT_MATURITY',
    },
    principal: '100000000',
    expected: [['2025-01-01', 366, '100000000', '10027397']], // 100M × 0.10 × 366 / 365 = 10,027,397.26
  },
  {
    name: 'rounding unit 1,000: parts and interest rounded to 1,000, the last part absorbs the remainder',
    terms: { annualRate: m('0.07'), termMonths: 3, startDate: '2025-04-01', roundingUnit: m(1000) },
    principal: '100000000',
    expected: [
      // 100M / 3 = 33,333,333.33 → 33,333,000; last = 100M − 2 × 33,333,000 = 33,334,000
      ['2025-05-01', 30, '33333000', '575000'], // 100,000,000 × 0.07 × 30 / 365 = 575,342.47 → 575,000
      ['2025-06-01', 31, '33333000', '396000'], //  66,667,000 × 0.07 × 31 / 365 = 396,349.01 → 396,000
      ['2025-07-01', 30, '33334000', '192000'], //  33,334,000 × 0.07 × 30 / 365 = 191,784.66 → 192,000
    ],
  },
  {
    name: 'uneven split: 100,000,001 / 3 rounds up, the last part is smaller',
    terms: { annualRate: m('0.07'), termMonths: 3, startDate: '2025-04-01' },
    principal: '100000001',
    expected: [
      // 33,333,333.67 → 33,333,334; last = 100,000,001 − 66,666,668 = 33,333,333
      ['2025-05-01', 30, '33333334', '575342'], // 100,000,001 × 0.07 × 30 / 365 = 575,342.47
      ['2025-06-01', 31, '33333334', '396347'], //  66,666,667 × 0.07 × 31 / 365 = 396,347.03
      ['2025-07-01', 30, '33333333', '191781'], //  33,333,333 × 0.07 × 30 / 365 = 191,780.82
    ],
  },
  {
    name: 'ANNUITY quarterly: i = 0.10 × 3 / 12 = 0.025, A = round(100M × 0.025 / (1 − 1.025^−4)) = round(26,581,787.77) = 26,581,788',
    terms: {
      annualRate: m('0.10'),
      termMonths: 12,
      startDate: '2025-01-15',
      method: 'ANNUITY',
      principalFrequency: 'QUARTERLY',
      interestFrequency: 'QUARTERLY',
    },
    principal: '100000000',
    expected: [
      ['2025-04-15', 90, '24116035', '2465753'], // 100,000,000 × 0.1 × 90 / 365 = 2,465,753.42; P = A − I
      ['2025-07-15', 91, '24689886', '1891902'], //  75,883,965 × 0.1 × 91 / 365 = 1,891,901.59
      ['2025-10-15', 92, '25291417', '1290371'], //  51,194,079 × 0.1 × 92 / 365 = 1,290,371.31
      ['2026-01-15', 92, '25902662', '652889'], //   25,902,662 × 0.1 × 92 / 365 =   652,889.01; last clears the balance
    ],
  },
  {
    name: 'ANNUITY with 1 grace period: A over m = 3, A = round(50M × 0.01 / (1 − 1.01^−3)) = round(17,001,105.57) = 17,001,106',
    terms: { annualRate: m('0.12'), termMonths: 4, startDate: '2025-01-15', method: 'ANNUITY', gracePeriods: 1 },
    principal: '50000000',
    expected: [
      ['2025-02-15', 31, '0', '509589'], //         50,000,000 × 0.12 × 31 / 365 = 509,589.04
      ['2025-03-15', 28, '16540832', '460274'], //  50,000,000 × 0.12 × 28 / 365 = 460,273.97; 17,001,106 − 460,274
      ['2025-04-15', 31, '16660097', '341009'], //  33,459,168 × 0.12 × 31 / 365 = 341,008.51
      ['2025-05-15', 30, '16799071', '165689'], //  16,799,071 × 0.12 × 30 / 365 = 165,689.47; clears
    ],
  },
];

describe('buildSchedule: hand-computed tables', () => {
  it.each(cases)('$name', ({ terms, principal, expected }) => {
    const got = rows(terms, principal);
    expect(got).toEqual(expected);
    // the parts always sum exactly to the principal
    expect(toDecimalString(sum(buildSchedule(makeLoanTerms(terms), m(principal)).map((r) => r.principal)))).toBe(principal);
  });
});

describe('ANNUITY spreadsheet: 120,000,000 at 12%, monthly, 6 months from 15 Jan 2025', () => {
  // i = 0.12 × 1 / 12 = 0.01; A = 120,000,000 × 0.01 / (1 − 1.01^−6) = 20,705,804.005 → 20,705,804
  const terms = makeLoanTerms({ annualRate: m('0.12'), termMonths: 6, startDate: '2025-01-15', method: 'ANNUITY' });

  it('has the installment A', () => {
    expect(toDecimalString(annuityPayment(terms, m(120_000_000), 6))).toBe('20705804');
  });

  it('matches the spreadsheet row by row (interest by ACT/365, principal = A − interest)', () => {
    // [due, days, interest, principal, balance after]
    const sheet: [string, number, string, string, string][] = [
      ['2025-02-15', 31, '1223014', '19482790', '100517210'], // 120,000,000 × 0.12 × 31/365 = 1,223,013.70
      ['2025-03-15', 28, '925309', '19780495', '80736715'], //   100,517,210 × 0.12 × 28/365 =   925,309.11
      ['2025-04-15', 31, '822851', '19882953', '60853762'], //    80,736,715 × 0.12 × 31/365 =   822,850.90
      ['2025-05-15', 30, '600201', '20105603', '40748159'], //    60,853,762 × 0.12 × 30/365 =   600,201.49
      ['2025-06-15', 31, '415296', '20290508', '20457651'], //    40,748,159 × 0.12 × 31/365 =   415,296.31
      ['2025-07-15', 30, '201774', '20457651', '0'], //           20,457,651 × 0.12 × 30/365 =   201,774.09; last clears
    ];
    const got = buildSchedule(terms, m(120_000_000)).map((r) => [
      r.dueDate,
      r.days,
      toDecimalString(r.interest),
      toDecimalString(r.principal),
      toDecimalString(r.balanceAfter),
    ]);
    expect(got).toEqual(sheet);
    // total interest 1,223,014 + 925,309 + 822,851 + 600,201 + 415,296 + 201,774 = 4,188,445
    expect(toDecimalString(sum(buildSchedule(terms, m(120_000_000)).map((r) => r.interest)))).toBe('4188445');
  });

  it('zero rate: A = P ÷ m', () => {
    const zero = makeLoanTerms({ annualRate: m(0), termMonths: 4, startDate: '2025-01-15', method: 'ANNUITY' });
    expect(buildSchedule(zero, m(10_000_000)).map((r) => toDecimalString(r.principal))).toEqual(['2500000', '2500000', '2500000', '2500000']);
  });
});

describe('due dates', () => {
  it('are always computed from the start date, never from the previous due date (29 Feb start)', () => {
    const terms = makeLoanTerms({ annualRate: m('0.06'), termMonths: 12, startDate: '2024-02-29' });
    expect(scheduleSlots(terms).map((s) => s.dueDate)).toEqual([
      '2024-03-29',
      '2024-04-29',
      '2024-05-29',
      '2024-06-29',
      '2024-07-29',
      '2024-08-29',
      '2024-09-29',
      '2024-10-29',
      '2024-11-29',
      '2024-12-29',
      '2025-01-29',
      '2025-02-28',
    ]);
  });

  it('31 Jan 2025 monthly: 28 Feb, 31 Mar, 30 Apr', () => {
    const terms = makeLoanTerms({ annualRate: m('0.06'), termMonths: 3, startDate: '2025-01-31' });
    expect(scheduleSlots(terms).map((s) => s.dueDate)).toEqual(['2025-02-28', '2025-03-31', '2025-04-30']);
  });

  it('refuses invalid terms', () => {
    const terms = makeLoanTerms({ annualRate: m('0.06'), termMonths: 5, startDate: '2025-01-31', principalFrequency: 'QUARTERLY' });
    expect(() => buildSchedule(terms, m(1_000_000))).toThrow(InvalidLoanTermsError);
  });
});

describe('rebuildRemaining', () => {
  const terms = makeLoanTerms({ annualRate: m('0.06'), termMonths: 6, startDate: '2025-03-10' });
  const slots = buildSchedule(terms, m(600_000_000)).slice(2); // installments 3..6, 100M each, not yet due

  it('RESPREAD keeps the dates and splits the new remaining equally, last absorbs', () => {
    // 400M − 100,000,001 prepaid = 299,999,999 over 4: 75,000,000 (74,999,999.75 rounded) × 3, last 74,999,999
    const out = rebuildRemaining({ terms, from: '2025-05-20', numerator: m(0), slots, remainingPrincipal: m(299_999_999), mode: 'RESPREAD' });
    expect(out.map((s) => [s.dueDate, toDecimalString(s.principal)])).toEqual([
      ['2025-06-10', '75000000'],
      ['2025-07-10', '75000000'],
      ['2025-08-10', '75000000'],
      ['2025-09-10', '74999999'],
    ]);
  });

  it('SHORTEN_TERM keeps each principal, takes the prepayment off the end and drops emptied installments', () => {
    // 400M − 150M: 6th loses 100M (dropped), 5th loses 50M and becomes the last, billing interest
    const out = rebuildRemaining({ terms, from: '2025-05-20', numerator: m(0), slots, remainingPrincipal: m(250_000_000), mode: 'SHORTEN_TERM' });
    expect(out.map((s) => [s.dueDate, toDecimalString(s.principal), s.interestDate])).toEqual([
      ['2025-06-10', '100000000', true],
      ['2025-07-10', '100000000', true],
      ['2025-08-10', '50000000', true],
    ]);
  });
});
