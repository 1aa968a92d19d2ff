import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { BusinessDateModule } from '../business-date/index.js';
import { ClassificationPoliciesController } from './controllers/classification-policies.controller.js';
import { ClassificationPoliciesService } from './services/classification-policies.service.js';
import './risk.errors.js';

/**
 * Debt classification and provisioning (domain.md "Restructuring and risk"): the effective-dated
 * policies and their rules, used by the close and by the reports through this module's face.
 */
@Module({
  imports: [AuditModule, BusinessDateModule],
  controllers: [ClassificationPoliciesController],
  providers: [ClassificationPoliciesService],
  exports: [ClassificationPoliciesService],
})
export class RiskModule {}
