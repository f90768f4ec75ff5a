import 'reflect-metadata';
import { getMetadataStorage } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import type { Schema } from './form-schema.js';

/*
 * What the web needs besides the validation rules to build each page from GET /api/procedures/{code}: French
 * labels and hints (`title`, `description`), labelled choices, and a few `x-` keywords. Fields carry them with
 * class-validator-jsonschema's `@JSONSchema({...})` (one per property: a second one would replace the first);
 * parts (the classes) with `@FormPart`.
 */

/** One answer of a list: the value sent, the French label shown. */
export interface Choice extends Schema {
  const: string;
  title: string;
}

/** `oneOf` labelling every value of an enum, in the enum's order: a value left without a label does not compile. */
export function choices<T extends string>(
  values: readonly T[],
  labels: Record<T, string>,
): { oneOf: Choice[] } {
  return { oneOf: values.map((value) => ({ const: value, title: labels[value] })) };
}

/**
 * A field holding a commune's INSEE code: nobody knows those, so the describer offers the communes of the served
 * départements as its choices (see commune-choices.ts) and the web shows a commune picker.
 */
export const COMMUNE_FIELD = { 'x-widget': 'commune' } as const;

/** An amount in integer euro cents: the web asks euros and converts. */
export const IN_CENTS = { 'x-unit': 'cents' } as const;

/** A part asked only when another answer (`field`, a dotted path within the form) has a given value. */
export function askedWhen(
  field: string,
  equals: string,
): { 'x-askedWhen': { field: string; equals: string } } {
  return { 'x-askedWhen': { field, equals } };
}

/** WCAG 1.3.5 input purpose, on fields about the person filling the form only (never about someone else). */
export function autocomplete(purpose: 'given-name' | 'family-name' | 'email' | 'tel'): {
  'x-autocomplete': string;
} {
  return { 'x-autocomplete': purpose };
}

export interface PartLabels {
  /** The page's heading (« Identité de la personne âgée »). */
  title: string;
  /** An introductory sentence under the heading. */
  description?: string;
  /** Keywords added, in this part only, to fields it inherits (e.g. the filer's `x-autocomplete` on PersonName). */
  inheritedFields?: Record<string, Schema>;
  /** Fields to show first, in this order, when the declaration order does not read well. */
  firstFields?: string[];
}

/** Names of the validated properties a class inherits, in declaration order. */
function inheritedPropertyNames(target: object): string[] {
  const parent: unknown = Object.getPrototypeOf(target);
  if (typeof parent !== 'function' || parent === Function.prototype) return [];
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(parent, '', true, false);
  return [...new Set(metadatas.map((metadata) => metadata.propertyName))];
}

/**
 * The labels of a part (a form class). Its fields are listed in the order the page asks them: `firstFields`, then
 * the fields it inherits, then its own, as TypeScript declares them (class-validator-jsonschema lists a class's own
 * properties before the inherited ones: « Prénom » would come after « Date de naissance »).
 */
export function FormPart(labels: PartLabels): (target: new () => object) => void {
  return (target) => {
    const leading = [...(labels.firstFields ?? []), ...inheritedPropertyNames(target)];
    JSONSchema((schema: Schema): Schema => {
      const properties = schema.properties ?? {};
      const names = Object.keys(properties);
      const ordered = [...new Set([...leading.filter((name) => names.includes(name)), ...names])];
      return {
        title: labels.title,
        ...(labels.description === undefined ? {} : { description: labels.description }),
        ...schema,
        properties: Object.fromEntries(
          ordered.map((name) => [name, { ...properties[name], ...labels.inheritedFields?.[name] }]),
        ),
      };
    })(target);
  };
}
