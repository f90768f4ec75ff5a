import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { errors } from 'oidc-provider';
import { DEMO_PERSONS, demoPerson } from './demo-persons.js';
import type { IdentityConfig } from './identity.config.js';
import { errorPage, loginPage, securityHeaders, STYLESHEET, STYLESHEET_PATH } from './pages.js';
import { createIdentityProvider } from './provider.js';
import type { PrivateJwks } from './signing-keys.js';

const INTERACTION = /^\/interaction\/([A-Za-z0-9_-]+)(?:\/(login|abort))?$/;
const MAX_FORM_BYTES = 4096;

function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > MAX_FORM_BYTES) {
        reject(new Error('formulaire trop long'));
        request.destroy();
      }
    });
    request.on('end', () => resolve(new URLSearchParams(body)));
    request.on('error', reject);
  });
}

function sendPage(response: ServerResponse, config: IdentityConfig, status: number, page: string): void {
  response.writeHead(status, { ...securityHeaders(config), 'content-type': 'text/html; charset=utf-8' });
  response.end(page);
}

function log(level: number, msg: string): void {
  process.stdout.write(`${JSON.stringify({ level, service: 'identity', msg })}\n`);
}

/**
 * The sign-in steps (interactions) of the provider: the page listing the demo persons, the choice of one, the
 * cancel button. Consent is never asked (the provider's loadExistingGrant grants the first-party client).
 */
async function interaction(
  provider: Provider,
  config: IdentityConfig,
  request: IncomingMessage,
  response: ServerResponse,
  uid: string,
  action: string | undefined,
): Promise<void> {
  const details = await provider.interactionDetails(request, response);
  if (details.uid !== uid) throw new errors.SessionNotFound('interaction uid does not match its cookie');
  if (action === undefined && request.method === 'GET') {
    if (details.prompt.name !== 'login') {
      // Consent is granted by loadExistingGrant: any other prompt means the request asked for something else.
      await provider.interactionFinished(request, response, {
        error: 'access_denied',
        error_description: `prompt ${details.prompt.name} not supported`,
      });
      return;
    }
    sendPage(response, config, 200, loginPage(uid, DEMO_PERSONS));
    return;
  }
  if (request.method !== 'POST') {
    sendPage(response, config, 405, errorPage('invalid_request', 'method not allowed'));
    return;
  }
  if (action === 'abort') {
    await provider.interactionFinished(
      request,
      response,
      { error: 'access_denied', error_description: 'sign-in cancelled by the person' },
      { mergeWithLastSubmission: false },
    );
    return;
  }
  const person = demoPerson((await readForm(request)).get('subject') ?? undefined);
  if (!person) {
    sendPage(response, config, 400, errorPage('invalid_request', 'unknown demo person'));
    return;
  }
  await provider.interactionFinished(
    request,
    response,
    { login: { accountId: person.subject } },
    { mergeWithLastSubmission: false },
  );
}

/** The provider and its pages on one node:http server: interactions and assets first, the rest to oidc-provider. */
export function createIdentityServer(config: IdentityConfig, jwks: PrivateJwks): Server {
  const provider = createIdentityProvider(config, jwks);
  provider.on('server_error', (_ctx: unknown, error: unknown) =>
    log(50, `erreur du fournisseur : ${error instanceof Error ? error.message : String(error)}`),
  );
  const callback = provider.callback();
  return createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path === STYLESHEET_PATH) {
      response.writeHead(200, {
        'content-type': 'text/css; charset=utf-8',
        'cache-control': 'public, max-age=3600',
        'x-content-type-options': 'nosniff',
      });
      response.end(STYLESHEET);
      return;
    }
    if (path === '/health') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ status: 'ok' }));
      return;
    }
    const match = INTERACTION.exec(path);
    if (!match) {
      callback(request, response);
      return;
    }
    interaction(provider, config, request, response, match[1], match[2]).catch((error: unknown) => {
      if (response.headersSent) {
        response.end();
        return;
      }
      if (error instanceof errors.SessionNotFound) {
        sendPage(response, config, 400, errorPage('session_not_found', undefined));
        return;
      }
      log(50, `erreur pendant la connexion : ${error instanceof Error ? error.message : String(error)}`);
      sendPage(response, config, 500, errorPage('server_error', undefined));
    });
  });
}
