import { describe, expect, it } from 'vitest';
import { compareMoney, runningPrincipal, subtractMoney, sumMoney } from './loan-sums';

describe('sumMoney / subtractMoney / compareMoney', () => {
  it.each([
    [['1', '2', '3'], '6'],
    [['9007199254740993', '1'], '9007199254740994'],
    [[null, undefined, '0'], '0'],
    [['-5', '5'], '0'],
  ])('sums %j to %s', (values, expected) => {
    expect(sumMoney(values)).toBe(expected);
  });
  it('subtracts and compares exactly beyond 2^53', () => {
    expect(subtractMoney('600000000000000001', '1')).toBe('600000000000000000');
    expect(compareMoney('9007199254740993', '9007199254740992')).toBe(1);
    expect(compareMoney('5', '5')).toBe(0);
    expect(compareMoney('4', '5')).toBe(-1);
  });
  it('refuses a decimal fraction rather than guessing', () => {
    expect(() => sumMoney(['1.5'])).toThrow(/not a whole VND amount/);
  });
});

describe('runningPrincipal', () => {
  it('adds disbursements, takes principal lines off repayments, ignores reversed ones and accruals', () => {
    expect(
      runningPrincipal([
        { kind: 'DISBURSEMENT', amount: '600000000', reversed: false, allocation: [] },
        { kind: 'ACCRUAL', amount: '3000000', reversed: false, allocation: [] },
        {
          kind: 'REPAYMENT',
          amount: '103057534',
          reversed: false,
          allocation: [
            { component: 'INTEREST', amount: '3057534' },
            { component: 'PRINCIPAL', amount: '100000000' },
          ],
        },
        { kind: 'REPAYMENT', amount: '50000000', reversed: true, allocation: [{ component: 'PREPAID_PRINCIPAL', amount: '50000000' }] },
        { kind: 'REPAYMENT', amount: '20000000', reversed: false, allocation: [{ component: 'PREPAID_PRINCIPAL', amount: '20000000' }] },
        { kind: 'WRITE_OFF', amount: '480000000', reversed: false, allocation: [] },
      ]),
    ).toEqual(['600000000', '600000000', '500000000', '500000000', '480000000', '0']);
  });
});
