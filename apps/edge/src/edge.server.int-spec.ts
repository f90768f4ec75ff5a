import { createServer, request as httpRequest, Agent, type IncomingMessage, type Server } from 'node:http';
import { loadConfig } from '#platform';
import { EdgeConfig } from './edge.config.js';
import { createEdgeServer } from './edge.server.js';
import { close, listen } from './local-server.fixture.js';

/** A GET through a keep-alive client agent: the answer's status and headers once its body is read. */
function get(url: string, agent: Agent): Promise<IncomingMessage> {
  return new Promise((done, fail) => {
    httpRequest(url, { agent }, (response) => {
      response.resume();
      response.on('end', () => done(response));
    })
      .on('error', fail)
      .end();
  });
}

describe('edge: connections and headers', () => {
  let upstream: Server;
  let edge: Server;
  let edgeUrl: string;
  let upstreamConnections = 0;

  beforeAll(async () => {
    // A service that announces its framework, as Express does by default.
    upstream = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'x-powered-by': 'Express' });
      response.end('{"items":[]}');
    });
    upstream.on('connection', () => upstreamConnections++);
    const upstreamUrl = await listen(upstream);
    edge = createEdgeServer(loadConfig(EdgeConfig, { INTAKE_URL: upstreamUrl }));
    edgeUrl = await listen(edge);
  });

  afterAll(async () => {
    await close(edge);
    await close(upstream);
  });

  it('keeps connections alive with clients and with the services, and does not announce a framework', async () => {
    const client = new Agent({ keepAlive: true, maxSockets: 1 });
    const clientSockets = new Set<unknown>();
    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await get(`${edgeUrl}/api/procedures`, client);
      expect(response.statusCode).toBe(200);
      expect(response.headers.connection).not.toBe('close');
      expect(response.headers['x-powered-by']).toBeUndefined();
      clientSockets.add(response.socket);
    }
    client.destroy();
    expect(clientSockets.size).toBe(1);
    // Five requests in a row through the edge: one pooled connection to the service.
    expect(upstreamConnections).toBe(1);
  });

  it('answers its own health and errors without a framework header either', async () => {
    const client = new Agent({ keepAlive: true });
    const health = await get(`${edgeUrl}/health`, client);
    const unknown = await get(`${edgeUrl}/api/unknown`, client);
    client.destroy();
    expect(health.headers['x-powered-by']).toBeUndefined();
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers.connection).not.toBe('close');
  });
});

/** A raw HTTP exchange (what a client with oversized headers or a preflight sends): status, headers, body. */
function send(
  url: string,
  options: { method?: string; path: string; headers?: Record<string, string> },
): Promise<{ status: number; headers: IncomingMessage['headers']; body: string }> {
  return new Promise((done, fail) => {
    const request = httpRequest(
      `${url}${options.path}`,
      { method: options.method ?? 'GET', headers: options.headers },
      (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => done({ status: response.statusCode ?? 0, headers: response.headers, body }));
      },
    );
    request.on('error', fail);
    request.end();
  });
}

describe('edge: security headers, CORS and oversized requests at the door', () => {
  let api: Server;
  let pages: Server;
  let edge: Server;
  let edgeUrl: string;

  beforeAll(async () => {
    api = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"items":[]}');
    });
    // The pages choose their own CSP (with a nonce) and referrer policy: the edge keeps them.
    pages = createServer((_request, response) => {
      response.writeHead(200, {
        'content-type': 'text/html',
        'content-security-policy': "default-src 'self'; script-src 'self' 'nonce-abc'",
        'referrer-policy': 'same-origin',
      });
      response.end('<!DOCTYPE html><title>Accueil</title>');
    });
    const apiUrl = await listen(api);
    const pagesUrl = await listen(pages);
    edge = createEdgeServer(
      loadConfig(EdgeConfig, {
        INTAKE_URL: apiUrl,
        ROUTING_URL: apiUrl,
        WEB_URL: pagesUrl,
        PUBLIC_BASE_URL: 'https://guichet.calvados.example',
        CORS_ALLOWED_ORIGINS: 'https://partenaire.example',
      }),
    );
    edgeUrl = await listen(edge);
  });

  afterAll(async () => {
    await close(edge);
    await close(pages);
    await close(api);
  });

  it('gives every answer of the API the strict headers, its own errors included', async () => {
    for (const path of ['/api/procedures', '/api/unknown', '/health']) {
      const answer = await send(edgeUrl, { path });
      expect(answer.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
        'strict-transport-security': 'max-age=31536000; includeSubDomains',
      });
    }
    const answer = await send(edgeUrl, { path: '/api/procedures' });
    expect(answer.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it('keeps the pages’ own CSP and referrer policy, and adds what they do not set', async () => {
    const answer = await send(edgeUrl, { path: '/' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-security-policy']).toBe(
      "default-src 'self'; script-src 'self' 'nonce-abc'",
    );
    expect(answer.headers['referrer-policy']).toBe('same-origin');
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['strict-transport-security']).toContain('max-age=');
  });

  it('lets a configured origin call the API from a browser, and no other', async () => {
    const preflight = (origin: string) =>
      send(edgeUrl, {
        method: 'OPTIONS',
        path: '/api/contacts',
        headers: { origin, 'access-control-request-method': 'GET' },
      });
    const allowed = await preflight('https://partenaire.example');
    expect(allowed.status).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://partenaire.example');
    const refused = await preflight('https://ailleurs.example');
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body).error.code).toBe('CORS_ORIGIN_NOT_ALLOWED');
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();

    const call = await send(edgeUrl, {
      path: '/api/procedures',
      headers: { origin: 'https://partenaire.example' },
    });
    expect(call.headers['access-control-allow-origin']).toBe('https://partenaire.example');
    const other = await send(edgeUrl, {
      path: '/api/procedures',
      headers: { origin: 'https://ailleurs.example' },
    });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers an address over 8 KB with 414 and headers over 16 KB with 431, in the error format', async () => {
    const long = await send(edgeUrl, { path: `/api/contacts?commune=${'1'.repeat(9_000)}` });
    expect(long.status).toBe(414);
    expect(JSON.parse(long.body).error).toMatchObject({ code: 'URI_TOO_LONG' });

    const huge = await send(edgeUrl, {
      path: '/api/procedures',
      headers: { 'x-padding': 'x'.repeat(20_000) },
    });
    expect(huge.status).toBe(431);
    expect(huge.headers['content-type']).toContain('application/json');
    expect(huge.headers['x-content-type-options']).toBe('nosniff');
    expect(JSON.parse(huge.body).error).toMatchObject({
      code: 'HEADERS_TOO_LARGE',
      message: expect.any(String),
    });
  });
});
