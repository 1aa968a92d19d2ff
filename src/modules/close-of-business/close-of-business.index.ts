// The close itself depends on loans; loans depend only on the business date (index.ts), so
// this face is separate to keep the module graph acyclic.
export { CloseOfBusinessModule } from './close-of-business.module.js';
export { CloseOfBusinessService, type CloseResult } from './services/close-of-business.service.js';
