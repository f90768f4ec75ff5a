import type { DeadlineRule } from '../procedures/procedure.js';
import {
  onComplemented,
  onInfoRequested,
  resumeIfAnswerTimeOver,
  startClock,
} from './decision-clock.rules.js';

const rule = (infoRequestEffect: DeadlineRule['infoRequestEffect']): DeadlineRule => ({
  months: 2,
  silenceMeans: 'granted',
  infoRequestEffect,
  legalBasis: 'test',
  explanation: 'test',
});

const suspends = rule('suspends');
// Filed 2026-11-23 → deadline 2027-01-23; pieces asked on 2026-12-01, to be produced by 2026-12-15.
const suspended = () =>
  onInfoRequested(suspends, startClock(suspends, '2026-11-23'), '2026-12-01', '2026-12-15');

describe('decision clock', () => {
  it('runs 2 months from the filing date (CASF L232-14)', () => {
    expect(startClock(rule('none'), '2026-11-23')).toEqual({
      deadline: '2027-01-23',
      suspendedOn: null,
      resumesAfter: null,
    });
  });

  it('restarts in full from the answer when the procedure says so (APA, CASF R232-23)', () => {
    const open = onInfoRequested(
      rule('restarts'),
      startClock(rule('restarts'), '2026-11-23'),
      '2026-12-01',
      '2026-12-15',
    );
    expect(open.deadline).toBeNull();
    expect(onComplemented(rule('restarts'), open, '2026-12-10').deadline).toBe('2027-02-10');
  });

  it('does not resume an APA clock by itself: it waits for the complete file (CASF R232-23)', () => {
    const open = onInfoRequested(
      rule('restarts'),
      startClock(rule('restarts'), '2026-11-23'),
      '2026-12-01',
      '2026-12-15',
    );
    expect(resumeIfAnswerTimeOver(open, '2027-03-01')).toBeNull();
  });

  it('suspends for the days the citizen took to answer (CRPA L114-5)', () => {
    // Deadline 2027-01-23; suspended from 2026-12-01 to 2026-12-11: 10 days → 2027-02-02.
    expect(suspended()).toEqual({
      deadline: '2027-01-23',
      suspendedOn: '2026-12-01',
      resumesAfter: '2026-12-15',
    });
    expect(onComplemented(suspends, suspended(), '2026-12-11')).toEqual({
      deadline: '2027-02-02',
      suspendedOn: null,
      resumesAfter: null,
    });
  });

  it('CRPA L114-5: suspends only for the time given to produce the pieces — a late answer adds no more days', () => {
    // Answered on 2026-12-20, after the 2026-12-15 given: only 14 days count → 2027-02-06.
    expect(onComplemented(suspends, suspended(), '2026-12-20').deadline).toBe('2027-02-06');
  });

  it('CRPA L114-5: the clock resumes by itself once the time given has run out, answered or not', () => {
    expect(resumeIfAnswerTimeOver(suspended(), '2026-12-10')).toBeNull();
    expect(resumeIfAnswerTimeOver(suspended(), '2026-12-15')).toBeNull(); // the last day given still counts
    // The day after: resumed as if answered on the last day, 14 days → 2027-02-06 (never frozen).
    expect(resumeIfAnswerTimeOver(suspended(), '2026-12-16')).toEqual({
      deadline: '2027-02-06',
      suspendedOn: null,
      resumesAfter: null,
    });
    // A job that was down catches up to the same date, whenever it runs.
    expect(resumeIfAnswerTimeOver(suspended(), '2027-05-01')?.deadline).toBe('2027-02-06');
  });

  it('an answer after the automatic resumption leaves the deadline alone (CRPA L114-5)', () => {
    const resumedClock = resumeIfAnswerTimeOver(suspended(), '2026-12-16');
    expect(resumedClock).not.toBeNull();
    expect(onComplemented(suspends, resumedClock!, '2026-12-20')).toEqual(resumedClock);
  });

  it('CRPA L114-5: a date to answer already past when asked suspends nothing', () => {
    const clock = onInfoRequested(suspends, startClock(suspends, '2026-11-23'), '2026-12-01', '2026-11-30');
    expect(clock.resumesAfter).toBe('2026-12-01');
    expect(resumeIfAnswerTimeOver(clock, '2026-12-02')?.deadline).toBe('2027-01-23');
  });

  it('leaves the deadline alone when a request has no effect on it', () => {
    const clock = startClock(rule('none'), '2026-11-23');
    expect(
      onComplemented(
        rule('none'),
        onInfoRequested(rule('none'), clock, '2026-12-01', '2026-12-15'),
        '2026-12-20',
      ),
    ).toEqual(clock);
    expect(resumeIfAnswerTimeOver(clock, '2027-01-01')).toBeNull();
  });
});
