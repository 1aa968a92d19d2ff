// Debt classification moved to the risk module (src/modules/risk). This re-export remains only
// because the landed migration 1763800000003 imports the policy constants from this path; delete
// it once that migration no longer imports src/ (migrations must not).
export * from '../../risk/domain/index.js';
