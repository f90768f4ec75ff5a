import request from 'supertest';
import { bearer, eventually } from '#testing';
import { type RunningPlatform, SERVICE_NAMES, startPlatform } from './support/platform.js';

describe('the platform behind its one HTTP entry (four services + edge as processes)', () => {
  let platform: RunningPlatform;

  beforeAll(async () => {
    platform = await startPlatform('platform');
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it.each(SERVICE_NAMES)(
    'routes /api/admin/%s to its service: 401 without a token, 403 for a citizen, 200 for an admin',
    async (service) => {
      const path = `/api/admin/${service}/dead-letters`;
      const anonymous = await request(platform.url).get(path).expect(401);
      expect(anonymous.body.error.code).toBe('AUTHENTICATION_REQUIRED');
      await request(platform.url)
        .get(path)
        .set('Authorization', await bearer('citizen'))
        .expect(403);
      const admin = await request(platform.url)
        .get(path)
        .set('Authorization', await bearer('admin'))
        .expect(200);
      expect(admin.body).toEqual({ items: [] });
    },
  );

  it.each(SERVICE_NAMES)('serves the OpenAPI document of %s through the edge', async (service) => {
    const document = await request(platform.url).get(`/docs/${service}/openapi.json`).expect(200);
    expect(document.body.info.title).toContain(service);
  });

  it('answers 404 in the error format for a path outside the contract', async () => {
    const response = await request(platform.url).get('/api/unknown').expect(404);
    expect(response.body.error.code).toBe('NOT_FOUND');
  });

  it('writes JSON logs that carry the correlation id and never the token', async () => {
    const token = await bearer('admin');
    await request(platform.url)
      .get('/api/admin/checks/dead-letters')
      .set('Authorization', token)
      .set('X-Correlation-Id', 'e2e-log-check-0001')
      .expect(200);
    await eventually(() => {
      const lines = platform.services.checks
        .stdout()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { correlationId?: string; msg?: string });
      expect(lines).toContainEqual(
        expect.objectContaining({ correlationId: 'e2e-log-check-0001', msg: 'request completed' }),
      );
    });
    expect(platform.services.checks.stdout()).not.toContain(token.slice('Bearer '.length));
  });

  it('answers 502 in the error format when a service is down', async () => {
    await platform.services.notifications.stop();
    const response = await request(platform.url).get('/api/notifications').expect(502);
    expect(response.body.error.code).toBe('SERVICE_UNAVAILABLE');
  });
});
