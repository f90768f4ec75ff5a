export * from './debian-package.js';
export * from './free-port.js';
export * from './local-postgres.js';
export * from './local-nats.js';
export * from './postgres-runtime.js';
