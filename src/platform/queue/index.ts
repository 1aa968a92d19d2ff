export * from './queue.module.js';
export * from './job-recovery.js';
export * from './configured-processor.js';
export * from './active-jobs.js';
