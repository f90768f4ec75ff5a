import pg from 'pg';
import request from 'supertest';
import { SUBJECTS } from '#domain';
import { eventually } from '#testing';
import { v7 as uuidv7 } from 'uuid';
import { validApaFormData } from '../src/procedures/apa/apa.fixtures.js';
import { citizen, expectStatus, type IntakeUnderTest, staff, startIntake } from './intake.harness.js';

const BAYEUX = {
  name: 'Circonscription d’action sociale de Bayeux',
  phone: '02 31 51 00 00',
  email: 'cas.bayeux@calvados.fr',
  address: '10 rue de la Juridiction, 14400 Bayeux',
};

describe('intake: the owning team reads a file, every read logged and shown to the citizen (PostgreSQL + NATS)', () => {
  let intake: IntakeUnderTest;
  let jeanne: ReturnType<typeof citizen>;

  /** An APA file filed by Jeanne and routed to the Bayeux office; returns its id once intake knows the team. */
  async function routedFile(): Promise<string> {
    const id: string = (await jeanne.createDraft('apa', validApaFormData())).body.id;
    await jeanne.submit(id).then(expectStatus(201));
    const routed = await intake.send(SUBJECTS.applicationRouted, id, {
      applicationId: id,
      teamCode: 'CTS-BAYEUX',
      contact: BAYEUX,
      reason: 'règle APA du Bessin',
    });
    await intake.send(SUBJECTS.applicationRouted, id, routed.payload as never); // another event id, same routing
    await eventually(async () => expect((await jeanne.get(id)).body.handling.team?.code).toBe('CTS-BAYEUX'));
    return id;
  }

  beforeAll(async () => {
    intake = await startIntake('staff-access');
    jeanne = citizen(intake.service.url, 'citizen-jeanne-staff');
  });

  afterAll(async () => {
    await intake?.stop();
  });

  it('keeps the owning team on the file and shows it, with its public contact, in the timeline', async () => {
    const id = await routedFile();
    const file = (await jeanne.get(id)).body;
    expect(file.status).toBe('in_review');
    expect(file.handling.team).toEqual({ code: 'CTS-BAYEUX', contact: BAYEUX });
    const routedLines = ((await jeanne.timeline(id)).body.items as { kind: string; text: string }[]).filter(
      (item) => item.kind === 'routed',
    );
    expect(routedLines.length).toBeGreaterThanOrEqual(1);
    expect(routedLines[0].text).toContain(
      'Votre demande est suivie par Circonscription d’action sociale de Bayeux',
    );
    expect(routedLines[0].text).toContain('02 31 51 00 00');
    expect(routedLines[0].text).toContain('cas.bayeux@calvados.fr');
  });

  it('lets an agent of the owning team read the complete form, logs it, and shows it to the citizen', async () => {
    const id = await routedFile();
    const agent = staff(intake.service.url, 'agent', 'agent-marie', ['CTS-BAYEUX']);
    const read = await agent.content(id, 'instruction').then(expectStatus(200));
    expect(read.body.data).toEqual(validApaFormData());
    expect(read.body.access).toMatchObject({ role: 'agent', team: 'CTS-BAYEUX', purpose: 'instruction' });

    const admin = staff(intake.service.url, 'admin', 'admin-1');
    const log = await admin.accessLog({ applicationId: id }).then(expectStatus(200));
    expect(log.body.total).toBe(1);
    expect(log.body.items[0]).toMatchObject({
      applicationId: id,
      actor: { subject: 'agent-marie', role: 'agent', team: 'CTS-BAYEUX' },
      purpose: 'instruction',
    });
    const byActor = await admin.accessLog({ actor: 'agent-marie', pageSize: 1 }).then(expectStatus(200));
    expect(byActor.body).toMatchObject({ page: 1, pageSize: 1 });
    expect(byActor.body.items).toHaveLength(1);
    const future = await admin
      .accessLog({ applicationId: id, from: '2099-01-01T00:00:00Z' })
      .then(expectStatus(200));
    expect(future.body.total).toBe(0);

    // The log is append-only: a line cannot be changed afterwards.
    const client = new pg.Client({ connectionString: intake.databaseUrl });
    await client.connect();
    try {
      await expect(
        client.query("UPDATE intake.access_log SET purpose = 'control' WHERE application_id = $1", [id]),
      ).rejects.toThrow(/append-only/);
    } finally {
      await client.end();
    }

    const accesses = await jeanne.accesses(id).then(expectStatus(200));
    expect(accesses.body.items).toHaveLength(1);
    const [seen] = accesses.body.items;
    expect(seen).toMatchObject({ team: 'CTS-BAYEUX', role: 'agent', purpose: 'instruction' });
    expect(seen.text).toMatch(
      /^Le \d{1,2}(er)? \p{L}+ \d{4} à \d{2}:\d{2}, un agent instructeur de l’équipe « Circonscription d’action sociale de Bayeux » a consulté votre dossier pour : instruction de la demande\.$/u,
    );
    expect(JSON.stringify(accesses.body)).not.toContain('agent-marie'); // the role, never the person
  });

  it('refuses another team’s agent (403) and logs nothing; 404 for an unknown file; 400 without a purpose', async () => {
    const id = await routedFile();
    const other = staff(intake.service.url, 'agent', 'agent-paul', ['CTS-CAEN']);
    const refused = await other.content(id, 'instruction').then(expectStatus(403));
    expect(refused.body.error.code).toBe('APPLICATION_OF_ANOTHER_TEAM');
    await other.content(uuidv7(), 'instruction').then(expectStatus(404));

    const agent = staff(intake.service.url, 'agent', 'agent-marie', ['CTS-BAYEUX']);
    const missing = await agent.content(id).then(expectStatus(400));
    expect(missing.body.error.details).toEqual([expect.objectContaining({ field: 'purpose' })]);
    const unknown = await agent.content(id, 'curiosity').then(expectStatus(400));
    expect(unknown.body.error.details[0].field).toBe('purpose');

    // A citizen cannot read through the staff door, and staff cannot see the citizen's view of accesses.
    await staff(intake.service.url, 'citizen', 'citizen-jeanne-staff')
      .content(id, 'instruction')
      .then(expectStatus(403));
    await staff(intake.service.url, 'agent', 'agent-marie', ['CTS-BAYEUX'])
      .accessLog()
      .then(expectStatus(403));

    const log = await staff(intake.service.url, 'admin', 'admin-1').accessLog({ applicationId: id });
    expect(log.body.total).toBe(0);
    expect((await jeanne.accesses(id)).body.items).toEqual([]);
  });

  it('records the team even when the decision overtook the routing event (subjects are not ordered)', async () => {
    const id: string = (await jeanne.createDraft('apa', validApaFormData())).body.id;
    await jeanne.submit(id).then(expectStatus(201));
    await intake.send(SUBJECTS.applicationDecided, id, {
      applicationId: id,
      outcome: 'granted',
      reason: 'Plan d’aide accepté.',
      decidedAt: new Date().toISOString(),
      remedies: 'Recours administratif préalable auprès du président du conseil départemental.',
    });
    await eventually(async () => expect((await jeanne.get(id)).body.status).toBe('granted'));
    await intake.send(SUBJECTS.applicationRouted, id, {
      applicationId: id,
      teamCode: 'CTS-BAYEUX',
      contact: BAYEUX,
      reason: 'règle APA du Bessin',
    });
    await eventually(async () => expect((await jeanne.get(id)).body.handling.team?.code).toBe('CTS-BAYEUX'));
    expect((await jeanne.get(id)).body.status).toBe('granted');
    await staff(intake.service.url, 'agent', 'agent-marie', ['CTS-BAYEUX'])
      .content(id, 'appeal')
      .then(expectStatus(200));
  });

  it('refuses staff while the file has not been routed yet', async () => {
    const id: string = (await jeanne.createDraft('apa', validApaFormData())).body.id;
    const agent = staff(intake.service.url, 'supervisor', 'sup-1', ['CTS-BAYEUX']);
    await agent.content(id, 'instruction').then(expectStatus(404)); // a draft is not a filed request
    await jeanne.submit(id).then(expectStatus(201));
    const refused = await agent.content(id, 'instruction').then(expectStatus(403));
    expect(refused.body.error.code).toBe('APPLICATION_NOT_ROUTED');
  });

  it('answers 400 on a malformed access-log query', async () => {
    const admin = staff(intake.service.url, 'admin', 'admin-1');
    const bad = await admin.accessLog({ from: 'yesterday', pageSize: 0 }).then(expectStatus(400));
    const fields = (bad.body.error.details as { field: string }[]).map((detail) => detail.field).sort();
    expect(fields).toEqual(['from', 'pageSize']);
  });

  it('documents the new operations in OpenAPI: bearer security and error answers in the platform format', async () => {
    const document = (await request(intake.service.url).get('/docs/intake/openapi.json').expect(200))
      .body as {
      paths: Record<
        string,
        Record<string, { security?: unknown[]; responses: Record<string, { content?: object }> }>
      >;
      components: { schemas: Record<string, unknown> };
    };
    const operations: [string, string, string[]][] = [
      ['/api/applications/{id}/content', 'get', ['400', '401', '403', '404']],
      ['/api/applications/{id}/accesses', 'get', ['401', '403', '404']],
      ['/api/access-log', 'get', ['400', '401', '403']],
      ['/api/applications/{id}/care-plan/answer', 'post', ['400', '401', '403', '404', '409']],
    ];
    for (const [path, method, errors] of operations) {
      const operation = document.paths[path]?.[method];
      expect({ path, security: operation?.security }).toEqual({ path, security: [{ bearer: [] }] });
      for (const status of errors) {
        expect(JSON.stringify(operation?.responses[status]?.content)).toContain(
          '#/components/schemas/ApiErrorBody',
        );
      }
    }
    expect(document.components.schemas.ApiErrorBody).toBeDefined();
  });

  it('lets an auditor read a file only while a control is open on it', async () => {
    const id = await routedFile();
    const auditor = staff(intake.service.url, 'auditor', 'auditeur-claire');
    const refused = (await auditor.content(id, 'control').then(expectStatus(403))).body;
    expect(refused.error.code).toBe('NO_OPEN_CONTROL');
    const checkId = uuidv7();
    await intake.send(SUBJECTS.checkOpened, id, {
      checkId,
      applicationId: id,
      campaign: 'campagne-2026',
      probability: 1,
      draw: 0.2,
      factors: {},
    });
    await eventually(async () => expectStatus(200)(await auditor.content(id, 'control')));
    const log = (await staff(intake.service.url, 'admin', 'admin-1').accessLog({ applicationId: id })).body;
    expect(JSON.stringify(log)).toContain('auditeur-claire');
  });
});
