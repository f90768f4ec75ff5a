import type { Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '#domain';
import { ApplicationEntity } from './application.entity.js';
import { canApply, type LifecycleAction, transition } from './application.lifecycle.js';
import { appendTimeline, storeApplicationState } from './applications.repository.js';

/** How one event from another service changes a file: the lifecycle action (if any), the change, the timeline line. */
export interface FollowUpStep {
  action: LifecycleAction | null;
  /** Refuse the event (logged, acked, no effect) when it does not apply to the file as it is. */
  appliesTo?: (application: ApplicationEntity) => boolean;
  kind: string;
  text: string | ((application: ApplicationEntity) => string);
  /** Changes the file (may publish through the outbox in the same transaction). */
  change: (application: ApplicationEntity) => void | Promise<void>;
}

/**
 * Loads the file locked, applies the step when it still can, records the change and the timeline line. Runs inside
 * the inbox transaction of the handler (effectively once). An event about an unknown file, or one that no longer
 * applies (events on different subjects are not ordered with each other), is logged and ignored.
 */
export async function applyFollowUp(
  manager: EntityManager,
  logger: Logger,
  event: EventEnvelope,
  applicationId: string,
  step: FollowUpStep,
): Promise<void> {
  const application = await manager.findOne(ApplicationEntity, {
    where: { id: applicationId },
    lock: { mode: 'pessimistic_write' },
  });
  if (!application) {
    logger.warn(
      { eventId: event.id, applicationId, type: event.type },
      'Event about an unknown application: ignored',
    );
    return;
  }
  const applies =
    (!step.action || canApply(application.status, step.action)) && (step.appliesTo?.(application) ?? true);
  if (!applies) {
    logger.warn(
      { eventId: event.id, applicationId, status: application.status, type: event.type },
      'Event does not apply to the file in its current state: ignored',
    );
    return;
  }
  if (step.action) application.status = transition(application.status, step.action);
  await step.change(application);
  await storeApplicationState(manager, application);
  const text = typeof step.text === 'function' ? step.text(application) : step.text;
  await appendTimeline(manager, application.id, step.kind, text, event.id);
}
