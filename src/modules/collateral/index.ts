export { CollateralModule } from './collateral.module.js';
export { CollateralAssetsService } from './services/collateral-assets.service.js';
export { CollateralReleasesService } from './services/collateral-releases.service.js';
export { GuaranteesService } from './services/guarantees.service.js';
export * from './cover.index.js';
