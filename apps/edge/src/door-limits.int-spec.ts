import { createServer, type Server } from 'node:http';
import { loadConfig } from '#platform';
import { EdgeConfig } from './edge.config.js';
import { createEdgeServer } from './edge.server.js';
import { close, listen } from './local-server.fixture.js';

/** An unsigned token naming `sub`: the edge only reads the name (the service checks the signature). */
function tokenOf(sub: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `Bearer ${part({ alg: 'RS256' })}.${part({ sub })}.c2ln`;
}

describe('edge: rate limits at the door', () => {
  let upstream: Server;
  let edge: Server;
  let edgeUrl: string;
  let upstreamUrl: string;
  /** Subjects the service refuses (401), as for a token signed by someone else. */
  const forged = new Set<string>();

  beforeAll(async () => {
    upstream = createServer((request, response) => {
      const sub = /"sub":"([^"]+)"/.exec(
        Buffer.from((request.headers.authorization ?? '').split('.')[1] ?? '', 'base64url').toString(),
      )?.[1];
      response.writeHead(sub && forged.has(sub) ? 401 : 200, { 'content-type': 'application/json' });
      response.end('{}');
    });
    upstreamUrl = await listen(upstream);
  });

  afterEach(async () => {
    if (edge) await close(edge);
  });

  afterAll(() => close(upstream));

  async function startEdge(variables: Record<string, string>): Promise<void> {
    edge = createEdgeServer(
      loadConfig(EdgeConfig, { INTAKE_URL: upstreamUrl, ROUTING_URL: upstreamUrl, ...variables }),
    );
    edgeUrl = await listen(edge);
  }

  it('refuses public reads past the budget with 429, Retry-After and the error format, per address', async () => {
    await startEdge({ RATE_LIMIT_PUBLIC_READ: '5/60', TRUSTED_PROXIES: '' });
    const statuses: number[] = [];
    for (let index = 0; index < 8; index++) statuses.push((await fetch(`${edgeUrl}/api/contacts`)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    const refused = await fetch(`${edgeUrl}/api/procedures`);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get('x-content-type-options')).toBe('nosniff');
    const body = (await refused.json()) as { error: { code: string; message: string; details: unknown[] } };
    expect(body.error.code).toBe('TOO_MANY_REQUESTS');
    expect(body.error.message).toMatch(/réessayez dans \d+ (secondes|minute)/);
    expect(body.error.details).toEqual([]);
    // Other budgets are not spent: the estimate has its own.
    const estimate = await fetch(`${edgeUrl}/api/procedures/apa/estimate`, { method: 'POST', body: '{}' });
    expect(estimate.status).toBe(200);
  });

  it('believes X-Forwarded-For only from a trusted proxy', async () => {
    await startEdge({ RATE_LIMIT_PUBLIC_READ: '2/60', TRUSTED_PROXIES: 'loopback' });
    const from = (address: string) =>
      fetch(`${edgeUrl}/api/contacts`, { headers: { 'x-forwarded-for': address } }).then((r) => r.status);
    // Through a trusted proxy (here, loopback), each visitor has a budget of their own.
    expect([await from('203.0.113.1'), await from('203.0.113.1'), await from('203.0.113.1')]).toEqual([
      200, 200, 429,
    ]);
    expect(await from('203.0.113.2')).toBe(200);
    await close(edge);
    // When the peer is not trusted, the header is ignored: changing it does not buy a new budget.
    await startEdge({ RATE_LIMIT_PUBLIC_READ: '2/60', TRUSTED_PROXIES: '10.0.0.0/8' });
    expect([await from('198.51.100.1'), await from('198.51.100.2'), await from('198.51.100.3')]).toEqual([
      200, 200, 429,
    ]);
  });

  it('counts signed-in writes per person too, and gives a point back when the service refuses the token', async () => {
    await startEdge({
      RATE_LIMIT_SUBMISSION: '100/3600',
      RATE_LIMIT_SUBMISSION_PER_PERSON: '2/3600',
      TRUSTED_PROXIES: 'loopback',
    });
    const submit = (sub: string, address: string) =>
      fetch(`${edgeUrl}/api/applications/0b6f1e3c-7d7a-4a4e-9f0e-2f6a4b1c9d00/submit`, {
        method: 'POST',
        headers: { authorization: tokenOf(sub), 'x-forwarded-for': address },
      }).then((r) => r.status);
    // One person from two addresses: the person's budget is the same.
    expect([await submit('alice', '203.0.113.10'), await submit('alice', '203.0.113.11')]).toEqual([
      200, 200,
    ]);
    expect(await submit('alice', '203.0.113.12')).toBe(429);
    expect(await submit('bob', '203.0.113.12')).toBe(200);
    // Someone forging tokens in carol's name cannot spend her budget: each 401 gives the point back.
    forged.add('carol');
    for (let index = 0; index < 4; index++) expect(await submit('carol', '198.51.100.9')).toBe(401);
    forged.delete('carol');
    expect([await submit('carol', '203.0.113.20'), await submit('carol', '203.0.113.20')]).toEqual([
      200, 200,
    ]);
  });

  it('answers a page past the sign-in budget with a French page, and leaves other pages alone', async () => {
    await startEdge({ RATE_LIMIT_SIGN_IN: '1/600', TRUSTED_PROXIES: '', WEB_URL: upstreamUrl });
    expect((await fetch(`${edgeUrl}/connexion`, { redirect: 'manual' })).status).toBe(200);
    const refused = await fetch(`${edgeUrl}/connexion/agent`, { redirect: 'manual' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/text\/html/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(60);
    expect(await refused.text()).toMatch(/Trop de tentatives.*Réessayez dans \d+ minutes/s);
    expect((await fetch(`${edgeUrl}/mes-demarches`)).status).toBe(200);
  });

  it('refuses to start on a malformed budget or proxy list, naming the variable', () => {
    expect(() => createEdgeServer(loadConfig(EdgeConfig, { RATE_LIMIT_UPLOAD: 'beaucoup' }))).toThrow(
      /RATE_LIMIT_UPLOAD/,
    );
    expect(() => createEdgeServer(loadConfig(EdgeConfig, { RATE_LIMIT_UPLOAD: '0/60' }))).toThrow(
      /RATE_LIMIT_UPLOAD/,
    );
    expect(() => createEdgeServer(loadConfig(EdgeConfig, { TRUSTED_PROXIES: 'pas-une-adresse' }))).toThrow(
      /TRUSTED_PROXIES/,
    );
  });
});
