import {
  daysLeft,
  parseThresholds,
  silenceApplies,
  silenceOutcome,
  tacitDecisionDate,
  warningDue,
} from './deadline.rules.js';

describe('deadline rules', () => {
  it.each([
    ['2 March → 2 May 2026 (29 + 30 + 2 days)', '2026-03-02', '2026-05-02', 61],
    ['on the deadline day itself', '2026-05-02', '2026-05-02', 0],
    ['the day after: passed', '2026-05-03', '2026-05-02', -1],
    ['across the change to summer time (29 March 2026)', '2026-03-28', '2026-03-30', 2],
  ])('days left: %s', (_, today, deadline, expected) => {
    expect(daysLeft(today, deadline)).toBe(expected);
  });

  it('reads the warning thresholds, largest first, and refuses anything else', () => {
    expect(parseThresholds('3,15')).toEqual([15, 3]);
    expect(parseThresholds('15, 3,3')).toEqual([15, 3]);
    expect(() => parseThresholds('15,x')).toThrow(RangeError);
  });

  it.each([
    ['16 days left: nothing yet', 16, [], { notify: false, thresholds: [] }],
    ['15 days left: the 15-day warning', 15, [], { notify: true, thresholds: [15] }],
    ['10 days left, 15 already sent: nothing', 10, [15], { notify: false, thresholds: [] }],
    ['3 days left, 15 sent: the 3-day warning', 3, [15], { notify: true, thresholds: [3] }],
    [
      '2 days left, nothing sent (job was down): one warning records both',
      2,
      [],
      { notify: true, thresholds: [15, 3] },
    ],
    ['deadline passed: the silence rule applies, no warning', -1, [], { notify: false, thresholds: [] }],
  ])('warning: %s', (_, left, warned, expected) => {
    expect(warningDue(left as number, [15, 3], warned as number[])).toEqual(expected);
  });

  it('CRPA L231-1 / CASF L232-14: silence applies once the deadline day is over, the clock running', () => {
    const running = { decisionDeadline: '2026-05-02', suspendedOn: null };
    expect(silenceApplies('2026-05-02', running)).toBe(false);
    expect(silenceApplies('2026-05-03', running)).toBe(true);
    // CRPA L114-5: a suspended clock; CASF R232-23: a clock waiting to restart on the answer
    expect(silenceApplies('2026-06-01', { decisionDeadline: '2026-05-02', suspendedOn: '2026-04-01' })).toBe(
      false,
    );
    expect(silenceApplies('2026-06-01', { decisionDeadline: null, suspendedOn: null })).toBe(false);
  });

  it('the tacit decision is born the day after the deadline (31 Jan → 1 Feb)', () => {
    expect(tacitDecisionDate('2026-01-31')).toBe('2026-02-01');
  });

  it('CASF L232-14: APA silence grants; CRPA L231-4: a grant request’s silence refuses', () => {
    expect(silenceOutcome('granted')).toBe('deemed_granted');
    expect(silenceOutcome('rejected')).toBe('deemed_rejected');
  });
});
