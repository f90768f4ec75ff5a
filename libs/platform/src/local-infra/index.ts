export * from './free-port.js';
export * from './local-postgres.js';
export * from './local-nats.js';
