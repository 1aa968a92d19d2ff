export { BusinessDateModule } from './business-date.module.js';
export { BusinessDateService } from './services/business-date.service.js';
export { BusinessDateErrors } from './business-date.errors.js';
