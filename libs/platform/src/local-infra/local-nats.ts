import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { waitForPort } from './free-port.js';

function hasCommand(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes sure `nats-server` is on the PATH: installs the Debian package when the machine can (root + apt-get),
 * otherwise stops with what to do.
 */
export function ensureNatsServerInstalled(log: (line: string) => void = () => undefined): void {
  if (hasCommand('nats-server')) return;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && hasCommand('apt-get')) {
    log('nats-server absent : installation du paquet Debian nats-server (apt-get)…');
    execFileSync(
      'sh',
      ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nats-server'],
      {
        stdio: 'inherit',
      },
    );
    if (hasCommand('nats-server')) return;
  }
  throw new Error(
    'nats-server est introuvable. Installez-le (Debian/Ubuntu : sudo apt-get install -y nats-server ; ailleurs : https://docs.nats.io/running-a-nats-service/introduction/installation) ou définissez NATS_URL vers un serveur NATS avec JetStream.',
  );
}

export interface LocalNats {
  url: string;
  port: number;
  process: ChildProcess;
  stop: () => Promise<void>;
}

/** Starts a real nats-server with JetStream (file storage in `storeDir`) on the port given. */
export async function startLocalNats(storeDir: string, port: number): Promise<LocalNats> {
  ensureNatsServerInstalled();
  mkdirSync(storeDir, { recursive: true });
  const child = spawn('nats-server', ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', storeDir], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  });
  // Never outlive the process that started it (a test worker that ends, a runner that throws).
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`nats-server exited (code ${code}): ${output}`))),
  );
  await Promise.race([waitForPort(port, 15_000), exited]);
  exited.catch(() => undefined);
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
