import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type ApplicationAssignedV1,
  type ApplicationCarePlanProposedV1,
  type ApplicationDecidedV1,
  type ApplicationInfoRequestedV1,
  type ApplicationRoutedV1,
  type EventEnvelope,
  parisDate,
} from '#domain';
import { Outbox } from '#messaging';
import { ProcedureCatalogue } from '../procedures/procedure-catalogue.js';
import { clockOf, moveClock } from './application-clock.js';
import { canApply, isClosed, type LifecycleAction, transition } from './application.lifecycle.js';
import { onInfoRequested } from './decision-clock.rules.js';
import { applyFollowUp } from './follow-up.apply.js';
import * as texts from './timeline.texts.js';

/**
 * How a file follows the back office (routing's events): each event moves the file and adds a line to its timeline.
 * Runs inside the inbox transaction of the handler (effectively once); what intake publishes in answer (the clock
 * moved) goes through the outbox in that same transaction.
 */
@Injectable()
export class ApplicationFollowUp {
  private readonly logger = new Logger(ApplicationFollowUp.name);

  constructor(
    private readonly catalogue: ProcedureCatalogue,
    private readonly outbox: Outbox,
  ) {}

  /**
   * The team that owns the file: kept on the file (it decides who may read its content) and shown to the citizen.
   * Events on different subjects are not ordered: a decision that overtook the routing leaves the file decided, and
   * the team is still recorded (its staff may need the file, e.g. for an appeal). A withdrawn file is not followed.
   */
  onRouted(manager: EntityManager, event: EventEnvelope<ApplicationRoutedV1>): Promise<void> {
    const { payload } = event;
    const route: LifecycleAction = { kind: 'route' };
    return applyFollowUp(manager, this.logger, event, payload.applicationId, {
      action: null,
      appliesTo: (application) => application.status !== 'draft' && application.status !== 'withdrawn',
      kind: 'routed',
      text: texts.routedText(payload),
      change: (application) => {
        if (canApply(application.status, route)) application.status = transition(application.status, route);
        application.handling = {
          ...application.handling,
          team: { code: payload.teamCode, contact: payload.contact },
        };
      },
    });
  }

  onAssigned(manager: EntityManager, event: EventEnvelope<ApplicationAssignedV1>): Promise<void> {
    return applyFollowUp(manager, this.logger, event, event.payload.applicationId, {
      action: { kind: 'assign' },
      kind: 'assigned',
      text: texts.assignedText(event.payload),
      change: (application) => {
        application.handling = { ...application.handling, agentAssigned: true };
      },
    });
  }

  /** The clock follows the procedure's rule (CRPA L114-5 / CASF R232-23); routing is told when it moved. */
  onInfoRequested(manager: EntityManager, event: EventEnvelope<ApplicationInfoRequestedV1>): Promise<void> {
    const { payload } = event;
    return applyFollowUp(manager, this.logger, event, payload.applicationId, {
      action: { kind: 'request_info' },
      kind: 'info_requested',
      text: texts.infoRequestedText(payload),
      change: async (application) => {
        const rule = this.catalogue.get(application.procedure).deadline;
        const requestedOn = parisDate(new Date(event.occurredAt));
        const clock = onInfoRequested(rule, clockOf(application), requestedOn, payload.answerBy);
        await moveClock(manager, this.outbox, application, clock, 'info_requested');
        application.handling = {
          ...application.handling,
          infoRequest: { requestId: payload.requestId, message: payload.message, answerBy: payload.answerBy },
        };
      },
    });
  }

  onDecided(manager: EntityManager, event: EventEnvelope<ApplicationDecidedV1>): Promise<void> {
    const { payload } = event;
    const action: LifecycleAction = { kind: 'decide', outcome: payload.outcome };
    return applyFollowUp(manager, this.logger, event, payload.applicationId, {
      action,
      kind: 'decided',
      text: texts.decidedText(payload),
      change: (application) => {
        // The decision closes the file: no clock runs any more.
        application.clockSuspendedOn = null;
        application.clockResumesAfter = null;
        application.handling = {
          ...application.handling,
          infoRequest: undefined,
          decision: {
            outcome: payload.outcome,
            tacit: payload.outcome === 'deemed_granted' || payload.outcome === 'deemed_rejected',
            reason: payload.reason,
            remedies: payload.remedies,
            decidedAt: payload.decidedAt,
            ...optional(payload, [
              'amountCents',
              'gir',
              'planCents',
              'participationCents',
              'provisionalParameters',
            ]),
          },
        };
      },
    });
  }

  /** APA (CASF R232-7): the proposed care plan, which the beneficiary accepts or asks to change within 10 days. */
  onCarePlanProposed(
    manager: EntityManager,
    event: EventEnvelope<ApplicationCarePlanProposedV1>,
  ): Promise<void> {
    const { payload } = event;
    return applyFollowUp(manager, this.logger, event, payload.applicationId, {
      action: null,
      appliesTo: (application) => application.status !== 'draft' && !isClosed(application.status),
      kind: 'care_plan_proposed',
      text: texts.carePlanProposedText(payload),
      change: (application) => {
        application.handling = {
          ...application.handling,
          carePlan: {
            planId: payload.planId,
            evaluatedOn: payload.evaluatedOn,
            gir: payload.gir,
            planCents: payload.planCents,
            participationCents: payload.participationCents,
            apaCents: payload.apaCents,
            answerBy: payload.answerBy,
            ...optional(payload, ['description', 'provisionalParameters']),
            status: 'proposed',
          },
        };
      },
    });
  }
}

/** The fields of `source` among `keys` that are set (so that absent ones stay absent in the stored JSON). */
function optional<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const picked: Partial<Pick<T, K>> = {};
  for (const key of keys) if (source[key] !== undefined && source[key] !== null) picked[key] = source[key];
  return picked;
}
