export * from './local-services.js';
export * from './embedded-postgres.js';
export * from './redis-server.js';
export * from './free-port.js';
