import { type DynamicModule, type INestApplication, Module } from '@nestjs/common';
import { DeadLetterReplayer } from './dead-letters/dead-letter-replayer.js';
import { DeadLetterStore } from './dead-letters/dead-letter.store.js';
import { deadLettersController } from './dead-letters/dead-letters.controller.js';
import { MessagingHousekeeping } from './housekeeping/messaging-housekeeping.js';
import { Inbox } from './inbox/inbox.js';
import { JetStreamServer } from './jetstream/jetstream.server.js';
import type { MessagingConfig } from './messaging.config.js';
import { MESSAGING_CONFIG, MESSAGING_SCHEMA } from './messaging.tokens.js';
import { Outbox } from './outbox/outbox.js';
import { WaitingEvents } from './waiting/waiting-events.js';
import { OutboxRelay } from './outbox/outbox-relay.js';

export interface MessagingDefinition {
  name: string;
  schema: string;
  config: MessagingConfig;
}

/** The event backbone of one service: outbox + relay, inbox, JetStream consumers, dead letters and their API. */
@Module({})
export class MessagingModule {
  static forService(definition: MessagingDefinition): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      controllers: [deadLettersController(definition.name)],
      providers: [
        { provide: MESSAGING_SCHEMA, useValue: definition.schema },
        { provide: MESSAGING_CONFIG, useValue: definition.config },
        Outbox,
        Inbox,
        OutboxRelay,
        DeadLetterStore,
        WaitingEvents,
        DeadLetterReplayer,
        JetStreamServer,
        MessagingHousekeeping,
      ],
      exports: [
        Outbox,
        Inbox,
        OutboxRelay,
        JetStreamServer,
        DeadLetterStore,
        MessagingHousekeeping,
        MESSAGING_CONFIG,
        MESSAGING_SCHEMA,
      ],
    };
  }
}

/** Attaches the JetStream consumers to a built app and starts them (after every module is initialised). */
export async function startEventConsumers(app: INestApplication): Promise<void> {
  app.connectMicroservice({ strategy: app.get(JetStreamServer) }, { inheritAppConfig: true });
  await app.startAllMicroservices();
}
