import { PageError } from '../errors/page-errors.js';

/** One field the API refused, as its error format says. */
export interface ApiFieldError {
  field: string;
  reason: string;
}

/** The API's error body (README « Errors »). */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: ApiFieldError[] };
}

/** What openapi-fetch gives back: the typed body or the error body, and the raw response. */
export interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** A refusal the page shows next to the fields (400, 409, 422): the rest becomes an error page. */
export interface Refusal {
  status: number;
  code: string;
  message: string;
  details: ApiFieldError[];
}

function errorBodyOf(error: unknown): ApiErrorBody['error'] | undefined {
  if (error && typeof error === 'object' && 'error' in error) {
    const inner = (error as { error: unknown }).error;
    if (inner && typeof inner === 'object' && 'code' in inner && 'message' in inner) {
      return inner as ApiErrorBody['error'];
    }
  }
  return undefined;
}

/** Maps an API status that no form can show to the error page it deserves. */
export function pageErrorFor(status: number): PageError {
  if (status === 401) return new PageError('session-expired', 'API 401');
  if (status === 403) return new PageError('forbidden', 'API 403');
  if (status === 404) return new PageError('not-found', 'API 404');
  if (status === 429) return new PageError('too-many-requests', 'API 429');
  return new PageError('unavailable', `API ${status}`);
}

/** The body of a 2xx answer, or an error page. */
export function expectData<T>(result: FetchResult<T>): T {
  if (result.response.ok && result.data !== undefined) return result.data;
  throw pageErrorFor(result.response.ok ? 502 : result.response.status);
}

/** The body of a 2xx answer, a refusal to show on the form (400/409/422), or an error page. */
export function dataOrRefusal<T>(result: FetchResult<T>): { data: T } | { refusal: Refusal } {
  const status = result.response.status;
  if (result.response.ok && result.data !== undefined) return { data: result.data };
  const body = errorBodyOf(result.error);
  if ((status === 400 || status === 409 || status === 422) && body) {
    return { refusal: { status, code: body.code, message: body.message, details: body.details ?? [] } };
  }
  throw pageErrorFor(result.response.ok ? 502 : status);
}
