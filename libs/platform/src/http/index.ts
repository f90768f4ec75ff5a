export * from './cacheable-json.js';
export * from './json-depth.js';
