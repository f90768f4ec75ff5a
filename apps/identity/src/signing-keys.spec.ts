import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateSigningKeys } from './signing-keys.js';

describe('the signing keys of the local provider', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = join(mkdtempSync(join(tmpdir(), 'guichet-keys-')), 'identity');
  });

  afterEach(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));

  it('creates one private RS256 key at first start, readable by the owner only', async () => {
    const jwks = await loadOrCreateSigningKeys(dataDir);
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(jwks.keys[0]).toHaveProperty('d');
    expect(statSync(join(dataDir, 'jwks.json')).mode & 0o777).toBe(0o600);
  });

  it('reads the same keys after a restart, so that tokens already given stay valid', async () => {
    const first = await loadOrCreateSigningKeys(dataDir);
    const second = await loadOrCreateSigningKeys(dataDir);
    expect(second).toEqual(first);
  });
});
