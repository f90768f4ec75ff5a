import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { requestContext } from '../context/index.js';

/**
 * JSON logs through pino. Each line carries the correlation id (and the event id when handling an event);
 * tokens and cookies are never written.
 */
export function createServiceLogger(service: string, level: string, instance: string): Logger {
  return pino({
    level,
    base: { service, instance },
    // Ids only: who the caller is (the actor) is not written in logs.
    mixin: () => {
      // HTTP lines get their correlation id from their child logger; this adds the ids of an event being handled.
      const context = requestContext.current();
      if (!context?.eventId) return {};
      const { correlationId, causationId, eventId, aggregateId } = context;
      return { correlationId, causationId, eventId, aggregateId };
    },
    redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["idempotency-key"]'],
  });
}

const PROBES = new Set(['/health', '/ready']);

/**
 * Express middleware logging each request's completion (after the correlation middleware). Probes are not logged:
 * they skip pino-http altogether (no per-request child logger).
 */
export function httpLoggingMiddleware(logger: Logger) {
  const httpLogger = pinoHttp({
    logger,
    genReqId: (request) => String(request.headers['x-correlation-id'] ?? ''),
    // On every line logged during a request, the request's completion line included.
    customProps: (request) => ({ correlationId: request.id }),
    customLogLevel: (_request, response, error) => {
      if (error || response.statusCode >= 500) return 'error';
      // A hit on a public, cacheable resource (the procedures catalogue) is not worth a line at info.
      const cacheable = String(response.getHeader('cache-control') ?? '').startsWith('public');
      return cacheable && response.statusCode < 400 ? 'debug' : 'info';
    },
    serializers: {
      req: (request: { method: string; url: string }) => ({ method: request.method, url: request.url }),
      res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
    },
  });
  return (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    if (request.method === 'GET' && PROBES.has((request.url ?? '').split('?')[0])) return next();
    httpLogger(request, response, next);
  };
}
