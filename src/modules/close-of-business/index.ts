export { CloseOfBusinessModule } from './close-of-business.module.js';
export { CloseOfBusinessWorkerModule } from './close-of-business-worker.module.js';
export { CloseOfBusinessService, type CloseResult, type CloseAnswer } from './services/close-of-business.service.js';
export { CloseOfBusinessErrors } from './close-of-business.errors.js';
export { registerBullBoard } from './bull-board.js';
export { CLOSE_QUEUE, CLOSE_CHUNK_QUEUE, CLOSE_SCHEDULER_ID } from './jobs/close-of-business-queues.js';
export { CloseRunDto } from './dto/close-of-business.dto.js';
export { CloseDaySteps, type CloseDayStep } from './services/close-day-steps.service.js';
