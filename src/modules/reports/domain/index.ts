// Reports, pure domain: shares that add to 100.0%, term classes, aging buckets, PAR (no NestJS, no TypeORM).
export { type Share, SHARE_ROUNDING_METHOD, displayPercents, exactShares, formatPercent, sharesOf } from './shares.js';
export { type AgingBucket, type TermClass, AGING_BUCKETS, TERM_CLASSES, agingBucket, outstandingAtRisk, par, ratio, termClass } from './portfolio-measures.js';
