export { FundsModule } from './funds.module.js';
export { CapitalSourcesService } from './services/capital-sources.service.js';
export { CharterCapitalService } from './services/charter-capital.service.js';
export { CAPITAL_SOURCE_KINDS, type CapitalSourceKind } from './dto/capital-source.dto.js';
