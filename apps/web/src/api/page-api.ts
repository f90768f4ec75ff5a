import { Inject, Injectable } from '@nestjs/common';
import { type ApiClients, createApiClients } from '#api-client';
import { PageError } from '../errors/page-errors.js';
import { forwardedFor } from './forwarded-for.js';
import type { SessionRequest } from '../session/session.middleware.js';
import { isSignedIn, type SignedInPerson } from '../session/web-session.js';
import { WEB_CONFIG } from '../web.tokens.js';
import type { WebConfig } from '../web.config.js';

/**
 * A fetch that turns a service that does not answer into the « service unavailable » page, and tells the edge whose
 * visit the call is for (X-Forwarded-For, for the rate limits).
 */
function fetchOrUnavailable(timeoutMs: number): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const chain = forwardedFor();
    if (chain) request.headers.set('x-forwarded-for', chain);
    try {
      return await fetch(request, { signal: AbortSignal.timeout(timeoutMs) });
    } catch {
      throw new PageError('unavailable', 'API unreachable');
    }
  };
}

/** The typed API clients for a page: anonymous, or with the signed-in person's access token. */
@Injectable()
export class PageApi {
  private readonly anonymous: ApiClients;
  private readonly fetch: typeof fetch;

  constructor(@Inject(WEB_CONFIG) private readonly config: WebConfig) {
    this.fetch = fetchOrUnavailable(15_000);
    this.anonymous = createApiClients({ baseUrl: config.API_URL, fetch: this.fetch });
  }

  /** Largest evidence file, shown before sending (the API checks it too). */
  evidenceMaxBytes(): number {
    return this.config.EVIDENCE_MAX_BYTES;
  }

  public(): ApiClients {
    return this.anonymous;
  }

  /** The clients of the signed-in person; a page that needs one asks to sign in (again) otherwise. */
  signedIn(request: SessionRequest): { api: ApiClients; person: SignedInPerson } {
    const session = request.webSession;
    if (!session.person || !isSignedIn(session, Date.now() / 1000)) {
      throw new PageError(session.expired ? 'session-expired' : 'sign-in-required');
    }
    const correlation = request.headers['x-correlation-id'];
    return {
      person: session.person,
      api: createApiClients({
        baseUrl: this.config.API_URL,
        accessToken: session.accessToken,
        fetch: this.fetch,
        headers: typeof correlation === 'string' ? { 'X-Correlation-Id': correlation } : {},
      }),
    };
  }
}
