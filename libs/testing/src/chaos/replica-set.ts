import { type ServiceProcess, spawnServiceProcess } from '../service-process.js';

export const PIPELINE_SERVICES = ['intake', 'routing', 'checks', 'notifications'] as const;
export type PipelineService = (typeof PIPELINE_SERVICES)[number];

/** One replica of a service that can be killed and started again with the same environment. */
export class Replica {
  private current?: ServiceProcess;

  constructor(
    readonly service: PipelineService,
    readonly label: string,
    private readonly environment: () => Record<string, string>,
    private readonly port?: number,
  ) {}

  get process(): ServiceProcess | undefined {
    return this.current;
  }

  get url(): string {
    if (!this.current) throw new Error(`${this.label} is not running`);
    return this.current.url;
  }

  async start(): Promise<void> {
    this.current = await spawnServiceProcess(`apps/${this.service}/src/main.js`, this.environment(), {
      port: this.port,
    });
  }

  /** SIGKILL: no shutdown hook runs, messages in hand stay unacknowledged, a transaction in flight is lost. */
  async kill(): Promise<void> {
    const running = this.current;
    this.current = undefined;
    if (!running) return;
    running.process.kill('SIGKILL');
    await running.exited;
  }

  async stop(): Promise<void> {
    const running = this.current;
    this.current = undefined;
    await running?.stop();
  }
}
