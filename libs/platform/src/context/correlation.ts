import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Observable } from 'rxjs';
import { v7 as uuidv7 } from 'uuid';
import { requestContext } from './request-context.js';

export const CORRELATION_HEADER = 'x-correlation-id';
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{8,100}$/;

/** Express middleware: keeps a well-formed incoming correlation id or makes one, and echoes it in the answer. */
export function correlationMiddleware(request: Request, response: Response, next: NextFunction): void {
  const incoming = request.headers[CORRELATION_HEADER];
  const correlationId = typeof incoming === 'string' && ACCEPTABLE_ID.test(incoming) ? incoming : uuidv7();
  request.headers[CORRELATION_HEADER] = correlationId;
  response.setHeader(CORRELATION_HEADER, correlationId);
  next();
}

/** Runs each HTTP handler inside the request context, so services, logs and recorded events see the ids. */
@Injectable()
export class CorrelationInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request & { principal?: { subject: string } }>();
    const correlationId = String(request.headers[CORRELATION_HEADER]);
    return new Observable((subscriber) =>
      requestContext.run({ correlationId, actor: request.principal?.subject }, () =>
        next.handle().subscribe(subscriber),
      ),
    );
  }
}
