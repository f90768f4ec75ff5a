import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  type ApplicationAssignedV1,
  type ApplicationCarePlanProposedV1,
  type ApplicationDecidedV1,
  type ApplicationInfoRequestedV1,
  type ApplicationRoutedV1,
  type CheckConcludedV1,
  type CheckConclusionProposedV1,
  type CheckEvidenceRequestedV1,
  type CheckOpenedV1,
  type EventEnvelope,
  SUBJECTS,
} from '#domain';
import { EventContext, Inbox, OnEvent } from '#messaging';
import { ApplicationFollowUp } from './application-follow-up.service.js';
import { CheckFollowUp } from './check-follow-up.service.js';

/** Handlers of the other services' events about files: thin, effectively once through the inbox. */
@Controller()
export class ApplicationEventsHandler {
  constructor(
    private readonly inbox: Inbox,
    private readonly followUp: ApplicationFollowUp,
    private readonly checks: CheckFollowUp,
  ) {}

  @OnEvent(SUBJECTS.applicationRouted)
  async routed(
    @Payload() event: EventEnvelope<ApplicationRoutedV1>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.inbox.once(context, event, (manager) => this.followUp.onRouted(manager, event));
  }

  @OnEvent(SUBJECTS.applicationAssigned)
  async assigned(
    @Payload() event: EventEnvelope<ApplicationAssignedV1>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.inbox.once(context, event, (manager) => this.followUp.onAssigned(manager, event));
  }

  @OnEvent(SUBJECTS.applicationInfoRequested)
  async infoRequested(
    @Payload() event: EventEnvelope<ApplicationInfoRequestedV1>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.inbox.once(context, event, (manager) => this.followUp.onInfoRequested(manager, event));
  }

  @OnEvent(SUBJECTS.applicationDecided)
  async decided(
    @Payload() event: EventEnvelope<ApplicationDecidedV1>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.inbox.once(context, event, (manager) => this.followUp.onDecided(manager, event));
  }

  @OnEvent(SUBJECTS.applicationCarePlanProposed)
  async carePlanProposed(
    @Payload() event: EventEnvelope<ApplicationCarePlanProposedV1>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.inbox.once(context, event, (manager) => this.followUp.onCarePlanProposed(manager, event));
  }

  @OnEvent(SUBJECTS.checkOpened)
  async checkOpened(
    @Payload() event: EventEnvelope<CheckOpenedV1>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.inbox.once(context, event, (manager) => this.checks.onCheckOpened(manager, event));
  }

  @OnEvent(SUBJECTS.checkEvidenceRequested)
  async evidenceRequested(
    @Payload() event: EventEnvelope<CheckEvidenceRequestedV1>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.inbox.once(context, event, (manager) => this.checks.onEvidenceRequested(manager, event));
  }

  @OnEvent(SUBJECTS.checkConclusionProposed)
  async conclusionProposed(
    @Payload() event: EventEnvelope<CheckConclusionProposedV1>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.inbox.once(context, event, (manager) => this.checks.onConclusionProposed(manager, event));
  }

  @OnEvent(SUBJECTS.checkConcluded)
  async checkConcluded(
    @Payload() event: EventEnvelope<CheckConcludedV1>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.inbox.once(context, event, (manager) => this.checks.onCheckConcluded(manager, event));
  }
}
