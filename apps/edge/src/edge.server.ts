import { Agent, createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createProxyServer } from 'http-proxy-3';
import { errorBody } from '#platform';
import type { EdgeConfig } from './edge.config.js';
import { type ServiceName, serviceFor } from './edge.routes.js';

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

/** The web application does not answer: a French page, no internals (the pages' own 503 when it is up). */
function sendUnavailablePage(response: ServerResponse): void {
  if (response.headersSent) {
    response.end();
    return;
  }
  response.writeHead(503, { 'content-type': 'text/html; charset=utf-8', 'retry-after': '120' });
  response.end(
    '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
      '<title>Service momentanément indisponible</title></head><body><main><h1>Service momentanément indisponible</h1>' +
      '<p>Réessayez dans quelques minutes. Les réponses déjà enregistrées de vos demandes ne sont pas perdues.</p></main></body></html>',
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
  // The API does not announce the framework behind it, whatever a service sends.
  proxy.on('proxyRes', (proxyResponse: IncomingMessage) => {
    delete proxyResponse.headers['x-powered-by'];
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
  return createServer((request, response) => {
    const path = request.url ?? '/';
    if (path === '/health') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ status: 'ok' }));
      return;
    }
    const service = serviceFor(path);
    if (service) {
      proxy.web(request, response, { target: targets[service] });
      return;
    }
    // Everything outside the API and its documents is a page of the web application, when there is one.
    if (config.WEB_URL && isPage(path)) {
      proxy.web(request, response, { target: config.WEB_URL });
      return;
    }
    sendError(response, 404, 'NOT_FOUND', "Aucune ressource de l'API ne correspond à ce chemin.");
  });
}
