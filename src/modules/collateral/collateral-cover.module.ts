import { Module } from '@nestjs/common';
import { CollateralCoverService } from './services/collateral-cover.service.js';
import { CollateralExpiriesService } from './services/collateral-expiries.service.js';
import './collateral.errors.js';

/** The cover face the applications and loans modules check with, and the expiries the reminders read (no dependency back on them). */
@Module({
  providers: [CollateralCoverService, CollateralExpiriesService],
  exports: [CollateralCoverService, CollateralExpiriesService],
})
export class CollateralCoverModule {}
