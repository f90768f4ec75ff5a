import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  await globalThis.__GUICHET_POSTGRES__?.stop();
  if (globalThis.__GUICHET_POSTGRES_DIR__)
    rmSync(globalThis.__GUICHET_POSTGRES_DIR__, { recursive: true, force: true });
}
