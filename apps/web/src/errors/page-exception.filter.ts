import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PageError } from './page-errors.js';

const TEMPLATES: Record<number, { template: string; title: string }> = {
  401: { template: 'errors/session-expired', title: 'Votre session a expiré' },
  403: { template: 'errors/forbidden', title: 'Accès refusé' },
  404: { template: 'errors/not-found', title: 'Page introuvable' },
  429: { template: 'errors/too-many-requests', title: 'Trop de demandes' },
  503: { template: 'errors/unavailable', title: 'Service momentanément indisponible' },
  500: { template: 'errors/unavailable', title: 'Une erreur est survenue' },
};

/** The only place error pages are drawn: French, no internals; sign-in asked when a page needs it. */
@Catch()
export class PageExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('pages');

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) {
      response.end();
      return;
    }
    if (exception instanceof PageError && exception.kind === 'sign-in-required') {
      response.redirect(303, `/connexion?retour=${encodeURIComponent(returnPath(request))}`);
      return;
    }
    const status = statusOf(exception);
    if (status >= 500) this.logger.error(exception instanceof Error ? exception : String(exception));
    const page = TEMPLATES[status] ?? TEMPLATES[status >= 500 ? 500 : 404];
    response.status(status).render(page.template, {
      ...response.locals,
      title: page.title,
      returnTo: returnPath(request),
    });
  }
}

function statusOf(exception: unknown): number {
  if (exception instanceof PageError) return exception.status;
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    return status === 404 || status === 403 ? status : status >= 500 ? 500 : 404;
  }
  // csrf-csrf's refusal carries its status (403).
  if (exception && typeof exception === 'object' && 'code' in exception && exception.code === 'CSRF_INVALID')
    return 403;
  return 500;
}

/** Where to come back after signing in again: the page asked for (GET), else the page the form was on. */
function returnPath(request: Request): string {
  if (request.method === 'GET') return request.originalUrl;
  const referer = request.headers.referer;
  if (referer) {
    try {
      const url = new URL(referer);
      return url.pathname + url.search;
    } catch {
      // fall through
    }
  }
  return '/';
}
