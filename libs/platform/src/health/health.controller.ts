import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  type HealthIndicatorResult,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import type { NatsConnection } from '@nats-io/transport-node';
import { Public } from '../auth/index.js';
import { NATS_CONNECTION } from '../nats/index.js';

/** `/health`: the process answers (liveness). `/ready`: PostgreSQL and NATS answer too (readiness). */
@ApiTags('santé')
@Controller()
@Public()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
  ) {}

  @Get('health')
  @HealthCheck()
  @ApiOperation({ operationId: 'liveness', summary: 'Vivant : le processus répond (sonde de vie)' })
  liveness() {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({
    operationId: 'readiness',
    summary: 'Prêt : PostgreSQL et NATS joignables (sonde de disponibilité)',
  })
  readiness() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 3_000 }),
      () => this.natsCheck(),
    ]);
  }

  private async natsCheck(): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check('nats');
    if (this.nats.isClosed()) return indicator.down({ message: 'connexion fermée' });
    try {
      await Promise.race([
        this.nats.flush(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('délai dépassé')), 3_000)),
      ]);
      return indicator.up({ server: this.nats.getServer() });
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}
