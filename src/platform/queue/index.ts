export * from './queue.module.js';
