export * from './paging.js';
export * from './rate-limit.js';
export * from './web-app.js';
export * from './openapi.js';
export * from './served-while-demo-loads.js';
export * from './openapi-limits.js';
