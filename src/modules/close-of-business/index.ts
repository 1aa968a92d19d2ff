export { BusinessDateModule } from './business-date.module.js';
export { BusinessDateService } from './services/business-date.service.js';
export { CloseOfBusinessErrors } from './close-of-business.errors.js';
