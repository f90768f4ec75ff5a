import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { type ErrorDetail, ValidationFailed } from '#domain';
import { toErrorDetails } from '#platform';
import type { Procedure } from './procedure.js';

function check(
  procedure: Procedure,
  data: unknown,
  partial: boolean,
): { form: object; details: ErrorDetail[] } {
  const form = plainToInstance(procedure.formClass, data ?? {});
  const errors = validateSync(form, {
    whitelist: true,
    forbidNonWhitelisted: true,
    skipMissingProperties: partial,
  });
  return { form, details: toErrorDetails(errors) };
}

/** A draft may be incomplete, but what it holds must be well formed: every error at once, by field, in French. */
export function validateDraft(procedure: Procedure, data: unknown): void {
  const { details } = check(procedure, data, true);
  if (details.length > 0) throw new ValidationFailed(details);
}

/** At submission the whole form is checked; `extra` adds errors found outside the form (sworn statement). */
export function validateComplete(procedure: Procedure, data: unknown, extra: ErrorDetail[] = []): object {
  const { form, details } = check(procedure, data, false);
  const all = [...extra, ...details];
  if (all.length > 0) {
    throw new ValidationFailed(
      all,
      'La demande est incomplète ou comporte des erreurs : corrigez les champs indiqués.',
    );
  }
  return form;
}
