import { addDays, addMonths, daysBetween, type LegalDate } from '#domain';
import type { DeadlineRule } from '../procedures/procedure.js';

/** Where the legal decision deadline of a file stands. */
export interface DecisionClock {
  /** The date the administration must decide by; null while a restart-on-answer request is open. */
  deadline: LegalDate | null;
  /** Set while a request for more suspends the clock. */
  suspendedOn: LegalDate | null;
  /**
   * While suspended: the last day given to produce what was asked (the request's `answerBy`). The suspension never
   * lasts beyond it (CRPA L114-5), answered or not.
   */
  resumesAfter: LegalDate | null;
}

/** At filing: the deadline runs from the (complete) file, e.g. 2 months for APA (CASF L232-14). */
export function startClock(rule: DeadlineRule, filedOn: LegalDate): DecisionClock {
  return { deadline: addMonths(filedOn, rule.months), suspendedOn: null, resumesAfter: null };
}

/**
 * A request for more: `suspends` stops the clock until the answer, but only for the time given to produce the
 * missing pieces (CRPA L114-5: `answerBy`); `restarts` drops the deadline, which will run again in full from the
 * complete file (APA, CASF R232-23).
 */
export function onInfoRequested(
  rule: DeadlineRule,
  clock: DecisionClock,
  requestedOn: LegalDate,
  answerBy: LegalDate,
): DecisionClock {
  switch (rule.infoRequestEffect) {
    case 'suspends':
      return {
        deadline: clock.deadline,
        suspendedOn: clock.suspendedOn ?? requestedOn,
        resumesAfter: answerBy < requestedOn ? requestedOn : answerBy,
      };
    case 'restarts':
      return { deadline: null, suspendedOn: null, resumesAfter: null };
    case 'none':
      return clock;
  }
}

/**
 * The answer: a suspended clock resumes for the days it was stopped, counted up to the answer but never past the
 * time given (CRPA L114-5: a late answer does not buy the administration more time); a restarted one runs again in
 * full from the answer (CASF R232-23).
 */
export function onComplemented(
  rule: DeadlineRule,
  clock: DecisionClock,
  answeredOn: LegalDate,
): DecisionClock {
  switch (rule.infoRequestEffect) {
    case 'suspends': {
      if (!clock.deadline || !clock.suspendedOn) return clock;
      const until = clock.resumesAfter && clock.resumesAfter < answeredOn ? clock.resumesAfter : answeredOn;
      return resumed(clock.deadline, clock.suspendedOn, until);
    }
    case 'restarts':
      return { deadline: addMonths(answeredOn, rule.months), suspendedOn: null, resumesAfter: null };
    case 'none':
      return clock;
  }
}

/**
 * CRPA L114-5: once the time given to produce the pieces has run out (`today` after `resumesAfter`), the clock
 * resumes by itself, answered or not, as if the answer had come on the last day given; a commune that never answers
 * does not freeze its file. Null when there is nothing to resume.
 */
export function resumeIfAnswerTimeOver(clock: DecisionClock, today: LegalDate): DecisionClock | null {
  if (!clock.deadline || !clock.suspendedOn || !clock.resumesAfter) return null;
  if (today <= clock.resumesAfter) return null;
  return resumed(clock.deadline, clock.suspendedOn, clock.resumesAfter);
}

function resumed(deadline: LegalDate, suspendedOn: LegalDate, until: LegalDate): DecisionClock {
  return {
    deadline: addDays(deadline, Math.max(0, daysBetween(suspendedOn, until))),
    suspendedOn: null,
    resumesAfter: null,
  };
}
