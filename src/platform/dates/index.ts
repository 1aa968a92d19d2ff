export * from './local-date.js';
export * from './local-date.validators.js';
