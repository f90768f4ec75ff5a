/** The part of JSON Schema the procedure forms use, with Guichet's `x-` keywords (intake's form schema contract). */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  title?: string;
  description?: string;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  oneOf?: JsonSchema[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  definitions?: Record<string, JsonSchema>;
  /** Money in integer cents: asked in euros. */
  'x-unit'?: string;
  /** A part asked only when another answer has a value. */
  'x-askedWhen'?: { field: string; equals: unknown };
  /** How to ask: `commune` (a list of communes). */
  'x-widget'?: string;
  /** The input purpose (WCAG 1.3.5) when the field is about the person filling the form. */
  'x-autocomplete'?: string;
}

/** Follows a local `$ref` (`#/definitions/Name`) to its definition. */
export function resolveRef(schema: JsonSchema, root: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/definitions/', '');
  const target = root.definitions?.[name];
  return target
    ? {
        ...target,
        title: target.title ?? schema.title,
        description: target.description ?? schema.description,
      }
    : schema;
}
