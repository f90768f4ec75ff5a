export * from './commune.js';
export * from './etalab-communes.js';
