import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';

export interface PrivateJwks {
  keys: Record<string, unknown>[];
}

function isPrivateJwks(value: unknown): value is PrivateJwks {
  if (typeof value !== 'object' || value === null || !('keys' in value)) return false;
  const keys = (value as { keys: unknown }).keys;
  return (
    Array.isArray(keys) && keys.length > 0 && keys.every((key) => typeof key === 'object' && key !== null)
  );
}

/**
 * The provider's signing keys, kept in `<dataDir>/jwks.json` (readable by the owner only): created at first start
 * (one RS256 key), read afterwards, so that tokens signed before a restart stay valid.
 */
export async function loadOrCreateSigningKeys(dataDir: string): Promise<PrivateJwks> {
  const file = join(dataDir, 'jwks.json');
  if (existsSync(file)) {
    const stored: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (!isPrivateJwks(stored)) throw new Error(`${file} ne contient pas de jeu de clés (JWKS)`);
    return stored;
  }
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  const jwks: PrivateJwks = {
    keys: [{ ...jwk, kid: await calculateJwkThumbprint(jwk), alg: 'RS256', use: 'sig' }],
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${JSON.stringify(jwks, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return jwks;
}
