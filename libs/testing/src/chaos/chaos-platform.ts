import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, type LocalPostgres, startLocalPostgres } from '#local-infra';
import { type ServiceProcess, spawnServiceProcess } from '../service-process.js';
import { startTestSmtp, type TestSmtp } from '../test-smtp.js';
import { NatsNodes } from './nats-nodes.js';
import { PIPELINE_SERVICES, type PipelineService, Replica } from './replica-set.js';

export interface ChaosPlatformOptions {
  /** 1 nats-server, or a cluster of 3 with the stream at 3 replicas. */
  natsNodes: 1 | 3;
  /** Replicas of each service: the first is behind the edge; the others only consume and relay. */
  replicas: number;
  /** Services' LOG_LEVEL (default warn; a benchmark uses info, as production). */
  logLevel?: string;
}

/**
 * The platform of a fault run, every part its own process: PostgreSQL (its own, so that it can be restarted),
 * nats-server (one or three), an SMTP catcher, each service in `replicas` processes, and the edge in front of the
 * first replica of each. Retry settings are the production defaults: faults must be survived as in production.
 */
export class ChaosPlatform {
  private constructor(
    readonly postgresPort: number,
    private readonly postgresDir: string,
    private postgres: LocalPostgres,
    readonly databaseUrl: string,
    readonly nats: NatsNodes,
    readonly smtp: TestSmtp,
    readonly replicas: Replica[],
    readonly edge: ServiceProcess,
  ) {}

  static async start(options: ChaosPlatformOptions): Promise<ChaosPlatform> {
    const baseDir = mkdtempSync(join(tmpdir(), 'guichet-chaos-'));
    const postgresDir = join(baseDir, 'postgres');
    const postgresPort = await freePort();
    const postgres = await startLocalPostgres(postgresDir, postgresPort);
    const databaseUrl = await postgres.createDatabase('guichet');
    const nats = await NatsNodes.start(options.natsNodes, baseDir);
    const smtp = await startTestSmtp();
    const environment = (service: PipelineService) => () => ({
      DATABASE_URL: databaseUrl,
      NATS_URL: nats.url,
      NATS_STREAM_REPLICAS: String(options.natsNodes),
      EVENT_RETRY_BASE_MS: '1000',
      OUTBOX_POLL_MS: '1000',
      LOG_LEVEL: options.logLevel ?? 'warn',
      ...(service === 'notifications' ? { SMTP_URL: smtp.url } : {}),
    });
    const replicas = PIPELINE_SERVICES.flatMap((service) =>
      Array.from(
        { length: options.replicas },
        (_, index) => new Replica(service, `${service}-${index + 1}`, environment(service)),
      ),
    );
    // The first replicas create the schemas (migrations) one service at a time; the others join after.
    for (const replica of replicas.filter((_, index) => index % options.replicas === 0))
      await replica.start();
    await Promise.all(
      replicas.filter((_, index) => index % options.replicas !== 0).map((replica) => replica.start()),
    );
    const first = (service: PipelineService) =>
      replicas.find((replica) => replica.service === service) as Replica;
    const edge = await spawnServiceProcess('apps/edge/src/main.js', {
      INTAKE_URL: first('intake').url,
      ROUTING_URL: first('routing').url,
      CHECKS_URL: first('checks').url,
      NOTIFICATIONS_URL: first('notifications').url,
      // A load from one address: the door's budgets would refuse most of it.
      RATE_LIMIT_MULTIPLIER: '0',
    });
    return new ChaosPlatform(postgresPort, postgresDir, postgres, databaseUrl, nats, smtp, replicas, edge);
  }

  get url(): string {
    return this.edge.url;
  }

  /** PostgreSQL's process (or its wrapper): the server's processes are its descendants. */
  get postgresPid(): number | undefined {
    return this.postgres.pid;
  }

  /** Replicas not behind the edge: those a fault run may kill while the platform keeps serving. */
  get expendable(): Replica[] {
    const behindEdge = new Set(
      PIPELINE_SERVICES.map((service) => this.replicas.find((r) => r.service === service)),
    );
    return this.replicas.filter((replica) => !behindEdge.has(replica));
  }

  /** Stops PostgreSQL (fast shutdown: every connection cut) and starts it again on the same port and data. */
  async restartPostgres(): Promise<void> {
    await this.postgres.stop();
    this.postgres = await startLocalPostgres(this.postgresDir, this.postgresPort);
  }

  async stop(): Promise<void> {
    await this.edge.stop();
    await Promise.all(this.replicas.map((replica) => replica.stop()));
    await this.smtp.stop();
    await this.nats.stop();
    await this.postgres.stop();
  }
}
