import 'reflect-metadata';
export * from './errors/index.js';
export * from './events/index.js';
export * from './apa/index.js';
