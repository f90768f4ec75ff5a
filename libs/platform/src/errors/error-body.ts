import type { ErrorDetail, ErrorKind } from '#domain';

/** The one error format of every service's HTTP API. */
export interface ErrorBody {
  error: { code: string; message: string; details: ErrorDetail[] };
}

export function errorBody(code: string, message: string, details: readonly ErrorDetail[] = []): ErrorBody {
  return { error: { code, message, details: [...details] } };
}

export const STATUS_OF_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  unavailable: 503,
};

/** Codes and French messages for errors raised by the framework itself (routing, body parsing…). */
export const HTTP_STATUS_ERRORS: Record<number, { code: string; message: string }> = {
  400: { code: 'BAD_REQUEST', message: 'Requête invalide.' },
  401: { code: 'AUTHENTICATION_REQUIRED', message: 'Authentification requise.' },
  403: { code: 'FORBIDDEN', message: "Vous n'avez pas le droit d'effectuer cette action." },
  404: { code: 'NOT_FOUND', message: 'Ressource introuvable.' },
  405: { code: 'METHOD_NOT_ALLOWED', message: 'Méthode non autorisée.' },
  409: { code: 'CONFLICT', message: 'La demande est en conflit avec l’état actuel de la ressource.' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: 'Le corps de la requête est trop volumineux.' },
  414: { code: 'URI_TOO_LONG', message: 'L’adresse demandée est trop longue.' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Le corps de la requête doit être du JSON.' },
  429: { code: 'TOO_MANY_REQUESTS', message: 'Trop de requêtes : réessayez dans un instant.' },
  431: { code: 'HEADERS_TOO_LARGE', message: 'Les en-têtes de la requête sont trop volumineux.' },
  503: { code: 'SERVICE_UNAVAILABLE', message: 'Service momentanément indisponible.' },
};
