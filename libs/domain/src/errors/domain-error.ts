/** How a domain error should be understood by a caller; each transport maps it once (HTTP status, dead letter…). */
export type ErrorKind =
  'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'unprocessable' | 'unavailable';

export interface ErrorDetail {
  field: string;
  reason: string;
}

/**
 * Base class of every error the domain raises on purpose: a stable machine code and a French message
 * that can be shown to citizens and agents as is.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: ErrorKind = 'unprocessable',
    readonly details: readonly ErrorDetail[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input that breaks the rules of a form: one detail per faulty field. */
export class ValidationFailed extends DomainError {
  constructor(details: readonly ErrorDetail[], message = 'Certains champs sont invalides.') {
    super('VALIDATION_FAILED', message, 'invalid', details);
  }
}

export class NotFound extends DomainError {
  constructor(message = 'Ressource introuvable.', code = 'NOT_FOUND') {
    super(code, message, 'not_found');
  }
}

export class Forbidden extends DomainError {
  constructor(message = "Vous n'avez pas le droit d'effectuer cette action.", code = 'FORBIDDEN') {
    super(code, message, 'forbidden');
  }
}

export class Unauthenticated extends DomainError {
  constructor(message = 'Authentification requise.', code = 'AUTHENTICATION_REQUIRED') {
    super(code, message, 'unauthenticated');
  }
}

/** A transition that the lifecycle of an aggregate does not allow from its current state. */
export class InvalidTransition extends DomainError {
  constructor(message: string, code = 'INVALID_TRANSITION') {
    super(code, message, 'conflict');
  }
}
