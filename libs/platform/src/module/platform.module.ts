import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { NatsConnection } from '@nats-io/transport-node';
import { AuthGuard, TokenVerifier } from '../auth/index.js';
import { Clock, SystemClock } from '../clock/index.js';
import type { ServiceConfig } from '../config/index.js';
import { dataSourceOptions, openServiceDataSource, type ServiceDatabaseOptions } from '../database/index.js';
import { AllExceptionsFilter, createValidationPipe } from '../errors/index.js';
import { HealthController } from '../health/index.js';
import { connectNats, NATS_CONNECTION } from '../nats/index.js';

export interface ServiceDefinition {
  /** Short name of the service: `intake`, `routing`, `checks`, `notifications`. */
  name: string;
  config: ServiceConfig;
  database: ServiceDatabaseOptions;
}

export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
export const SERVICE_NAME = Symbol('SERVICE_NAME');

class NatsConnectionCloser implements OnApplicationShutdown {
  constructor(@Inject(NATS_CONNECTION) private readonly connection: NatsConnection) {}

  async onApplicationShutdown(): Promise<void> {
    if (!this.connection.isClosed()) await this.connection.drain().catch(() => this.connection.close());
  }
}

/**
 * What every service gets from the platform, in one import: configuration, JSON logs, its PostgreSQL schema
 * with migrations, the NATS connection, health endpoints, authentication, the error format and validation.
 */
@Module({})
export class PlatformModule {
  static forService(definition: ServiceDefinition): DynamicModule {
    const { config, name } = definition;
    return {
      module: PlatformModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            ...dataSourceOptions(
              config.DATABASE_URL,
              definition.database,
              `guichet-${name}`,
              config.DATABASE_POOL_SIZE,
            ),
            retryAttempts: 0,
          }),
          dataSourceFactory: async (options) => {
            if (!options) throw new Error('Missing data source options');
            return openServiceDataSource(config.DATABASE_URL, definition.database.schema, options);
          },
        }),
        TerminusModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: SERVICE_NAME, useValue: name },
        {
          provide: TokenVerifier,
          useValue: TokenVerifier.fromConfig(config),
        },
        {
          provide: NATS_CONNECTION,
          useFactory: () =>
            connectNats(config.NATS_URL, `guichet-${name}`, config.CONNECT_TIMEOUT_SECONDS * 1000),
        },
        NatsConnectionCloser,
        { provide: Clock, useClass: SystemClock },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
      exports: [SERVICE_CONFIG, SERVICE_NAME, NATS_CONNECTION, TokenVerifier, Clock],
    };
  }
}
