import { describe, expect, it } from '@jest/globals';
import { inspectionDueDate, inspectionStatus, opensRecall, trancheAllowed } from './inspection-rules.js';

describe('inspection rules', () => {
  it('falls due the product’s days after the disbursement, overdue from the next day', () => {
    expect(inspectionDueDate('2026-01-31', 30)).toBe('2026-03-02');
    expect(inspectionStatus(false, '2026-03-02', '2026-03-02')).toBe('DUE');
    expect(inspectionStatus(false, '2026-03-02', '2026-03-03')).toBe('OVERDUE');
    expect(inspectionStatus(true, '2026-03-02', '2026-04-01')).toBe('DONE');
  });

  it.each([
    ['NOT_AS_PLANNED', false, true],
    ['PARTLY', false, false],
    ['PARTLY', true, true],
    ['USED_AS_PLANNED', true, false],
  ] as const)('a %s finding (recall asked: %s) opens a recall: %s', (finding, asked, opens) => {
    expect(opensRecall(finding, asked)).toBe(opens);
  });

  it.each([
    [false, 1, null, true],
    [true, 0, null, true],
    [true, 1, null, false],
    [true, 1, 'PARTLY', false],
    [true, 2, 'USED_AS_PLANNED', true],
  ] as const)('tranche rule on=%s after %i tranche(s), previous %s → %s', (on, n, finding, allowed) => {
    expect(trancheAllowed(on, n, finding)).toBe(allowed);
  });
});
