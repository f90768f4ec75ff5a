import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { PageApi } from '../api/page-api.js';
import type { SessionRequest } from '../session/session.middleware.js';
import { isSignedIn } from '../session/web-session.js';
import { navigationFor } from './navigation.js';

/** A fresh nonce per answer, for the template's one inline script (before the CSP header is written). */
export function cspNonce(_request: Request, response: Response, next: NextFunction): void {
  response.locals.cspNonce = randomBytes(16).toString('base64');
  next();
}

type CsrfTokenMaker = (request: Request, response: Response) => string;

/** What every page's layout needs: the CSP nonce, the CSRF token, the person and the navigation. */
export function pageLocals(api: PageApi, csrfToken: CsrfTokenMaker) {
  return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    if (request.path.startsWith('/assets/')) return next();
    const session = (request as SessionRequest).webSession;
    const signedIn = isSignedIn(session, Date.now() / 1000);
    const person = signedIn ? session.person : undefined;
    let unread: number | undefined;
    if (person && request.method === 'GET') {
      try {
        const { api: clients } = api.signedIn(request as SessionRequest);
        const answer = await clients.notifications.GET('/api/notifications', {
          params: { query: { page: 1, pageSize: 1 } },
        });
        const body = answer.data as { unread?: unknown } | undefined;
        unread = typeof body?.unread === 'number' ? body.unread : undefined;
      } catch {
        unread = undefined;
      }
    }
    response.locals.person = person;
    response.locals.csrfToken = csrfToken(request, response);
    response.locals.unreadCount = unread;
    response.locals.navigation = navigationFor(person, request.path, unread);
    next();
  };
}
