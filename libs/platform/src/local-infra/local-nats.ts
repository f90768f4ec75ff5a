import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureCommand } from './debian-package.js';
import { waitForPort } from './free-port.js';

/**
 * Makes sure `nats-server` is on the PATH: installs the Debian package when the machine can (root + apt-get),
 * otherwise stops with what to do.
 */
export function ensureNatsServerInstalled(log: (line: string) => void = () => undefined): void {
  ensureCommand(
    {
      command: 'nats-server',
      debianPackage: 'nats-server',
      neededFor: "le bus d'événements local",
      otherwise:
        'ou, ailleurs, suivez https://docs.nats.io/running-a-nats-service/introduction/installation, ou définissez NATS_URL vers un serveur NATS avec JetStream',
    },
    log,
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
  mkdirSync(storeDir, { recursive: true });
  return spawnNatsServer(['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', storeDir], port);
}

/**
 * One node of a local NATS cluster (JetStream clustered: the stream's replicas on several nodes): its own name,
 * client port, store and cluster port, with routes to the other nodes' cluster ports.
 */
export async function startLocalNatsClusterNode(node: {
  name: string;
  port: number;
  clusterPort: number;
  routePorts: number[];
  storeDir: string;
}): Promise<LocalNats> {
  mkdirSync(node.storeDir, { recursive: true });
  const configFile = join(node.storeDir, `${node.name}.conf`);
  const routes = node.routePorts.map((port) => `nats-route://127.0.0.1:${port}`).join(', ');
  writeFileSync(
    configFile,
    [
      `server_name: ${node.name}`,
      `listen: 127.0.0.1:${node.port}`,
      `jetstream { store_dir: "${node.storeDir}" }`,
      `cluster { name: guichet, listen: 127.0.0.1:${node.clusterPort}, routes: [${routes}] }`,
    ].join('\n'),
  );
  return spawnNatsServer(['-c', configFile], node.port);
}

async function spawnNatsServer(args: string[], port: number): Promise<LocalNats> {
  ensureNatsServerInstalled();
  const child = spawn('nats-server', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  });
  // Never outlive the process that started it (a test worker that ends, a runner that throws).
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  const exited = new Promise<never>((_, reject) => {
    child.once('error', (error) =>
      reject(new Error(`nats-server n'a pas pu être lancé (${error.message}) : vérifiez son installation.`)),
    );
    child.once('exit', (code) =>
      reject(new Error(`nats-server s'est arrêté au démarrage (code ${code}) : ${output.trim()}`)),
    );
  });
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
