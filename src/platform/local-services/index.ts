export * from './local-services.js';
export * from './embedded-postgres.js';
export * from './redis-server.js';
export * from './free-port.js';
export * from './postgres-layout.js';
export * from './startup-error.js';
