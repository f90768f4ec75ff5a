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
  proxy.on('error', (_error: Error, _request: IncomingMessage, response: unknown) => {
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
    if (!service) {
      sendError(response, 404, 'NOT_FOUND', "Aucune ressource de l'API ne correspond à ce chemin.");
      return;
    }
    proxy.web(request, response, { target: targets[service] });
  });
}
