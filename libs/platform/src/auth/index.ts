export * from './principal.js';
export * from './token-verifier.js';
export * from './dev-token.js';
export * from './decorators.js';
export * from './auth.guard.js';
