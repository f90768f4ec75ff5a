import type { ApiFieldError } from '../api/api-answer.js';
import { type FormPart, fieldId } from './form-fields.js';
import type { FieldError } from './form-submission.js';

/** The part a field path of the API belongs to (`beneficiary.birthDate` → the part `beneficiary`). */
export function partOf(parts: FormPart[], path: string): FormPart | undefined {
  const key = path.split('.')[0];
  return parts.find((part) => part.key === key);
}

function labelOf(parts: FormPart[], path: string): string | undefined {
  for (const part of parts) {
    const field = part.fields.find((candidate) => candidate.path === path);
    if (field) return field.label;
  }
  return undefined;
}

/**
 * The API's refusals, by field, as the page shows them: the API names the field by its path and gives the reason
 * (« doit être une date au format AAAA-MM-JJ »); the page puts the field's label in front. Pure.
 */
export function fieldErrors(parts: FormPart[], details: ApiFieldError[]): FieldError[] {
  return details.map((detail) => {
    const label = labelOf(parts, detail.field);
    const part = partOf(parts, detail.field);
    const path = label
      ? detail.field
      : (part?.fields.find((field) => field.path.startsWith(detail.field))?.path ?? detail.field);
    const startsUpper = /^[A-ZÀ-Ý]/.test(detail.reason);
    const text = label && !startsUpper ? `${label} : ${detail.reason}` : detail.reason;
    return { id: fieldId(path), path, text };
  });
}
