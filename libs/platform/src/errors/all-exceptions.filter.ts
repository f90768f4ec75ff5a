import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DomainError } from '#domain';
import { requestContext } from '../context/index.js';
import { BODY_TOO_DEEP } from '../http/index.js';
import { type ErrorBody, errorBody, HTTP_STATUS_ERRORS, STATUS_OF_KIND } from './error-body.js';

interface BodyParserError {
  type: string;
  status: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return typeof error === 'object' && error !== null && 'type' in error && 'status' in error;
}

/** The type of a body parser's error, thrown as is or wrapped by Nest in an HttpException. */
function bodyParserErrorType(exception: unknown): string | undefined {
  if (isBodyParserError(exception)) return exception.type;
  if (exception instanceof HttpException && isBodyParserError(exception.cause)) return exception.cause.type;
  return undefined;
}

/** PostgreSQL refusing a value's characters (NUL in text or jsonb, invalid encoding) or its length: bad input. */
const REFUSED_TEXT_CODES = new Set(['22P05', '22021', '22001']);

function isRefusedText(exception: unknown): boolean {
  if (!(exception instanceof QueryFailedError)) return false;
  const code: unknown = (exception.driverError as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && REFUSED_TEXT_CODES.has(code);
}

function describe(exception: unknown): { status: number; body: ErrorBody } {
  if (isRefusedText(exception)) {
    return {
      status: 400,
      body: errorBody(
        'INVALID_TEXT',
        'Un texte envoyé contient des caractères non autorisés ou est trop long.',
      ),
    };
  }
  if (exception instanceof DomainError) {
    return {
      status: STATUS_OF_KIND[exception.kind],
      body: errorBody(exception.code, exception.message, exception.details),
    };
  }
  const parserErrorType = bodyParserErrorType(exception);
  if (parserErrorType === 'entity.parse.failed') {
    return {
      status: 400,
      body: errorBody('INVALID_JSON', "Le corps de la requête n'est pas un JSON valide."),
    };
  }
  if (parserErrorType === BODY_TOO_DEEP) {
    return {
      status: 400,
      body: errorBody(
        'BODY_TOO_DEEP',
        'Le corps de la requête comporte trop de niveaux imbriqués : aucun formulaire n’en demande autant.',
      ),
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const known = HTTP_STATUS_ERRORS[status] ?? { code: `HTTP_${status}`, message: 'Requête refusée.' };
    return { status, body: errorBody(known.code, known.message) };
  }
  if (isBodyParserError(exception) && exception.status >= 400 && exception.status < 500) {
    const known = HTTP_STATUS_ERRORS[exception.status] ?? HTTP_STATUS_ERRORS[400];
    return { status: exception.status, body: errorBody(known.code, known.message) };
  }
  return {
    status: 500,
    body: errorBody('INTERNAL_ERROR', 'Une erreur interne est survenue. Réessayez plus tard.'),
  };
}

/**
 * The only place that builds HTTP error bodies. Errors in event handlers are not caught here: they go back to
 * the JetStream transport, which retries or parks them.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const { status, body } = describe(exception);
    if (status >= 500) {
      // Name, message and stack only: a driver error's other fields (query parameters) may hold a form's content.
      const error = exception instanceof Error ? exception : new Error(String(exception));
      this.logger.error(
        {
          error: { name: error.name, message: error.message, stack: error.stack },
          correlationId: requestContext.current()?.correlationId,
        },
        'Unexpected error while handling a request',
      );
    }
    host.switchToHttp().getResponse<Response>().status(status).json(body);
  }
}
