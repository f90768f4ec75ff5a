import request from 'supertest';
import { SUBJECTS } from '#domain';
import { bearer, eventually } from '#testing';
import { expectStatus, type RoutingUnderTest, staff, startRouting, submitFile } from './routing.harness.js';

describe('routing: the real directory, loaded with the demo of the Calvados (real PostgreSQL + nats-server)', () => {
  let routing: RoutingUnderTest;
  let admin: string;

  beforeAll(async () => {
    routing = await startRouting('directory', '2026-03-02T09:00:00Z', {}, 'demo');
    admin = await bearer('admin', { sub: 'admin-1' });
  });

  afterAll(async () => {
    await routing?.stop();
  });

  const contacts = (query: Record<string, string>) =>
    request(routing.service.url).get('/api/contacts').query(query);
  const exportRules = async () =>
    (
      await request(routing.service.url)
        .get('/api/directory/rules.csv')
        .set('Authorization', admin)
        .expect(200)
    ).text;
  const importRules = (csv: string) =>
    request(routing.service.url)
      .put('/api/directory/rules.csv')
      .set('Authorization', admin)
      .set('Content-Type', 'text/csv')
      .send(csv);

  it('routes an APA file from Bayeux to the Bessin office, once, and the citizen-facing event carries its contact', async () => {
    const file = await submitFile(routing, { procedure: 'apa', communeInsee: '14047' });
    const agent = staff(routing.service.url, 'agent', 'agent-cas-bessin', ['CAS-BESSIN']);
    await eventually(async () => expectStatus(200)(await agent.get(file.id)));
    const events = await routing.events(SUBJECTS.applicationRouted, file.id);
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({
      teamCode: 'CAS-BESSIN',
      defaultTeam: false,
      contact: { phone: '02 31 00 10 01' },
    });
    expect(events[0].payload).toMatchObject({ reason: expect.stringContaining('Bayeux Intercom') });
  });

  it('routes an APCR request to the APCR desk', async () => {
    const file = await submitFile(routing, { procedure: 'apcr', communeInsee: '14001' });
    await eventually(async () =>
      expect(await routing.events(SUBJECTS.applicationRouted, file.id)).toHaveLength(1),
    );
    const [event] = await routing.events(SUBJECTS.applicationRouted, file.id);
    expect(event.payload).toMatchObject({ teamCode: 'APCR-DESK', defaultTeam: false });
  });

  it('finds my contact by INSEE code, and says why', async () => {
    const answer = (await contacts({ commune: '14047', topic: 'autonomie' }).expect(200)).body;
    expect(answer).toMatchObject({
      commune: { code: '14047', name: 'Bayeux' },
      topic: { code: 'autonomie' },
      team: { code: 'CAS-BESSIN' },
      contact: { phone: '02 31 00 10 01' },
      defaultTeam: false,
    });
    expect(answer.reason).toContain('CC de Bayeux Intercom');
  });

  it('answers the list of communes for a postal code shared by several, and the contact for a single one', async () => {
    const shared = (await contacts({ postalCode: '14400', topic: 'handicap' }).expect(200)).body;
    expect(shared.choices.length).toBeGreaterThan(1);
    expect(shared.choices).toContainEqual({ code: '14047', name: 'Bayeux', departement: '14' });
    const single = (await contacts({ postalCode: '14000', topic: 'handicap' }).expect(200)).body;
    expect(single).toMatchObject({ commune: { code: '14118' }, team: { code: 'CAS-CAEN' } });
  });

  it('finds a commune by its name as people type it, lists homonyms, names an unknown one', async () => {
    const bayeux = (await contacts({ communeName: 'bayeux', topic: 'autonomie' }).expect(200)).body;
    expect(bayeux).toMatchObject({
      commune: { code: '14047', name: 'Bayeux' },
      team: { code: 'CAS-BESSIN' },
    });
    const accents = (await contacts({ communeName: 'douvres la delivrande', topic: 'autonomie' }).expect(200))
      .body;
    expect(accents.commune.name).toBe('Douvres-la-Délivrande');
    const unknown = (await contacts({ communeName: 'Atlantis', topic: 'autonomie' }).expect(400)).body;
    expect(unknown.error.details).toEqual([
      { field: 'communeName', reason: expect.stringContaining('« Atlantis »') as unknown },
    ]);
  });

  it('lists the topics one may ask about, with their French labels', async () => {
    const topics = (await request(routing.service.url).get('/api/contacts/topics').expect(200)).body;
    expect(topics.items).toContainEqual({ code: 'autonomie', label: 'Autonomie des personnes âgées (APA)' });
    expect(topics.items).toHaveLength(5);
  });

  it('refuses an unknown commune or topic with a 400 naming it (and the accepted topics)', async () => {
    const commune = (await contacts({ commune: '14999', topic: 'autonomie' }).expect(400)).body;
    expect(commune.error.details).toEqual([expect.objectContaining({ field: 'commune' })]);
    const topic = (await contacts({ commune: '14047', topic: 'jardinage' }).expect(400)).body;
    expect(topic.error.details[0].field).toBe('topic');
    expect(topic.error.details[0].reason).toContain('enfance-famille');
    const none = (await contacts({ topic: 'autonomie' }).expect(400)).body;
    expect(none.error.details[0].field).toBe('commune');
  });

  it('a CSV import changes routing; a bad CSV changes nothing and names its line', async () => {
    const before = await exportRules();
    expect(before.split('\n')[0]).toBe('sujet,zone,code_zone,equipe');

    const bad = `${before}autonomie,commune,14047,CAS-CAEN\nautonomie,commune,14047,CAS-BESSIN\n`;
    const refused = (await importRules(bad).expect(400)).body;
    const lastLine = bad.trimEnd().split('\n').length;
    expect(refused.error.details).toEqual([
      { field: `ligne ${lastLine}`, reason: `même sujet et même zone que la ligne ${lastLine - 1}` },
    ]);
    expect(await exportRules()).toBe(before);
    expect((await contacts({ commune: '14047', topic: 'autonomie' }).expect(200)).body.team.code).toBe(
      'CAS-BESSIN',
    );

    await importRules(`${before}autonomie,commune,14047,CAS-CAEN\n`).expect(200);
    const after = (await contacts({ commune: '14047', topic: 'autonomie' }).expect(200)).body;
    expect(after).toMatchObject({ team: { code: 'CAS-CAEN' } });
    expect(after.reason).toContain('commune de Bayeux');
    const file = await submitFile(routing, { procedure: 'apa', communeInsee: '14047' });
    await eventually(async () =>
      expect(await routing.events(SUBJECTS.applicationRouted, file.id)).toHaveLength(1),
    );
    expect((await routing.events(SUBJECTS.applicationRouted, file.id))[0].payload).toMatchObject({
      teamCode: 'CAS-CAEN',
    });
    await importRules(before).expect(200);
  });

  it('saves a team and announces it; the admin API refuses others', async () => {
    const team = {
      name: 'Maison des solidarités de Honfleur',
      kind: 'territorial_office',
      contact: { name: 'MDS Honfleur', email: 'mds.honfleur@calvados.fr', phone: '02 31 00 00 99' },
    };
    await request(routing.service.url)
      .put('/api/directory/teams/MDS-HONFLEUR')
      .set('Authorization', admin)
      .send(team)
      .expect(200);
    await eventually(async () => {
      const events = await routing.events(SUBJECTS.directoryTeamUpdated);
      expect(events.map((event) => event.payload)).toContainEqual({
        code: 'MDS-HONFLEUR',
        name: team.name,
        email: 'mds.honfleur@calvados.fr',
      });
    });
    const invalid = (
      await request(routing.service.url)
        .put('/api/directory/agents/agent-x')
        .set('Authorization', admin)
        .send({ displayName: 'X', teamCodes: ['NOPE'] })
        .expect(400)
    ).body;
    expect(invalid.error.details[0]).toMatchObject({ field: 'teamCodes' });

    const agent = await bearer('agent', { sub: 'agent-cas-bessin', teams: ['CAS-BESSIN'] });
    await request(routing.service.url)
      .get('/api/directory/rules.csv')
      .set('Authorization', agent)
      .expect(403);
    await request(routing.service.url)
      .put('/api/directory/teams/X1')
      .set('Authorization', agent)
      .send(team)
      .expect(403);
    await request(routing.service.url).get('/api/directory/rules.csv').expect(401);
  });
});
