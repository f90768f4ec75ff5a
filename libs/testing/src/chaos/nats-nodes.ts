import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { freePort, type LocalNats, startLocalNats, startLocalNatsClusterNode } from '#local-infra';

interface NodeSpec {
  name: string;
  port: number;
  clusterPort: number;
  storeDir: string;
}

/** One nats-server, or a cluster of three (JetStream on each), that a fault run can kill and start again. */
export class NatsNodes {
  private readonly running: (LocalNats | undefined)[];

  private constructor(
    private readonly specs: NodeSpec[],
    private readonly clustered: boolean,
  ) {
    this.running = specs.map(() => undefined);
  }

  static async start(count: 1 | 3, baseDir: string): Promise<NatsNodes> {
    const specs: NodeSpec[] = [];
    for (let index = 0; index < count; index += 1) {
      specs.push({
        name: `n${index + 1}`,
        port: await freePort(),
        clusterPort: await freePort(),
        storeDir: join(baseDir, `nats-n${index + 1}`),
      });
    }
    const nodes = new NatsNodes(specs, count > 1);
    await Promise.all(specs.map((_, index) => nodes.startNode(index)));
    return nodes;
  }

  /** Every node's address, as services take them (NATS_URL with commas). */
  get url(): string {
    return this.specs.map((spec) => `nats://127.0.0.1:${spec.port}`).join(',');
  }

  get size(): number {
    return this.specs.length;
  }

  /** Process ids of the nodes running now. */
  pids(): number[] {
    return this.running.flatMap((node) => (node?.process.pid ? [node.process.pid] : []));
  }

  nameOf(index: number): string {
    return this.specs[index].name;
  }

  async startNode(index: number): Promise<void> {
    const spec = this.specs[index];
    this.running[index] = this.clustered
      ? await startLocalNatsClusterNode({
          ...spec,
          routePorts: this.specs.filter((other) => other !== spec).map((other) => other.clusterPort),
        })
      : await startLocalNats(spec.storeDir, spec.port);
  }

  /** SIGKILL: the node's clients see the connection drop; its JetStream store stays on disk. */
  async kill(index: number): Promise<void> {
    const node = this.running[index];
    this.running[index] = undefined;
    if (!node) return;
    const exited = new Promise<void>((resolve) => node.process.once('exit', () => resolve()));
    node.process.kill('SIGKILL');
    await exited;
  }

  /** The index of the node that leads the stream (its replicas' leader), asked of any running node. */
  async streamLeader(stream = 'GUICHET'): Promise<number> {
    if (!this.clustered) return 0;
    const servers = this.specs
      .filter((_, index) => this.running[index])
      .map((spec) => `nats://127.0.0.1:${spec.port}`);
    const connection = await connect({ servers });
    try {
      const info = await (await jetstreamManager(connection)).streams.info(stream);
      const leader = this.specs.findIndex((spec) => spec.name === info.cluster?.leader);
      if (leader < 0) throw new Error(`stream ${stream} has no leader yet`);
      return leader;
    } finally {
      await connection.close();
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.running.map((node) => node?.stop()));
  }
}
