export * from './remedies.js';
