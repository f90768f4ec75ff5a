export * from './test-database.js';
export * from './test-nats.js';
export * from './tokens.js';
export * from './eventually.js';
export * from './service-harness.js';
export * from './fixtures/ledger/index.js';
export * from './fixtures/ledger/ledger.harness.js';
export * from './service-process.js';
