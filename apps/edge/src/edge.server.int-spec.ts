import { createServer, request as httpRequest, Agent, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '#platform';
import { EdgeConfig } from './edge.config.js';
import { createEdgeServer } from './edge.server.js';

function listen(server: Server): Promise<string> {
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => done(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((done) => server.close(() => done()));
}

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
