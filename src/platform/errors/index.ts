export * from './domain-error.js';
export * from './platform.errors.js';
export * from './not-found.js';
export * from './problem.js';
export * from './problem-details.filter.js';
export * from './validation.js';
export * from './problem-openapi.js';
