import type { NextFunction, Request, Response } from 'express';
import type { ErrorDetail } from '#domain';
import { errorBody } from '../errors/error-body.js';

/** A UTF-16 half without its other half: not text, and some validators throw on it. */
const LONE_SURROGATE = /\p{Cs}/u;

/** `__proto__`, `prototype`, and every name an object inherits (`constructor`, `toString`, `valueOf`…). */
function isInheritedName(key: string): boolean {
  return (
    key === '__proto__' || key === 'prototype' || Object.prototype.hasOwnProperty.call(Object.prototype, key)
  );
}

/** The first thing in a parsed body that no field may hold: an inherited key name, or broken text. */
export function unsafeBodyPart(value: unknown, path = ''): ErrorDetail | undefined {
  if (typeof value === 'string') {
    return LONE_SURROGATE.test(value)
      ? { field: path || 'body', reason: 'texte mal formé (caractère isolé)' }
      : undefined;
  }
  if (!value || typeof value !== 'object') return undefined;
  for (const key of Object.keys(value)) {
    const here = path ? `${path}.${key}` : key;
    if (isInheritedName(key)) return { field: here, reason: 'nom de champ interdit' };
    if (LONE_SURROGATE.test(key)) return { field: here, reason: 'nom de champ mal formé' };
    const inner = unsafeBodyPart((value as Record<string, unknown>)[key], here);
    if (inner) return inner;
  }
  return undefined;
}

/**
 * A body with an inherited key (`__proto__`, `constructor`, `toString`…) or broken text (a lone UTF-16 surrogate) is
 * refused (400, the field named): the object mapper would drop such a key silently, and the request act as if it
 * were not there; some validators throw on such text.
 */
export function refuseUnsafeBody(request: Request, response: Response, next: NextFunction): void {
  const problem = unsafeBodyPart(request.body);
  if (!problem) {
    next();
    return;
  }
  response.status(400).json(errorBody('VALIDATION_FAILED', 'Certains champs sont invalides.', [problem]));
}
