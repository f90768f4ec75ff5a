import type { NextFunction, Request, Response } from 'express';
import { errorBody, HTTP_STATUS_ERRORS } from '../errors/error-body.js';

/** The media types the services read a body in: JSON, an uploaded file, a form (and CSV, for the CSV files). */
const READ_TYPES = [
  'application/json',
  'application/*+json',
  'text/csv',
  'multipart/form-data',
  'application/x-www-form-urlencoded',
];

/**
 * A body the service cannot read (text/plain, XML, an image…) would reach the operation as an empty one: an operation
 * whose fields are all optional would then act on it. Refused with 415 in the error format instead; so is CSV sent to
 * an operation that is not a CSV file.
 */
export function refuseUnreadableBody(request: Request, response: Response, next: NextFunction): void {
  const hasBody =
    Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
  // CSV is read as text; only the CSV files of the API (the directory's rules) take it.
  const csvFile = request.path.endsWith('.csv') && request.is('text/csv');
  if (!hasBody || request.is(READ_TYPES) || csvFile) {
    next();
    return;
  }
  const known = HTTP_STATUS_ERRORS[415];
  response.status(415).json(errorBody(known.code, known.message));
}
