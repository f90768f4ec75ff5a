import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  type ApplicationRetentionDueV1,
  type CheckConclusionAnsweredV1,
  type CheckEvidenceReceivedV1,
  type EventEnvelope,
  SUBJECTS,
} from '#domain';
import { EventContext, Inbox, OnEvent } from '#messaging';
import { anonymiseControlOf } from './case-retention.js';
import { CasesService } from './cases.service.js';

/** The citizen's side of a control, through intake: thin handlers, effectively once through the inbox. */
@Controller()
export class CaseEvents {
  constructor(
    private readonly inbox: Inbox,
    private readonly cases: CasesService,
  ) {}

  @OnEvent(SUBJECTS.checkEvidenceReceived)
  async evidenceReceived(
    @Payload() event: EventEnvelope<CheckEvidenceReceivedV1>,
    @Ctx() context: EventContext,
  ) {
    await this.inbox.once(context, event, (manager) => this.cases.onEvidenceReceived(manager, event));
  }

  @OnEvent(SUBJECTS.checkConclusionAnswered)
  async conclusionAnswered(
    @Payload() event: EventEnvelope<CheckConclusionAnsweredV1>,
    @Ctx() context: EventContext,
  ) {
    await this.inbox.once(context, event, (manager) => this.cases.onConclusionAnswered(manager, event));
  }

  @OnEvent(SUBJECTS.applicationRetentionDue)
  async retentionDue(
    @Payload() event: EventEnvelope<ApplicationRetentionDueV1>,
    @Ctx() context: EventContext,
  ) {
    await this.inbox.once(context, event, (manager) => anonymiseControlOf(manager, event.payload));
  }
}
