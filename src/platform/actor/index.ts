export * from './actor.js';
export * from './role.js';
export * from './actor.decorators.js';
