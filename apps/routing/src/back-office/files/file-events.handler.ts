import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  type ApplicationCarePlanAnsweredV1,
  type ApplicationComplementedV1,
  type ApplicationDeadlineChangedV1,
  type ApplicationRetentionDueV1,
  type ApplicationSubmittedV1,
  type ApplicationWithdrawnV1,
  type EventEnvelope,
  SUBJECTS,
} from '#domain';
import { EventContext, Inbox, OnEvent } from '#messaging';
import { CarePlansService } from '../care-plans/care-plans.service.js';
import { purgeRoutingCopyOf } from './file-retention.js';
import { FileRoutingService } from './file-routing.service.js';

/** Intake's events about files, in routing: thin handlers, effectively once through the inbox. */
@Controller()
export class FileEventsHandler {
  constructor(
    private readonly inbox: Inbox,
    private readonly files: FileRoutingService,
    private readonly carePlans: CarePlansService,
  ) {}

  @OnEvent(SUBJECTS.applicationSubmitted)
  async submitted(@Payload() event: EventEnvelope<ApplicationSubmittedV1>, @Ctx() context: EventContext) {
    await this.inbox.once(context, event, (manager) => this.files.onSubmitted(manager, event));
  }

  @OnEvent(SUBJECTS.applicationWithdrawn)
  async withdrawn(@Payload() event: EventEnvelope<ApplicationWithdrawnV1>, @Ctx() context: EventContext) {
    await this.inbox.once(context, event, (manager) => this.files.onWithdrawn(manager, event));
  }

  @OnEvent(SUBJECTS.applicationComplemented)
  async complemented(
    @Payload() event: EventEnvelope<ApplicationComplementedV1>,
    @Ctx() context: EventContext,
  ) {
    await this.inbox.once(context, event, (manager) => this.files.onComplemented(manager, event));
  }

  @OnEvent(SUBJECTS.applicationDeadlineChanged)
  async deadlineChanged(
    @Payload() event: EventEnvelope<ApplicationDeadlineChangedV1>,
    @Ctx() context: EventContext,
  ) {
    await this.inbox.once(context, event, (manager) => this.files.onDeadlineChanged(manager, event));
  }

  @OnEvent(SUBJECTS.applicationCarePlanAnswered)
  async carePlanAnswered(
    @Payload() event: EventEnvelope<ApplicationCarePlanAnsweredV1>,
    @Ctx() context: EventContext,
  ) {
    await this.inbox.once(context, event, (manager) => this.carePlans.onAnswered(manager, event));
  }

  @OnEvent(SUBJECTS.applicationRetentionDue)
  async retentionDue(
    @Payload() event: EventEnvelope<ApplicationRetentionDueV1>,
    @Ctx() context: EventContext,
  ) {
    await this.inbox.once(context, event, (manager) => purgeRoutingCopyOf(manager, event.payload));
  }
}
