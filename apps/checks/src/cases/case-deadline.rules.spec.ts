import { evidenceDeadlineStep } from './case-deadline.rules.js';

describe('the evidence deadline of a control (DOMAIN.md §3: a reminder, then the case moves on)', () => {
  it('reminds once, from 7 days before the due date', () => {
    expect(evidenceDeadlineStep('2026-04-23', '2026-05-01', 7, {})).toBe('nothing');
    expect(evidenceDeadlineStep('2026-04-24', '2026-05-01', 7, {})).toBe('remind');
    expect(evidenceDeadlineStep('2026-04-28', '2026-05-01', 7, { remindedOn: '2026-04-24' })).toBe('nothing');
  });

  it('records the missed deadline once, the day after the due date, reminded or not (a job that was down catches up)', () => {
    expect(evidenceDeadlineStep('2026-05-01', '2026-05-01', 7, { remindedOn: '2026-04-24' })).toBe('nothing');
    expect(evidenceDeadlineStep('2026-05-02', '2026-05-01', 7, {})).toBe('overdue');
    expect(evidenceDeadlineStep('2026-06-30', '2026-05-01', 7, { overdueOn: '2026-05-02' })).toBe('nothing');
  });
});
