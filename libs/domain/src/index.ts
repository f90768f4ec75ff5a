import 'reflect-metadata';
export * from './errors/index.js';
export * from './events/index.js';
export * from './apa/index.js';
export * from './geography/index.js';
export * from './calendar/index.js';
export * from './remedies/index.js';
export * from './retention/index.js';
