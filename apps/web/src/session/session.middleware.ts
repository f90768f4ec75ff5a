import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { SealedCookie } from './sealed-cookie.js';
import { isSignedIn, type WebSession } from './web-session.js';

export const SESSION_COOKIE = 'guichet_session';

export interface SessionRequest extends Request {
  webSession: WebSession;
}

export interface SessionOptions {
  secret: string;
  idleMinutes: number;
  /** Behind HTTPS: the cookie is only sent over TLS. */
  secure: boolean;
}

/** Reads and writes the session cookie: signed and encrypted, HttpOnly, SameSite=Lax, renewed on every page. */
export class SessionStore {
  private readonly cookie: SealedCookie<WebSession>;

  constructor(private readonly options: SessionOptions) {
    this.cookie = new SealedCookie<WebSession>(options.secret, 'session');
  }

  middleware() {
    return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
      const cookies = (request as Request & { cookies?: Record<string, string> }).cookies ?? {};
      const opened = await this.cookie.open(cookies[SESSION_COOKIE]);
      let session: WebSession = opened ?? { sid: randomUUID() };
      // A session whose access token ran out is ended here; the next protected page asks to sign in again.
      if (session.person && !isSignedIn(session, Date.now() / 1000)) {
        session = { sid: session.sid, expired: true };
      }
      (request as SessionRequest).webSession = session;
      await this.save(response, session);
      next();
    };
  }

  async save(response: Response, session: WebSession): Promise<void> {
    const maxAgeSeconds = this.options.idleMinutes * 60;
    response.cookie(SESSION_COOKIE, await this.cookie.seal(session, maxAgeSeconds), {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.options.secure,
      path: '/',
      maxAge: maxAgeSeconds * 1000,
    });
  }
}
