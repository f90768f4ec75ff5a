import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';

/**
 * The visitor's address chain, carried from the page request to the API calls made for it: the web application calls
 * the API on its visitors' behalf, and the edge counts its budgets per visitor (it trusts this header from the
 * addresses in its TRUSTED_PROXIES only). Never logged.
 */
const chains = new AsyncLocalStorage<string>();

export function forwardedForMiddleware(request: Request, _response: Response, next: NextFunction): void {
  const incoming = request.headers['x-forwarded-for'];
  const chain = [typeof incoming === 'string' ? incoming : '', request.socket.remoteAddress ?? '']
    .filter(Boolean)
    .join(', ');
  chains.run(chain, next);
}

/** The X-Forwarded-For value of the page request being answered, if any. */
export function forwardedFor(): string | undefined {
  return chains.getStore() || undefined;
}
