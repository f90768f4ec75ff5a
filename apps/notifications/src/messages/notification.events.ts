import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  type ApplicationRetentionDueV1,
  type DirectoryAgentUpdatedV1,
  type DirectoryTeamUpdatedV1,
  type EventEnvelope,
  SUBJECTS,
} from '#domain';
import { type EventContext, Inbox, OnEvent } from '#messaging';
import { DeliveryWorker } from '../delivery/delivery-worker.js';
import { DirectoryCopy } from '../recipients/directory-copy.repository.js';
import { purgeMessagesOf } from '../retention/file-messages-retention.js';
import { EventNotifier } from './event-notifier.service.js';

/**
 * Every event of the catalogue that someone must hear of, and the directory's events (addresses). Thin and
 * effectively once: the inbox records the event with the message rows it creates; the worker sends them after.
 */
@Controller()
export class NotificationEventsHandler {
  constructor(
    private readonly inbox: Inbox,
    private readonly notifier: EventNotifier,
    private readonly directory: DirectoryCopy,
    private readonly worker: DeliveryWorker,
  ) {}

  @OnEvent(SUBJECTS.applicationSubmitted)
  submitted(@Payload() event: EventEnvelope<object>, @Ctx() context: EventContext): Promise<void> {
    return this.handle(context, event);
  }

  @OnEvent(SUBJECTS.applicationWithdrawn)
  withdrawn(@Payload() event: EventEnvelope<object>, @Ctx() context: EventContext): Promise<void> {
    return this.handle(context, event);
  }

  @OnEvent(SUBJECTS.applicationComplemented)
  complemented(@Payload() event: EventEnvelope<object>, @Ctx() context: EventContext): Promise<void> {
    return this.handle(context, event);
  }

  @OnEvent(SUBJECTS.applicationRouted)
  routed(@Payload() event: EventEnvelope<object>, @Ctx() context: EventContext): Promise<void> {
    return this.handle(context, event);
  }

  @OnEvent(SUBJECTS.applicationAssigned)
  assigned(@Payload() event: EventEnvelope<object>, @Ctx() context: EventContext): Promise<void> {
    return this.handle(context, event);
  }

  @OnEvent(SUBJECTS.applicationInfoRequested)
  infoRequested(@Payload() event: EventEnvelope<object>, @Ctx() context: EventContext): Promise<void> {
    return this.handle(context, event);
  }

  @OnEvent(SUBJECTS.applicationDecided)
  decided(@Payload() event: EventEnvelope<object>, @Ctx() context: EventContext): Promise<void> {
    return this.handle(context, event);
  }

  @OnEvent(SUBJECTS.applicationDeadlineChanged)
  deadlineChanged(@Payload() event: EventEnvelope<object>, @Ctx() context: EventContext): Promise<void> {
    return this.handle(context, event);
  }

  @OnEvent(SUBJECTS.applicationDeadlineApproaching)
  deadlineApproaching(@Payload() event: EventEnvelope<object>, @Ctx() context: EventContext): Promise<void> {
    return this.handle(context, event);
  }

  @OnEvent(SUBJECTS.applicationCarePlanProposed)
  carePlanProposed(@Payload() event: EventEnvelope<object>, @Ctx() context: EventContext): Promise<void> {
    return this.handle(context, event);
  }

  @OnEvent(SUBJECTS.applicationCarePlanAnswered)
  carePlanAnswered(@Payload() event: EventEnvelope<object>, @Ctx() context: EventContext): Promise<void> {
    return this.handle(context, event);
  }

  @OnEvent(SUBJECTS.checkOpened)
  checkOpened(@Payload() event: EventEnvelope<object>, @Ctx() context: EventContext): Promise<void> {
    return this.handle(context, event);
  }

  @OnEvent(SUBJECTS.checkEvidenceRequested)
  evidenceRequested(@Payload() event: EventEnvelope<object>, @Ctx() context: EventContext): Promise<void> {
    return this.handle(context, event);
  }

  @OnEvent(SUBJECTS.checkEvidenceReceived)
  evidenceReceived(@Payload() event: EventEnvelope<object>, @Ctx() context: EventContext): Promise<void> {
    return this.handle(context, event);
  }

  @OnEvent(SUBJECTS.checkEvidenceReminder)
  evidenceReminder(@Payload() event: EventEnvelope<object>, @Ctx() context: EventContext): Promise<void> {
    return this.handle(context, event);
  }

  @OnEvent(SUBJECTS.checkConclusionProposed)
  conclusionProposed(@Payload() event: EventEnvelope<object>, @Ctx() context: EventContext): Promise<void> {
    return this.handle(context, event);
  }

  @OnEvent(SUBJECTS.checkConclusionAnswered)
  conclusionAnswered(@Payload() event: EventEnvelope<object>, @Ctx() context: EventContext): Promise<void> {
    return this.handle(context, event);
  }

  @OnEvent(SUBJECTS.checkConcluded)
  checkConcluded(@Payload() event: EventEnvelope<object>, @Ctx() context: EventContext): Promise<void> {
    return this.handle(context, event);
  }

  @OnEvent(SUBJECTS.directoryTeamUpdated)
  async teamUpdated(
    @Payload() event: EventEnvelope<DirectoryTeamUpdatedV1>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.inbox.once(context, event, (manager) => this.directory.saveTeam(manager, event.payload));
  }

  @OnEvent(SUBJECTS.directoryAgentUpdated)
  async agentUpdated(
    @Payload() event: EventEnvelope<DirectoryAgentUpdatedV1>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.inbox.once(context, event, (manager) => this.directory.saveAgent(manager, event.payload));
  }

  @OnEvent(SUBJECTS.applicationRetentionDue)
  async retentionDue(
    @Payload() event: EventEnvelope<ApplicationRetentionDueV1>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.inbox.once(context, event, (manager) => purgeMessagesOf(manager, event.payload));
  }

  private async handle(context: EventContext, event: EventEnvelope<object>): Promise<void> {
    const handled = await this.inbox.once(context, event, (manager) => this.notifier.onEvent(manager, event));
    if (handled) this.worker.wake();
  }
}
