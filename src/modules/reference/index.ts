export { ReferenceModule } from './reference.module.js';
export { SectorsService } from './services/sectors.service.js';
export { CommunesService } from './services/communes.service.js';
export { CLASSIFICATION_VERSIONS, type ClassificationVersion } from './dto/sector.dto.js';
