export * from './preflight.js';
export * from './create-service-app.js';
export * from './bootstrap-service.js';
