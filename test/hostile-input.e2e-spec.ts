import fc from 'fast-check';
import { eventually, startTestSmtp, type TestSmtp } from '#testing';
import { apiHeaderOf } from './authorization/actors.js';
import { changedTables, databaseFingerprint, platformAtRest } from './hostile/database-fingerprint.js';
import { type HostileRequest, hostileRequests } from './hostile/hostile-requests.js';
import { contractOperations, type Operation } from './hostile/operations.js';
import { apaFiledInCaen } from './support/files.js';
import { type RunningPlatform, startPlatform } from './support/platform.js';

/** At least this many generated requests in all (issue « Security and privacy »: ≥ 10 000 in `npm test`). */
const TOTAL_CASES = Number(process.env.HOSTILE_CASES ?? 10_400);
/** Cases for each operation without a body (strange path parameters and queries). */
const CASES_PER_ADDRESS_ONLY_OPERATION = 20;
const NOTHING = '00000000-0000-4000-8000-000000000000';

interface Answer {
  status: number;
  body: string;
}

function inErrorFormat(answer: Answer): boolean {
  try {
    const body = JSON.parse(answer.body) as {
      error?: { code?: unknown; message?: unknown; details?: unknown };
    };
    return (
      typeof body.error?.code === 'string' &&
      typeof body.error.message === 'string' &&
      Array.isArray(body.error.details)
    );
  } catch {
    return false;
  }
}

/**
 * Hostile input at the door: every operation of the four contracts receives generated requests no correct client
 * sends (fast-check). Each answer must be a 4xx in the error format (a 2xx only for a read that ignores a strange
 * query), never a 5xx; the services stay up; and the database is unchanged after each operation's run.
 */
describe('hostile input: generated bad requests to every operation', () => {
  let platform: RunningPlatform;
  let smtp: TestSmtp;
  let applicationId: string;
  // Every operation but those with nothing hostile to send: health probes, and actions with neither body nor
  // parameter (replaying all dead letters).
  const operations = contractOperations(process.cwd()).filter(
    (operation) =>
      !/^\/(health|ready)$/.test(operation.path) &&
      (operation.mediaType !== undefined || operation.method === 'GET' || /\{\w+\}/.test(operation.path)),
  );
  const tally = new Map<string, number>();

  beforeAll(async () => {
    smtp = await startTestSmtp();
    platform = await startPlatform('hostile-input', { smtpUrl: smtp.url });
    ({ id: applicationId } = await apaFiledInCaen(platform.url));
    // The filing's consequences (routing copy, e-mails) are all done, and nothing moves, before the first fingerprint.
    let previous = new Map<string, string>();
    await eventually(
      async () => {
        const now = await databaseFingerprint(platform.databaseUrl);
        const still = changedTables(previous, now).length === 0;
        previous = now;
        expect(still && (await platformAtRest(platform.databaseUrl))).toBe(true);
      },
      90_000,
      1_000,
    );
  });

  afterAll(async () => {
    process.stdout.write(
      `Requêtes hostiles par genre : ${JSON.stringify(Object.fromEntries([...tally].sort()))}\n` +
        `Total : ${[...tally.values()].reduce((sum, count) => sum + count, 0)}\n`,
    );
    await platform?.stop();
    await smtp?.stop();
  });

  function urlOf(operation: Operation, request: HostileRequest): string {
    const path = operation.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
      if (request.pathParameter !== undefined) return request.pathParameter;
      if (name === 'id' || name === 'applicationId') {
        return operation.path.startsWith('/api/checks/cases') ? NOTHING : applicationId;
      }
      return { procedure: 'apa', code: 'CAS-CAEN', subject: 'agent-cas-caen' }[name] ?? NOTHING;
    });
    return `${platform.url}${path}${request.query ? `?${request.query}` : ''}`;
  }

  async function send(operation: Operation, request: HostileRequest): Promise<Answer> {
    const response = await fetch(urlOf(operation, request), {
      method: operation.method,
      headers: {
        ...(await apiHeaderOf(operation.actor)),
        ...(request.contentType ? { 'content-type': request.contentType } : {}),
      },
      body: operation.method === 'GET' ? undefined : request.body,
    });
    return { status: response.status, body: await response.text() };
  }

  it('puts every operation of the contracts under test', () => {
    expect(operations.filter((operation) => operation.mediaType).length).toBeGreaterThanOrEqual(26);
    expect(operations.length).toBeGreaterThanOrEqual(65);
  });

  it(`answers ${TOTAL_CASES} generated bad requests with 4xx in the error format, no 5xx, nothing written`, async () => {
    const bodyTaking = operations.filter((operation) => operation.mediaType);
    const others = operations.filter((operation) => !operation.mediaType);
    // Most cases go to the operations that take a body.
    const perBodyOperation = Math.ceil(
      (TOTAL_CASES - CASES_PER_ADDRESS_ONLY_OPERATION * others.length) / bodyTaking.length,
    );
    const failures: string[] = [];
    for (const operation of [...bodyTaking, ...others]) {
      const before = await databaseFingerprint(platform.databaseUrl);
      const reads = operation.method === 'GET';
      await fc.assert(
        fc.asyncProperty(hostileRequests(operation), async (request) => {
          tally.set(request.kind, (tally.get(request.kind) ?? 0) + 1);
          const answer = await send(operation, request);
          const refused = answer.status >= 400 && answer.status < 500 && inErrorFormat(answer);
          const harmlessRead = reads && answer.status >= 200 && answer.status < 300;
          if (!refused && !harmlessRead) {
            const sent = JSON.stringify(
              request.body?.toString('utf8').slice(0, 160) ?? request.pathParameter?.slice(0, 60),
            );
            failures.push(
              `${operation.method} ${operation.path} (${request.kind}): ${answer.status} ${answer.body.slice(0, 120)} ← ${sent}`,
            );
          }
          // Every case runs: the failures are all listed below, rather than the first one shrunk.
          return true;
        }),
        { numRuns: operation.mediaType ? perBodyOperation : CASES_PER_ADDRESS_ONLY_OPERATION },
      );
      const changed = changedTables(before, await databaseFingerprint(platform.databaseUrl));
      if (changed.length > 0)
        failures.push(`${operation.method} ${operation.path} wrote to ${changed.join(', ')}`);
    }
    expect(failures).toEqual([]);
    expect([...tally.values()].reduce((sum, count) => sum + count, 0)).toBeGreaterThanOrEqual(TOTAL_CASES);
    // Nothing crashed: every service still answers.
    for (const service of Object.values(platform.services)) {
      expect((await fetch(`${service.url}/health`)).status).toBe(200);
    }
    // Ten thousand requests take one to two minutes alone, more on a busy machine.
  }, 900_000);
});
