export * from './queue.module.js';
export * from './job-recovery.js';
export * from './active-jobs.js';
