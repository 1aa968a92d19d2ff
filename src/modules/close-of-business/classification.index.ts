// Debt classification and provisioning, pure (no NestJS, no TypeORM): the face the reports read
// so they classify a past date by the same policy code as the close.
export * from './domain/index.js';
