import { describe, it, expect } from '@jest/globals';
import Fastify from 'fastify';
import { Money } from '../../../platform/money/money.js';
import { type LoanEvent, type LoanState, makeLoanTerms, replay } from '../domain/index.js';
import { LOAN_VIEW_SCHEMA } from '../dto/loan-view.schema.js';
import type { LoanDto } from '../dto/loan-views.dto.js';
import type { LoanRow } from './loan-store.repository.js';
import { toLoanDto } from './loan-views.mapper.js';

const m = (v: string | number): Money => new Money(v);

function rowOf(state: LoanState | null, extra: Partial<LoanRow> = {}): LoanRow {
  return {
    id: '12',
    contract_number: 'HĐTD-2025-000012 "A\\B"',
    application_id: '7',
    borrower_id: '3',
    product_version_id: '2',
    capital_source_id: '1',
    sector_version: 'VSIC2018',
    sector_code: 'A',
    status: 'ACTIVE',
    signing_date: '2025-03-05',
    approved_amount: '600000000',
    annual_rate: '0.06',
    overdue_multiplier: '1.5',
    late_interest_rate: '0.1',
    amortization_method: 'EQUAL_PRINCIPAL',
    principal_frequency: 'MONTHLY',
    interest_frequency: 'MONTHLY',
    term_months: 6,
    grace_periods: 0,
    rounding_unit: '1',
    allocation_order: ['PENALTY', 'OVERDUE_INTEREST', 'OVERDUE_PRINCIPAL', 'DUE_INTEREST', 'DUE_PRINCIPAL', 'PREPAYMENT'],
    prepayment_mode: 'REDUCE_INSTALLMENT',
    max_tranches: 3,
    credit_report_reference: null,
    credit_report_date: null,
    start_date: state ? state.terms.startDate : null,
    maturity_date: state ? '2025-09-10' : null,
    tranche_count: 1,
    disbursed_principal: state?.disbursedPrincipal.toFixed() ?? '0',
    outstanding_principal: state?.outstandingPrincipal.toFixed() ?? '0',
    prepaid_principal: '0',
    period_interest_numerator: state?.periodInterestNumerator.toFixed() ?? '0',
    period_interest_paid: '0',
    last_closed_date: state?.lastClosedDate ?? null,
    interest_earned_posted: '0',
    overdue_interest_earned_posted: '0',
    late_interest_earned_posted: '0',
    days_past_due: 0,
    debt_group: 1,
    restructuring_count: 0,
    closed_on: null,
    business_day_rule: 'NONE',
    due_date_moves: [],
    legacy_terms: false,
    legacy_rules: null,
    origin: null,
    ...extra,
  };
}

/** What loan-store.repository.ts SUMMARY_INSTALLMENTS_JSON keeps of a state, in TypeScript. */
function summaryRead(state: LoanState): LoanState {
  const keep = state.installments.filter(
    (i) =>
      !i.billed ||
      !i.principalDue.eq(i.principalPaid) ||
      i.interestDue === null ||
      !i.interestDue.eq(i.interestPaid) ||
      !i.overdueInterestNumerator.isZero() ||
      !i.lateInterestNumerator.isZero() ||
      !i.overdueInterestPaid.isZero() ||
      !i.lateInterestPaid.isZero(),
  );
  return { ...state, installments: keep };
}

const terms = makeLoanTerms({ annualRate: m('0.06'), termMonths: 12, startDate: '2025-03-10' });
const disbursed: LoanEvent = { kind: 'DISBURSEMENT', date: '2025-03-10', amount: m(600_000_000) };
const pay = (id: string, date: string, amount: number): LoanEvent => ({ kind: 'REPAYMENT', id, date, amount: m(amount) });
const histories: Array<[string, LoanEvent[], string]> = [
  ['disbursed, nothing paid (overdue)', [disbursed], '2025-07-20'],
  ['paid on time', [disbursed, pay('1', '2025-04-10', 53_057_534), pay('2', '2025-05-10', 52_465_753)], '2025-05-20'],
  ['paid late and partly', [disbursed, pay('1', '2025-04-25', 53_500_000), pay('2', '2025-06-15', 20_000_000)], '2025-07-02'],
  ['prepaid', [disbursed, pay('1', '2025-04-10', 53_057_534), pay('2', '2025-04-30', 200_000_000)], '2025-08-11'],
  ['before the first due date', [disbursed], '2025-03-31'],
];

describe('toLoanDto from the status read', () => {
  it.each(histories)('%s: the summary from the installments the status read keeps is the summary from all', (_name, events, through) => {
    const { state } = replay(terms, events, through);
    expect(summaryRead(state).installments.length).toBeLessThanOrEqual(state.installments.length);
    expect(toLoanDto(rowOf(state), summaryRead(state))).toEqual(toLoanDto(rowOf(state), state));
  });

  it('leaves out the installments paid in full', () => {
    const { state } = replay(terms, histories[1][1], histories[1][2]);
    expect(summaryRead(state).installments.length).toBeLessThan(state.installments.length);
  });
});

describe('LOAN_VIEW_SCHEMA', () => {
  const keysOf = (o: object): unknown[] => Object.entries(o).map(([k, v]) => (v && typeof v === 'object' && !Array.isArray(v) ? [k, keysOf(v as object)] : k));
  const schemaKeys = (s: { properties?: Record<string, object> }): unknown[] =>
    Object.entries(s.properties ?? {}).map(([k, v]) => ((v as { type?: unknown }).type === 'object' ? [k, schemaKeys(v)] : k));

  it('lists every property of toLoanDto, in its order', () => {
    const { state } = replay(terms, [disbursed], '2025-05-20');
    expect(schemaKeys(LOAN_VIEW_SCHEMA)).toEqual(keysOf(toLoanDto(rowOf(state), state)));
  });

  it('serialises to the same bytes as JSON.stringify', async () => {
    const { state } = replay(terms, [disbursed, pay('1', '2025-04-25', 53_500_000)], '2025-07-02');
    const samples: LoanDto[] = [
      toLoanDto(rowOf(state), state),
      toLoanDto(rowOf(null, { status: 'PENDING_DISBURSEMENT' }), null),
      toLoanDto(
        rowOf(state, { legacy_terms: true, legacy_rules: ['product.term-max', 'quỹ "cũ"'], origin: 'Quỹ HTX tỉnh\nThái Nguyên', closed_on: '2026-01-01' }),
        state,
      ),
    ];
    const app = Fastify();
    app.get('/:n', { schema: { response: { 200: LOAN_VIEW_SCHEMA } } }, async (req) => samples[Number((req.params as { n: string }).n)]);
    try {
      for (let n = 0; n < samples.length; n += 1) {
        const res = await app.inject({ method: 'GET', url: `/${n}` });
        expect(res.body).toBe(JSON.stringify(samples[n]));
      }
    } finally {
      await app.close();
    }
  });
});
