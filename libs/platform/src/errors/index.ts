export * from './error-body.js';
export * from './all-exceptions.filter.js';
export * from './validation.pipe.js';
export * from './french-validation-messages.js';
