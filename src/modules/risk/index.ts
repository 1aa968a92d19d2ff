export { RiskModule } from './risk.module.js';
export { RiskErrors } from './risk.errors.js';
export { ClassificationPoliciesService } from './services/classification-policies.service.js';
export { badDebtSql, dpdGroupSql, generalRateSql, restructuringGroupSql, specificRateSql } from './services/classification-sql.js';
export * from './domain/index.js';
