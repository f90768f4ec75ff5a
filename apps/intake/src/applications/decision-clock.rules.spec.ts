import type { DeadlineRule } from '../procedures/procedure.js';
import { onComplemented, onInfoRequested, startClock } from './decision-clock.rules.js';

const rule = (infoRequestEffect: DeadlineRule['infoRequestEffect']): DeadlineRule => ({
  months: 2,
  silenceMeans: 'granted',
  infoRequestEffect,
  legalBasis: 'test',
  explanation: 'test',
});

describe('decision clock', () => {
  it('runs 2 months from the filing date (CASF L232-14)', () => {
    expect(startClock(rule('none'), '2026-11-23')).toEqual({ deadline: '2027-01-23', suspendedOn: null });
  });

  it('restarts in full from the answer when the procedure says so (APA, CASF R232-23)', () => {
    const open = onInfoRequested(rule('restarts'), startClock(rule('restarts'), '2026-11-23'), '2026-12-01');
    expect(open.deadline).toBeNull();
    expect(onComplemented(rule('restarts'), open, '2026-12-10').deadline).toBe('2027-02-10');
  });

  it('suspends for the days the citizen took to answer (CRPA L114-5)', () => {
    // Deadline 2027-01-23; suspended from 2026-12-01 to 2026-12-11: 10 days → 2027-02-02.
    const suspended = onInfoRequested(
      rule('suspends'),
      startClock(rule('suspends'), '2026-11-23'),
      '2026-12-01',
    );
    expect(suspended).toEqual({ deadline: '2027-01-23', suspendedOn: '2026-12-01' });
    expect(onComplemented(rule('suspends'), suspended, '2026-12-11')).toEqual({
      deadline: '2027-02-02',
      suspendedOn: null,
    });
  });

  it('leaves the deadline alone when a request has no effect on it', () => {
    const clock = startClock(rule('none'), '2026-11-23');
    expect(
      onComplemented(rule('none'), onInfoRequested(rule('none'), clock, '2026-12-01'), '2026-12-20'),
    ).toEqual(clock);
  });
});
