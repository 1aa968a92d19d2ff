// Collateral, pure domain: asset kinds and identifiers, cover, allocation, release, staleness (no NestJS, no TypeORM).
export * from './asset-kinds.js';
export * from './cover.js';
