import 'reflect-metadata';
export * from './errors/index.js';
export * from './events/index.js';
