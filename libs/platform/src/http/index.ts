export * from './cacheable-json.js';
export * from './json-depth.js';
export * from './page-query.js';
export * from './api-errors.js';
export * from './api-contract.js';
export * from './body-media-type.js';
export * from './body-screening.js';
export * from './rate-limited-operations.js';
