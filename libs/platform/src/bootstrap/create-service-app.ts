import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication, NestExpressBodyParserOptionsFor } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { ServiceConfig } from '../config/index.js';
import { correlationMiddleware, requestContextMiddleware } from '../context/index.js';
import {
  ApiErrorBody,
  completeApiContract,
  refuseDeepJson,
  refuseUnsafeBody,
  refuseUnreadableBody,
} from '../http/index.js';
import { createServiceLogger, httpLoggingMiddleware, ServiceLogger } from '../logging/index.js';
import { SERVICE_CONFIG } from '../module/index.js';

export interface ServiceDescription {
  name: string;
  title: string;
  description: string;
}

/** Where a service serves its OpenAPI page; the edge forwards `/docs/<service>` to it. */
export function docsPath(service: string): string {
  return `docs/${service}`;
}

/** Builds a service's Nest application the same way for production and for integration tests. */
export async function createServiceApp(
  module: DynamicModule,
  description: ServiceDescription,
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, {
    bufferLogs: true,
    abortOnError: false,
  });
  const config = app.get<ServiceConfig>(SERVICE_CONFIG);
  const logger = createServiceLogger(description.name, config.LOG_LEVEL, config.SERVICE_INSTANCE);
  app.useLogger(new ServiceLogger(logger));
  app.disable('x-powered-by');
  app.use(correlationMiddleware);
  app.use(httpLoggingMiddleware(logger));
  app.use(refuseUnreadableBody);
  // The body parsers, registered here rather than by Nest at init: before the request context, and the JSON one
  // refusing a too deep body before parsing it. Nest's type leaves `verify` out because it sets it itself for
  // `rawBody: true`, an option the platform does not use.
  const jsonOptions = { verify: refuseDeepJson(config.HTTP_BODY_MAX_DEPTH) };
  app.useBodyParser('json', jsonOptions as NestExpressBodyParserOptionsFor<'json'>);
  app.useBodyParser('urlencoded', { extended: true });
  // Files sent as CSV (the directory's rules): read as text, parsed by the endpoint with a CSV library.
  app.useBodyParser('text', { type: 'text/csv', limit: '5mb' });
  app.use(refuseUnsafeBody);
  app.use(requestContextMiddleware);
  app.enableShutdownHooks();
  const document = completeApiContract(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle(description.title)
        .setDescription(description.description)
        .setVersion('0.1.0')
        .setLicense('EUPL-1.2', 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12')
        .addServer(config.PUBLIC_BASE_URL, 'L’entrée HTTP de Guichet (edge)')
        .addBearerAuth()
        .build(),
      { extraModels: [ApiErrorBody] },
    ),
  );
  SwaggerModule.setup(docsPath(description.name), app, document, {
    jsonDocumentUrl: `${docsPath(description.name)}/openapi.json`,
  });
  return app;
}
