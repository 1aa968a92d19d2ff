export { ReferenceModule } from './reference.module.js';
export { SectorsService } from './services/sectors.service.js';
export { CommunesService } from './services/communes.service.js';
export { CLASSIFICATION_VERSIONS, type ClassificationVersion } from './dto/sector.dto.js';
export { FormerCommunesService } from './services/former-communes.service.js';
export type { FormerCommuneCandidateDto, FormerCommuneLookupDto, FormerCommuneQueryDto } from './dto/commune.dto.js';
