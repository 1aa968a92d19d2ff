// The loan engine, pure (no NestJS, no TypeORM): the face for code that only computes with loan
// terms (products' parameters), so it need not load the loans module's services.
export * from './domain/index.js';
