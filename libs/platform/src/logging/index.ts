export * from './logger-options.js';
export * from './service-logger.js';
