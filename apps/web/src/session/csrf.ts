import { doubleCsrf } from 'csrf-csrf';
import type { Request } from 'express';
import type { SessionRequest } from './session.middleware.js';

/**
 * CSRF protection of every form (double submit cookie bound to the session id, csrf-csrf): each form carries the
 * token in a hidden `_csrf` field; a POST without the right one is refused (403 page).
 */
export function csrfProtection(secret: string, secure: boolean) {
  return doubleCsrf({
    getSecret: () => secret,
    getSessionIdentifier: (request: Request) => (request as SessionRequest).webSession.sid,
    cookieName: secure ? '__Host-guichet.csrf' : 'guichet_csrf',
    cookieOptions: { sameSite: 'lax', secure, httpOnly: true, path: '/' },
    getCsrfTokenFromRequest: (request: Request) => {
      const body: unknown = request.body;
      return body && typeof body === 'object' && '_csrf' in body ? String(body._csrf) : undefined;
    },
    errorConfig: {
      statusCode: 403,
      message: 'Jeton de sécurité du formulaire invalide.',
      code: 'CSRF_INVALID',
    },
  });
}

/** The CSRF check a route runs itself, once it has read a multipart body (an evidence file and its form). */
export class CsrfCheck {
  private validate?: (request: Request) => boolean;

  use(validate: (request: Request) => boolean): void {
    this.validate = validate;
  }

  isValid(request: Request): boolean {
    return this.validate?.(request) ?? false;
  }
}
