import { addDays } from '#domain';

export type DeadlineStep = 'remind' | 'overdue' | 'nothing';

/**
 * What the evidence deadline asks of a case on a day: a reminder once, `reminderDays` before the due date; once the
 * due date has passed, the fact is recorded once (the auditor then moves to the contradictory phase, DOMAIN.md §3).
 */
export function evidenceDeadlineStep(
  today: string,
  dueDate: string,
  reminderDays: number,
  done: { remindedOn?: string; overdueOn?: string },
): DeadlineStep {
  if (today > dueDate) return done.overdueOn ? 'nothing' : 'overdue';
  if (today >= addDays(dueDate, -reminderDays) && !done.remindedOn) return 'remind';
  return 'nothing';
}
