export * from './idempotency-context.js';
export * from './idempotency.store.js';
export * from './idempotency.interceptor.js';
export * from './idempotent.decorator.js';
