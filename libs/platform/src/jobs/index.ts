export * from './periodic-job.js';
export * from './scheduled-job.js';
