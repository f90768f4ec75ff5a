export * from './legal-date.js';
