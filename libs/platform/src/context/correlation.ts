import type { NextFunction, Request, Response } from 'express';
import { v7 as uuidv7 } from 'uuid';
import { type RequestContext, requestContext } from './request-context.js';

export const CORRELATION_HEADER = 'x-correlation-id';
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{8,100}$/;

/**
 * Express middleware, first of all: keeps a well-formed incoming correlation id or makes one, and echoes it in the
 * answer (an answer refused by the body parser included).
 */
export function correlationMiddleware(request: Request, response: Response, next: NextFunction): void {
  const incoming = request.headers[CORRELATION_HEADER];
  const correlationId = typeof incoming === 'string' && ACCEPTABLE_ID.test(incoming) ? incoming : uuidv7();
  request.headers[CORRELATION_HEADER] = correlationId;
  response.setHeader(CORRELATION_HEADER, correlationId);
  next();
}

/**
 * Express middleware, after the body parsers (their stream events would lose the context): runs the rest of the
 * request inside the request context, so that services, logs and recorded events see the ids. One context per
 * request, no interceptor: the actor is read when asked for, as the guard authenticates the caller later on.
 */
export function requestContextMiddleware(
  request: Request & { principal?: { subject: string } },
  _response: Response,
  next: NextFunction,
): void {
  const context: RequestContext = {
    correlationId: String(request.headers[CORRELATION_HEADER]),
    get actor() {
      return request.principal?.subject;
    },
  };
  requestContext.run(context, next);
}
