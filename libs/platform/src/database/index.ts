export * from './database.options.js';
export * from './ensure-schema.js';
