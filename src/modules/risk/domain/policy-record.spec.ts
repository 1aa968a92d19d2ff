import { describe, expect, it } from '@jest/globals';
import { BANK_POLICY, MICROFINANCE_POLICY } from './classification-policy.js';
import { dpdGroup, restructuringGroup } from './classification.js';
import { policyFromDefinition, policySqlParams, policyToDefinition } from './policy-record.js';

describe('policy records', () => {
  it.each([MICROFINANCE_POLICY, BANK_POLICY])('round-trips $code through its jsonb definition exactly', (p) => {
    const back = policyFromDefinition(p.code, p.legalBasis, p.effectiveFrom, JSON.parse(JSON.stringify(policyToDefinition(p))));
    expect(back.dpdThresholds).toEqual(p.dpdThresholds);
    expect(back.restructuringRules).toEqual(p.restructuringRules);
    expect([1, 2, 3, 4, 5].map((g) => back.specificProvisionRates[g as 1].toFixed())).toEqual(
      [1, 2, 3, 4, 5].map((g) => p.specificProvisionRates[g as 1].toFixed()),
    );
    expect(back.generalProvisionRate.toFixed()).toBe('0.005');
    expect(back.deductCollateral).toBe(p.deductCollateral);
  });

  it('gives the SQL the same groups as the domain functions (max over matching rows)', () => {
    for (const p of [MICROFINANCE_POLICY, BANK_POLICY]) {
      const s = policySqlParams(p);
      for (const dpd of [0, 9, 10, 29, 30, 89, 90, 179, 180, 359, 360, 1000]) {
        const byDpd = Math.max(...s.dpdMin.map((m, i) => (dpd >= m ? s.dpdGroup[i] : 1)));
        expect(byDpd).toBe(dpdGroup(p, dpd));
        for (const count of [0, 1, 2, 3]) {
          const byRs = Math.max(1, ...s.rsCount.map((c, i) => (count >= c && dpd >= s.rsDpd[i] ? s.rsGroup[i] : 1)));
          expect(byRs).toBe(restructuringGroup(p, count, dpd));
        }
      }
      expect(s.specificRates).toEqual(['0', '0.02', '0.25', '0.5', '1']);
    }
  });
});
