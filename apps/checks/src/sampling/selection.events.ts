import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  type ApplicationDecidedV1,
  type ApplicationSubmittedV1,
  type EventEnvelope,
  SUBJECTS,
} from '#domain';
import { EventContext, Inbox, OnEvent } from '#messaging';
import { SelectionService } from './selection.service.js';

/** Intake's and routing's events that drive selection: thin handlers, effectively once through the inbox. */
@Controller()
export class SelectionEvents {
  constructor(
    private readonly inbox: Inbox,
    private readonly selection: SelectionService,
  ) {}

  @OnEvent(SUBJECTS.applicationSubmitted)
  async submitted(@Payload() event: EventEnvelope<ApplicationSubmittedV1>, @Ctx() context: EventContext) {
    await this.inbox.once(context, event, (manager) => this.selection.onSubmitted(manager, event));
  }

  @OnEvent(SUBJECTS.applicationDecided)
  async decided(@Payload() event: EventEnvelope<ApplicationDecidedV1>, @Ctx() context: EventContext) {
    await this.inbox.once(context, event, (manager) => this.selection.onDecided(manager, event));
  }
}
