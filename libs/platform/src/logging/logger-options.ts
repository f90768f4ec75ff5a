import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import { requestContext } from '../context/index.js';

/**
 * JSON logs through pino. Each line carries the correlation id (and the event id when handling an event);
 * tokens and cookies are never written.
 */
export function loggerOptions(service: string, level: string, instance: string): Params {
  return {
    // Probes are not logged: they skip pino-http altogether (no per-request child loggers).
    exclude: [
      { method: RequestMethod.GET, path: 'health' },
      { method: RequestMethod.GET, path: 'ready' },
    ],
    pinoHttp: {
      level,
      base: { service, instance },
      // Ids only: who the caller is (the actor) is not written in logs.
      mixin: () => {
        // HTTP requests get their correlation id from customProps below; this adds the ids of an event being handled.
        const context = requestContext.current();
        if (!context?.eventId) return {};
        const { correlationId, causationId, eventId, aggregateId } = context;
        return { correlationId, causationId, eventId, aggregateId };
      },
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["idempotency-key"]'],
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
    },
  };
}
