import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type CheckConcludedV1,
  type CheckConclusionProposedV1,
  type CheckEvidenceRequestedV1,
  type CheckOpenedV1,
  type EventEnvelope,
} from '#domain';
import type { ApplicationEntity, ApplicationHandling } from './application.entity.js';
import { applyFollowUp } from './follow-up.apply.js';
import * as texts from './timeline.texts.js';

const CHECK_STEPS = ['none', 'open', 'evidence_requested', 'contradictory', 'concluded'];

/** How a file follows an after-the-fact control (checks' events): the control's status and the timeline. */
@Injectable()
export class CheckFollowUp {
  private readonly logger = new Logger(CheckFollowUp.name);

  onCheckOpened(manager: EntityManager, event: EventEnvelope<CheckOpenedV1>): Promise<void> {
    return this.step(manager, event, event.payload.applicationId, 'check_opened', texts.checkOpenedText(), {
      checkId: event.payload.checkId,
      status: 'open',
    });
  }

  onEvidenceRequested(manager: EntityManager, event: EventEnvelope<CheckEvidenceRequestedV1>): Promise<void> {
    const { payload } = event;
    return this.step(
      manager,
      event,
      payload.applicationId,
      'evidence_requested',
      texts.evidenceRequestedText(payload),
      {
        checkId: payload.checkId,
        status: 'evidence_requested',
        dueDate: payload.dueDate,
      },
    );
  }

  onConclusionProposed(
    manager: EntityManager,
    event: EventEnvelope<CheckConclusionProposedV1>,
  ): Promise<void> {
    const { payload } = event;
    return this.step(
      manager,
      event,
      payload.applicationId,
      'check_proposed',
      texts.conclusionProposedText(payload),
      {
        checkId: payload.checkId,
        status: 'contradictory',
        proposal: { outcome: payload.proposedOutcome, reason: payload.reason, answerBy: payload.answerBy },
      },
    );
  }

  onCheckConcluded(manager: EntityManager, event: EventEnvelope<CheckConcludedV1>): Promise<void> {
    const { payload } = event;
    return this.step(
      manager,
      event,
      payload.applicationId,
      'check_concluded',
      texts.checkConcludedText(payload),
      {
        checkId: payload.checkId,
        status: 'concluded',
        outcome: payload.outcome,
      },
    );
  }

  /**
   * Control events come on separate subjects, so a retried one may arrive after a later one: a control's status
   * only moves forward (open → evidence requested → concluded).
   */
  private step(
    manager: EntityManager,
    event: EventEnvelope,
    applicationId: string,
    kind: string,
    text: string,
    check: NonNullable<ApplicationHandling['check']>,
  ): Promise<void> {
    return applyFollowUp(manager, this.logger, event, applicationId, {
      action: null,
      kind,
      text,
      change: (application: ApplicationEntity) => {
        const before = CHECK_STEPS.indexOf(application.handling.check?.status ?? 'none');
        if (CHECK_STEPS.indexOf(check.status) >= before) {
          application.handling = { ...application.handling, check };
        }
      },
    });
  }
}
