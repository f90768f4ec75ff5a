import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type ApplicationAssignedV1,
  type ApplicationDecidedV1,
  type ApplicationInfoRequestedV1,
  type ApplicationRoutedV1,
  type CheckConcludedV1,
  type CheckEvidenceRequestedV1,
  type CheckOpenedV1,
  type EventEnvelope,
  parisDate,
} from '#domain';
import { ProcedureCatalogue } from '../procedures/procedure-catalogue.js';
import { ApplicationEntity } from './application.entity.js';
import { canApply, type LifecycleAction, transition } from './application.lifecycle.js';
import { appendTimeline } from './applications.repository.js';
import { onInfoRequested } from './decision-clock.rules.js';
import * as texts from './timeline.texts.js';

const CHECK_STEPS = ['none', 'open', 'evidence_requested', 'concluded'];

/**
 * How a file follows the back office and the controls: each event from routing or checks moves the file and adds a
 * line to its timeline. Runs inside the inbox transaction of the handler (effectively once).
 */
@Injectable()
export class ApplicationFollowUp {
  private readonly logger = new Logger(ApplicationFollowUp.name);

  constructor(private readonly catalogue: ProcedureCatalogue) {}

  onRouted(manager: EntityManager, event: EventEnvelope<ApplicationRoutedV1>): Promise<void> {
    const { payload } = event;
    return this.apply(
      manager,
      event,
      payload.applicationId,
      { kind: 'route' },
      'routed',
      texts.routedText(payload),
      (application) => {
        application.handling = {
          ...application.handling,
          team: { code: payload.teamCode, contact: payload.contact },
        };
      },
    );
  }

  onAssigned(manager: EntityManager, event: EventEnvelope<ApplicationAssignedV1>): Promise<void> {
    return this.apply(
      manager,
      event,
      event.payload.applicationId,
      { kind: 'assign' },
      'assigned',
      texts.assignedText(event.payload),
      (application) => {
        application.handling = { ...application.handling, agentAssigned: true };
      },
    );
  }

  onInfoRequested(manager: EntityManager, event: EventEnvelope<ApplicationInfoRequestedV1>): Promise<void> {
    const { payload } = event;
    return this.apply(
      manager,
      event,
      payload.applicationId,
      { kind: 'request_info' },
      'info_requested',
      texts.infoRequestedText(payload),
      (application) => {
        const rule = this.catalogue.get(application.procedure).deadline;
        const clock = onInfoRequested(
          rule,
          { deadline: application.decisionDeadline, suspendedOn: application.clockSuspendedOn },
          parisDate(new Date(event.occurredAt)),
        );
        application.decisionDeadline = clock.deadline;
        application.clockSuspendedOn = clock.suspendedOn;
        application.handling = {
          ...application.handling,
          infoRequest: { requestId: payload.requestId, message: payload.message, answerBy: payload.answerBy },
        };
      },
    );
  }

  onDecided(manager: EntityManager, event: EventEnvelope<ApplicationDecidedV1>): Promise<void> {
    const { payload } = event;
    const action: LifecycleAction = { kind: 'decide', outcome: payload.outcome };
    return this.apply(
      manager,
      event,
      payload.applicationId,
      action,
      'decided',
      texts.decidedText(payload),
      (application) => {
        application.handling = {
          ...application.handling,
          infoRequest: undefined,
          decision: {
            outcome: payload.outcome,
            reason: payload.reason,
            amountCents: payload.amountCents,
            remedies: payload.remedies,
            decidedAt: payload.decidedAt,
          },
        };
      },
    );
  }

  onCheckOpened(manager: EntityManager, event: EventEnvelope<CheckOpenedV1>): Promise<void> {
    return this.applyToCheck(
      manager,
      event,
      event.payload.applicationId,
      null,
      'check_opened',
      texts.checkOpenedText(),
      (application) => {
        application.handling = {
          ...application.handling,
          check: { checkId: event.payload.checkId, status: 'open' },
        };
      },
    );
  }

  onEvidenceRequested(manager: EntityManager, event: EventEnvelope<CheckEvidenceRequestedV1>): Promise<void> {
    const { payload } = event;
    return this.applyToCheck(
      manager,
      event,
      payload.applicationId,
      null,
      'evidence_requested',
      texts.evidenceRequestedText(payload),
      (application) => {
        application.handling = {
          ...application.handling,
          check: { checkId: payload.checkId, status: 'evidence_requested', dueDate: payload.dueDate },
        };
      },
    );
  }

  onCheckConcluded(manager: EntityManager, event: EventEnvelope<CheckConcludedV1>): Promise<void> {
    const { payload } = event;
    return this.apply(
      manager,
      event,
      payload.applicationId,
      null,
      'check_concluded',
      texts.checkConcludedText(payload),
      (application) => {
        application.handling = {
          ...application.handling,
          check: { checkId: payload.checkId, status: 'concluded', outcome: payload.outcome },
        };
      },
    );
  }

  /**
   * Control events come on separate subjects, so a retried one may arrive after a later one: a control's status
   * only moves forward (open → evidence requested → concluded).
   */
  private applyToCheck(
    manager: EntityManager,
    event: EventEnvelope,
    applicationId: string,
    action: null,
    kind: string,
    text: string,
    change: (application: ApplicationEntity) => void,
  ): Promise<void> {
    return this.apply(manager, event, applicationId, action, kind, text, (application) => {
      const previous = application.handling.check;
      change(application);
      const before = CHECK_STEPS.indexOf(previous?.status ?? 'none');
      const after = CHECK_STEPS.indexOf(application.handling.check?.status ?? 'none');
      if (after < before) application.handling = { ...application.handling, check: previous };
    });
  }

  /** Loads the file, applies the lifecycle action when it still can, records the change and the timeline line. */
  private async apply(
    manager: EntityManager,
    event: EventEnvelope,
    applicationId: string,
    action: LifecycleAction | null,
    kind: string,
    text: string,
    change: (application: ApplicationEntity) => void,
  ): Promise<void> {
    const application = await manager.findOne(ApplicationEntity, {
      where: { id: applicationId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!application) {
      this.logger.warn(
        { eventId: event.id, applicationId, type: event.type },
        'Event about an unknown application: ignored',
      );
      return;
    }
    if (action && !canApply(application.status, action)) {
      this.logger.warn(
        { eventId: event.id, applicationId, status: application.status, type: event.type },
        'Event does not apply to the file in its current state: ignored',
      );
      return;
    }
    if (action) application.status = transition(application.status, action);
    change(application);
    await manager.save(application);
    await appendTimeline(manager, application.id, kind, text, event.id);
  }
}
