export * from './request-context.js';
export * from './correlation.js';
