import { Agent, createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createProxyServer } from 'http-proxy-3';
import type { Duplex } from 'node:stream';
import { errorBody, HTTP_STATUS_ERRORS } from '#platform';
import type { EdgeConfig } from './edge.config.js';
import { DoorLimits } from './door-limits.js';
import { corsHeaders, type DoorSettings, isApiPath, securityHeaders } from './door-policy.js';
import { type ServiceName, serviceFor } from './edge.routes.js';

/** Longer addresses are refused (414) before they reach a service. */
const MAX_URL_LENGTH = 8_192;

function sendError(response: ServerResponse, status: number, code: string, message: string): void {
  if (response.headersSent) {
    response.end();
    return;
  }
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(errorBody(code, message)));
}

/** A path the web application answers: neither the API nor its documents. */
export function isPage(path: string): boolean {
  return !/^\/(api|docs)(\/|\?|$)/.test(path);
}

/** A short French page of the door's own (the web application is down, or a visitor went over a budget). */
function sendDoorPage(
  response: ServerResponse,
  status: number,
  headers: Record<string, string>,
  title: string,
  text: string,
): void {
  if (response.headersSent) {
    response.end();
    return;
  }
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
  response.end(
    '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
      `<title>${title}</title></head><body><main><h1>${title}</h1><p>${text}</p></main></body></html>`,
  );
}

/** The web application does not answer: a French page, no internals (the pages' own 503 when it is up). */
function sendUnavailablePage(response: ServerResponse): void {
  sendDoorPage(
    response,
    503,
    { 'retry-after': '120' },
    'Service momentanément indisponible',
    'Réessayez dans quelques minutes. Les réponses déjà enregistrées de vos demandes ne sont pas perdues.',
  );
}

/** Over a budget: 429 with Retry-After, in the error format for the API, as a French page for the pages. */
function sendTooManyRequests(
  request: IncomingMessage,
  response: ServerResponse,
  retryAfterSeconds: number,
): void {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  const wait =
    retryAfterSeconds < 60 ? `${retryAfterSeconds} secondes` : `${minutes} minute${minutes > 1 ? 's' : ''}`;
  if (isPage(request.url ?? '/')) {
    sendDoorPage(
      response,
      429,
      { 'retry-after': String(retryAfterSeconds) },
      'Trop de tentatives',
      `Vous avez fait beaucoup de demandes en peu de temps. Réessayez dans ${wait}.`,
    );
    return;
  }
  response.setHeader('retry-after', String(retryAfterSeconds));
  sendError(
    response,
    429,
    HTTP_STATUS_ERRORS[429].code,
    `Trop de requêtes depuis votre adresse ou votre compte : réessayez dans ${wait}.`,
  );
}

/** The one HTTP entry: forwards each path prefix of the API contract to the service that owns it. */
export function createEdgeServer(config: EdgeConfig): Server {
  const targets: Record<ServiceName, string> = {
    intake: config.INTAKE_URL,
    routing: config.ROUTING_URL,
    checks: config.CHECKS_URL,
    notifications: config.NOTIFICATIONS_URL,
  };
  // Without an agent, the proxy would open a connection per request and ask for `connection: close`, which the
  // services echo to the clients: a keep-alive pool reuses connections both ways.
  const agent = new Agent({ keepAlive: true, maxSockets: 256, maxFreeSockets: 64 });
  const proxy = createProxyServer({ xfwd: true, proxyTimeout: 60_000, agent });
  const limits = DoorLimits.fromConfig(config);
  /** How to give back a signed-in person's point when the service says the token was not theirs (401). */
  const givingBack = new WeakMap<IncomingMessage, () => void>();
  const door: DoorSettings = {
    https: config.PUBLIC_BASE_URL.startsWith('https:'),
    allowedOrigins: config.CORS_ALLOWED_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
  };
  // The API does not announce the framework behind it, whatever a service sends; every answer gets the door's
  // security headers, except those the service chose itself (the pages' CSP with its nonce).
  proxy.on('proxyRes', (proxyResponse: IncomingMessage, request: IncomingMessage) => {
    delete proxyResponse.headers['x-powered-by'];
    if (proxyResponse.statusCode === 401) givingBack.get(request)?.();
    const path = request.url ?? '/';
    for (const [name, value] of Object.entries(securityHeaders(path, door))) {
      proxyResponse.headers[name] ??= value;
    }
    const cors = isApiPath(path) ? corsHeaders(request.headers.origin, door) : null;
    for (const [name, value] of Object.entries(cors ?? {})) proxyResponse.headers[name] = value;
  });
  proxy.on('error', (_error: Error, request: IncomingMessage, response: unknown) => {
    if (response && typeof response === 'object' && 'writeHead' in response && isPage(request.url ?? '/')) {
      sendUnavailablePage(response as ServerResponse);
      return;
    }
    if (response && typeof response === 'object' && 'writeHead' in response) {
      sendError(
        response as ServerResponse,
        502,
        'SERVICE_UNAVAILABLE',
        'Le service demandé ne répond pas pour le moment. Réessayez dans un instant.',
      );
    }
  });
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    for (const [name, value] of Object.entries(securityHeaders(path, door))) response.setHeader(name, value);
    if (path.length > MAX_URL_LENGTH) {
      sendError(response, 414, HTTP_STATUS_ERRORS[414].code, HTTP_STATUS_ERRORS[414].message);
      return;
    }
    if (request.method === 'OPTIONS' && isApiPath(path) && request.headers['access-control-request-method']) {
      const cors = corsHeaders(request.headers.origin, door);
      if (!cors) {
        sendError(
          response,
          403,
          'CORS_ORIGIN_NOT_ALLOWED',
          "Cette origine n'est pas autorisée à appeler l'API.",
        );
        return;
      }
      response.writeHead(204, cors);
      response.end();
      return;
    }
    if (path === '/health') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ status: 'ok' }));
      return;
    }
    const service = serviceFor(path);
    // Everything outside the API and its documents is a page of the web application, when there is one.
    const target = service ? targets[service] : config.WEB_URL && isPage(path) ? config.WEB_URL : undefined;
    if (!target) {
      sendError(response, 404, 'NOT_FOUND', "Aucune ressource de l'API ne correspond à ce chemin.");
      return;
    }
    limits.take(request).then(
      (decision) => {
        if (!decision.allowed) {
          sendTooManyRequests(request, response, decision.retryAfterSeconds);
          return;
        }
        givingBack.set(request, decision.giveBack);
        proxy.web(request, response, { target });
      },
      () => sendError(response, 503, 'SERVICE_UNAVAILABLE', HTTP_STATUS_ERRORS[503].message),
    );
  });
  // Requests Node refuses before any handler (headers over 16 KB, malformed): an answer in the error format.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable) return;
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    const known = HTTP_STATUS_ERRORS[status];
    const body = JSON.stringify(errorBody(known.code, known.message));
    const headers = Object.entries({
      ...securityHeaders('/api', door),
      'content-type': 'application/json; charset=utf-8',
    })
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    socket.end(
      `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n${headers}` +
        `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
  return server;
}
