import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

/** The benchmark's baseline: a bare Nest hello-world on the same Nest/express stack, without the platform. */
@Controller()
class HelloController {
  @Get()
  hello(): { hello: string } {
    return { hello: 'world' };
  }
}

@Module({ controllers: [HelloController] })
class HelloModule {}

const app = await NestFactory.create(HelloModule, { logger: false });
await app.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
