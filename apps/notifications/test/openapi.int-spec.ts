import { createConfig, lintFromString } from '@redocly/openapi-core';
import request from 'supertest';
import { type NotificationsUnderTest, startNotifications } from './notifications.harness.js';

describe('notifications: the OpenAPI document', () => {
  let n: NotificationsUnderTest;

  beforeAll(async () => {
    n = await startNotifications('notifications_openapi');
  });
  afterAll(() => n?.stop());

  it('describes every endpoint with a summary, bearer security and its errors, and lints clean (Redocly) for its own operations', async () => {
    const { body: document } = await request(n.service.url)
      .get('/docs/notifications/openapi.json')
      .expect(200);
    const operations = Object.entries(document.paths as Record<string, Record<string, Operation>>).flatMap(
      ([path, item]) => Object.entries(item).map(([method, operation]) => ({ path, method, operation })),
    );
    const ours = operations.filter(
      ({ path }) => path.includes('/notifications') && !path.includes('dead-letters'),
    );
    expect(ours.map(({ method, path }) => `${method} ${path}`).sort()).toEqual([
      'get /api/admin/notifications/messages',
      'get /api/admin/notifications/messages/{id}',
      'get /api/notifications',
      'get /api/notifications/preferences',
      'post /api/admin/notifications/messages/{id}/resend',
      'post /api/notifications/{id}/read',
      'put /api/notifications/preferences',
    ]);
    for (const { operation } of ours) {
      expect(operation.summary).toBeTruthy();
      expect(operation.security).toEqual([{ bearer: [] }]);
      expect(Object.keys(operation.responses)).toContain('401');
    }
    const problems = await lintFromString({
      source: JSON.stringify(document),
      absoluteRef: 'notifications.json',
      config: await createConfig({ extends: ['recommended'] }),
    });
    // The platform's shared parts (health, dead letters, servers) are linted where they are built, in libs/.
    const pointer = (problem: (typeof problems)[number]) => problem.location[0]?.pointer ?? '';
    const errors = problems.filter(
      (problem) =>
        problem.severity === 'error' &&
        /~1notifications/.test(pointer(problem)) &&
        !/dead-letters/.test(pointer(problem)),
    );
    expect(errors.map((problem) => `${problem.ruleId}: ${problem.message}`)).toEqual([]);
  });
});

interface Operation {
  summary?: string;
  security?: unknown;
  responses: Record<string, unknown>;
}
