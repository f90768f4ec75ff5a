import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACCESS_POLICY } from '../authorization/access-policy.js';
import type { Actor } from '../authorization/actors.js';

const SERVICES = ['intake', 'routing', 'checks', 'notifications'] as const;

/** One operation of a service's OpenAPI contract, with what a hostile caller needs to reach its validation. */
export interface Operation {
  service: (typeof SERVICES)[number];
  method: string;
  /** OpenAPI path, `/api/applications/{id}`. */
  path: string;
  /** The body's media type, when the operation takes one. */
  mediaType?: string;
  /** Properties of the body's schema, and those it requires. */
  properties: string[];
  required: string[];
  /** An actor whose rights reach the validation (the policy table says who may call it). */
  actor: Actor;
}

interface OpenApiSchema {
  $ref?: string;
  properties?: Record<string, unknown>;
  required?: string[];
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { requestBody?: { content: Record<string, { schema?: OpenApiSchema }> } }>
  >;
  components?: { schemas?: Record<string, OpenApiSchema> };
}

function resolve(document: OpenApiDocument, schema: OpenApiSchema | undefined): OpenApiSchema {
  if (!schema?.$ref) return schema ?? {};
  return document.components?.schemas?.[schema.$ref.split('/').pop() ?? ''] ?? {};
}

/** The actor the policy table lets in first (or, for a route only a team's own supervisor may use, one of its role). */
function actorFor(service: string, method: string, path: string): Actor {
  const access = ACCESS_POLICY[`${service} ${method} ${path.replace(/\{(\w+)\}/g, ':$1')}`];
  const signedIn = access?.allow.find((actor) => actor !== 'nobody' && actor !== 'forgedAdmin');
  return signedIn ?? access?.scopedOut?.[0] ?? 'nobody';
}

/** Every operation of the four contracts (openapi/*.json, checked against the code by the contract test). */
export function contractOperations(root: string): Operation[] {
  return SERVICES.flatMap((service) => {
    const document = JSON.parse(
      readFileSync(join(root, 'openapi', `${service}.json`), 'utf8'),
    ) as OpenApiDocument;
    return Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, operation]) => {
          const [mediaType, content] = Object.entries(operation.requestBody?.content ?? {})[0] ?? [];
          const schema = resolve(document, content?.schema);
          return {
            service,
            method: method.toUpperCase(),
            path,
            mediaType,
            properties: Object.keys(schema.properties ?? {}),
            required: schema.required ?? [],
            actor: actorFor(service, method.toUpperCase(), path),
          };
        }),
    );
  });
}
