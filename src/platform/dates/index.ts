export * from './local-date.js';
export * from './local-date.validators.js';
export * from './working-calendar.js';
