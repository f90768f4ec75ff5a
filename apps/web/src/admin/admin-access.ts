import type { ApiClients } from '#api-client';
import type { PageApi } from '../api/page-api.js';
import { PageError } from '../errors/page-errors.js';
import type { SessionRequest } from '../session/session.middleware.js';

/**
 * The admin's API clients; anyone else gets the 403 page before any API call (the API refuses them too, but a
 * page that calls nothing, or calls a public operation, must not show itself to them).
 */
export function adminApi(pages: PageApi, request: SessionRequest): ApiClients {
  const { api, person } = pages.signedIn(request);
  if (!person.roles.includes('admin')) throw new PageError('forbidden', 'not an admin');
  return api;
}
