import type { OpenAPIObject } from '@nestjs/swagger';
import { PUBLIC_EXTENSION } from '../auth/decorators.js';
import { budgetFor } from './rate-limited-operations.js';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
type Parameter = { name: string; in: string };

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
const ERROR_REF = { $ref: '#/components/schemas/ApiErrorBody' };
const DESCRIPTIONS: Record<string, string> = {
  '400': 'Requête invalide : chaque champ en erreur est nommé, avec la raison',
  '401': 'Jeton absent ou invalide',
  '403': 'Rôle non autorisé, ou ressource hors de votre périmètre',
  '429':
    'Trop de requêtes depuis cette adresse ou ce compte : réessayer après le délai de l’en-tête Retry-After',
  '500': 'Erreur interne (le détail est dans les journaux, avec l’identifiant de corrélation)',
};

function addError(operation: Operation, status: string): void {
  operation.responses[status] ??= { description: DESCRIPTIONS[status] };
}

/**
 * Makes a service's generated document a contract clients can rely on, from what the code already declares:
 * - bearer security on every operation not marked @Public(), and `security: []` on public ones;
 * - the error answers the platform gives anywhere: 401/403 on protected operations, 400 where there is input, 500;
 * - the platform's error body (`ApiErrorBody`) on every 4xx/5xx answer that declares none;
 * - every `{param}` of a path declared as a path parameter;
 * - 429 (with Retry-After) on the operations that draw on a rate budget at the door (rate-limited-operations.ts).
 */
export function completeApiContract(document: OpenAPIObject): OpenAPIObject {
  for (const [path, item] of Object.entries(document.paths)) {
    const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const extended = operation as Operation & Record<string, unknown>;
      const isPublic = extended[PUBLIC_EXTENSION] === true;
      delete extended[PUBLIC_EXTENSION];
      operation.security = isPublic ? [] : [{ bearer: [] }];
      const parameters = (operation.parameters ?? []) as Parameter[];
      for (const name of templated) {
        if (!parameters.some((parameter) => parameter.in === 'path' && parameter.name === name)) {
          parameters.push({ name, in: 'path', required: true, schema: { type: 'string' } } as Parameter);
        }
      }
      operation.parameters = parameters as Operation['parameters'];
      if (!isPublic) {
        addError(operation, '401');
        addError(operation, '403');
      }
      if (parameters.length > 0 || operation.requestBody) addError(operation, '400');
      if (budgetFor(method.toUpperCase(), path.replace(/\{[^}]+\}/g, 'x'))) {
        operation.responses['429'] ??= {
          description: DESCRIPTIONS['429'],
          headers: {
            'Retry-After': {
              description: 'Secondes à attendre avant de réessayer',
              schema: { type: 'integer' },
            },
          },
        };
      }
      addError(operation, '500');
      for (const [status, response] of Object.entries(operation.responses)) {
        if (!response || Number(status) < 400 || '$ref' in response) continue;
        response.content ??= { 'application/json': { schema: ERROR_REF } };
      }
    }
  }
  return document;
}
