import request from 'supertest';
import { SUBJECTS } from '#domain';
import { bearer, eventsOnStream } from '#testing';
import { validApaFormData } from '../apps/intake/src/procedures/apa/apa.fixtures.js';
import { type RunningPlatform, startPlatform } from './support/platform.js';

describe('journey: a relative files an APA request through the one HTTP entry (services as processes)', () => {
  let platform: RunningPlatform;

  beforeAll(async () => {
    platform = await startPlatform('journey');
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('finds the procedure, files a draft in two goes, submits it once despite a retry, and follows it', async () => {
    const api = platform.url;
    const auth = await bearer('citizen', { sub: 'fc-sub-marie' });
    const procedures = await request(api).get('/api/procedures').expect(200);
    expect(procedures.body.items.map((item: { code: string }) => item.code)).toContain('apa');

    const form = validApaFormData();
    const draft = await request(api)
      .post('/api/applications')
      .set('Authorization', auth)
      .send({ procedure: 'apa', data: { beneficiary: form.beneficiary } })
      .expect(201);
    const rest = Object.fromEntries(Object.entries(form).filter(([part]) => part !== 'beneficiary'));
    await request(api)
      .patch(`/api/applications/${draft.body.id}`)
      .set('Authorization', auth)
      .send({ data: rest })
      .expect(200);

    const submit = () =>
      request(api)
        .post(`/api/applications/${draft.body.id}/submit`)
        .set('Authorization', auth)
        .set('Idempotency-Key', 'journey-submit-1')
        .send({ swornStatement: true })
        .expect(201);
    const first = await submit();
    const retried = await submit();
    expect(retried.body.receiptNumber).toBe(first.body.receiptNumber);

    const mine = await request(api).get('/api/applications').set('Authorization', auth).expect(200);
    expect(mine.body.items).toHaveLength(1);
    const events = await eventsOnStream(platform.nats.url, SUBJECTS.applicationSubmitted);
    expect(events.filter((event) => event.aggregateId === draft.body.id)).toHaveLength(1);

    const stranger = await bearer('citizen', { sub: 'fc-sub-other' });
    await request(api).get(`/api/applications/${draft.body.id}`).set('Authorization', stranger).expect(404);
    await request(api).get('/api/applications').expect(401);
  });
});
