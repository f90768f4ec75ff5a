import type { EntityManager } from 'typeorm';
import { type ApplicationDeadlineChangedV1, SUBJECTS } from '#domain';
import type { Outbox } from '#messaging';
import type { ApplicationEntity } from './application.entity.js';
import type { DecisionClock } from './decision-clock.rules.js';

/** The decision clock stored on a file. */
export function clockOf(application: ApplicationEntity): DecisionClock {
  return {
    deadline: application.decisionDeadline,
    suspendedOn: application.clockSuspendedOn,
    resumesAfter: application.clockResumesAfter,
  };
}

export function sameClock(a: DecisionClock, b: DecisionClock): boolean {
  return a.deadline === b.deadline && a.suspendedOn === b.suspendedOn && a.resumesAfter === b.resumesAfter;
}

/**
 * Stores the new clock on the file and, when it moved, tells the others (`application.deadline-changed`) in the same
 * transaction: intake is the one owner of the clock, routing follows it. Returns whether it moved.
 */
export async function moveClock(
  manager: EntityManager,
  outbox: Outbox,
  application: ApplicationEntity,
  clock: DecisionClock,
  cause: ApplicationDeadlineChangedV1['cause'],
): Promise<boolean> {
  if (sameClock(clockOf(application), clock)) return false;
  application.decisionDeadline = clock.deadline;
  application.clockSuspendedOn = clock.suspendedOn;
  application.clockResumesAfter = clock.resumesAfter;
  await outbox.publish(manager, SUBJECTS.applicationDeadlineChanged, application.id, {
    applicationId: application.id,
    decisionDeadline: clock.deadline,
    ...(clock.suspendedOn ? { suspendedOn: clock.suspendedOn } : { suspendedOn: null }),
    cause,
  });
  return true;
}
