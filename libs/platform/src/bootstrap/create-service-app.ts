import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { correlationMiddleware } from '../context/index.js';

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
  const app = await NestFactory.create(module, { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  app.use(correlationMiddleware);
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(description.title)
      .setDescription(description.description)
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup(docsPath(description.name), app, document, {
    jsonDocumentUrl: `${docsPath(description.name)}/openapi.json`,
  });
  return app;
}
