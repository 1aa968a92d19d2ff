// The collateral cover face for the applications and loans modules: it imports neither of them,
// so they may import it while the collateral module imports the loans module (enforcement).
export { CollateralCoverModule } from './collateral-cover.module.js';
export { CollateralCoverService, coverRefusal, toCoverDto } from './services/collateral-cover.service.js';
export { CollateralExpiriesService, type CollateralExpiry, type CollateralExpiryKind } from './services/collateral-expiries.service.js';
export { CollateralErrors } from './collateral.errors.js';
export type { CoverDto } from './dto/collateral-views.dto.js';
export * as collateralDomain from './domain/index.js';
