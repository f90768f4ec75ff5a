import { answeredInTime, carePlanAnswerBy, carePlanDueOn, silenceRefusesPlan } from './care-plan.rules.js';

describe('APA care plan window (CASF R232-7)', () => {
  it('is due 30 days after the complete file', () => {
    expect(carePlanDueOn('2026-03-02')).toBe('2026-04-01');
  });

  it('gives the beneficiary 10 days to answer (across a month end)', () => {
    expect(carePlanAnswerBy('2026-03-25')).toBe('2026-04-04');
  });

  it('counts an answer given on the last day, not the day after', () => {
    expect(answeredInTime('2026-04-04', '2026-04-04')).toBe(true);
    expect(answeredInTime('2026-04-05', '2026-04-04')).toBe(false);
  });

  it('treats no answer by the end of the last day as a refusal of the plan', () => {
    expect(silenceRefusesPlan('2026-04-04', '2026-04-04')).toBe(false);
    expect(silenceRefusesPlan('2026-04-05', '2026-04-04')).toBe(true);
  });
});
