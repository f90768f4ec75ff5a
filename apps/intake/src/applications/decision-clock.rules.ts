import { addDays, addMonths, daysBetween, type LegalDate } from '#domain';
import type { DeadlineRule } from '../procedures/procedure.js';

/** Where the legal decision deadline of a file stands. */
export interface DecisionClock {
  /** The date the administration must decide by; null while a restart-on-answer request is open. */
  deadline: LegalDate | null;
  /** Set while a request for more suspends the clock. */
  suspendedOn: LegalDate | null;
}

/** At filing: the deadline runs from the (complete) file, e.g. 2 months for APA (CASF L232-14). */
export function startClock(rule: DeadlineRule, filedOn: LegalDate): DecisionClock {
  return { deadline: addMonths(filedOn, rule.months), suspendedOn: null };
}

/**
 * A request for more: `suspends` stops the clock until the answer (CRPA L114-5 for a missing piece);
 * `restarts` drops the deadline, which will run again in full from the complete file (APA, R232-23).
 */
export function onInfoRequested(
  rule: DeadlineRule,
  clock: DecisionClock,
  requestedOn: LegalDate,
): DecisionClock {
  switch (rule.infoRequestEffect) {
    case 'suspends':
      return { deadline: clock.deadline, suspendedOn: clock.suspendedOn ?? requestedOn };
    case 'restarts':
      return { deadline: null, suspendedOn: null };
    case 'none':
      return clock;
  }
}

/** The answer: a suspended clock resumes for the days it had left; a restarted one runs again in full. */
export function onComplemented(
  rule: DeadlineRule,
  clock: DecisionClock,
  answeredOn: LegalDate,
): DecisionClock {
  switch (rule.infoRequestEffect) {
    case 'suspends':
      if (!clock.deadline || !clock.suspendedOn) return clock;
      return {
        deadline: addDays(clock.deadline, daysBetween(clock.suspendedOn, answeredOn)),
        suspendedOn: null,
      };
    case 'restarts':
      return { deadline: addMonths(answeredOn, rule.months), suspendedOn: null };
    case 'none':
      return clock;
  }
}
