import { describe, expect, it } from '@jest/globals';
import { APPLICATION_ACTIONS, APPLICATION_STATUSES, nextStatus, type ApplicationAction, type ApplicationStatus } from './application-transitions.js';

/** The whole table: every (state, action) pair and where it leads; anything missing is illegal. */
const LEGAL: Record<string, ApplicationStatus> = {
  'DRAFT/submit': 'SUBMITTED',
  'DRAFT/withdraw': 'WITHDRAWN',
  'SUBMITTED/startAppraisal': 'UNDER_APPRAISAL',
  'SUBMITTED/withdraw': 'WITHDRAWN',
  'UNDER_APPRAISAL/approve': 'APPROVED',
  'UNDER_APPRAISAL/reject': 'REJECTED',
  'UNDER_APPRAISAL/withdraw': 'WITHDRAWN',
};

const cases: Array<[ApplicationStatus, ApplicationAction, ApplicationStatus | null]> = APPLICATION_STATUSES.flatMap((s) =>
  APPLICATION_ACTIONS.map((a): [ApplicationStatus, ApplicationAction, ApplicationStatus | null] => [s, a, LEGAL[`${s}/${a}`] ?? null]),
);

describe('application transitions', () => {
  it.each(cases)('%s --%s--> %p', (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to);
  });

  it('has no way out of a decision or a withdrawal', () => {
    for (const s of ['APPROVED', 'REJECTED', 'WITHDRAWN'] as const) {
      expect(APPLICATION_ACTIONS.map((a) => nextStatus(s, a)).filter(Boolean)).toEqual([]);
    }
  });
});
