import { Module } from '@nestjs/common';
import { CollateralCoverService } from './services/collateral-cover.service.js';
import './collateral.errors.js';

/** The cover face the applications and loans modules check with (no dependency back on them). */
@Module({
  providers: [CollateralCoverService],
  exports: [CollateralCoverService],
})
export class CollateralCoverModule {}
