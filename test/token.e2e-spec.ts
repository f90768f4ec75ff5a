import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { DEV_AUTH_SECRET, TokenVerifier } from '#platform';

const run = promisify(execFile);
const script = resolve(process.cwd(), 'dist/scripts/token.js');

describe('npm run token (the compiled script)', () => {
  it('prints a token the services accept, with the role, subject and teams asked for', async () => {
    const { stdout } = await run(
      process.execPath,
      [script, 'agent', '--sub', 'agent-42', '--team', 'CTS-BAYEUX', '--team', 'APCR'],
      {
        env: { PATH: process.env.PATH },
      },
    );
    const verifier = new TokenVerifier({
      audience: 'guichet',
      environment: 'test',
      developmentSecret: DEV_AUTH_SECRET,
    });
    expect(await verifier.verify(stdout.trim())).toEqual({
      subject: 'agent-42',
      roles: ['agent'],
      teams: ['CTS-BAYEUX', 'APCR'],
    });
  });

  it('refuses an unknown role with its usage, and refuses to run in production', async () => {
    await expect(
      run(process.execPath, [script, 'mayor'], { env: { PATH: process.env.PATH } }),
    ).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Usage'),
    });
    await expect(
      run(process.execPath, [script, 'admin'], { env: { PATH: process.env.PATH, NODE_ENV: 'production' } }),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('NODE_ENV=production') });
  });
});
