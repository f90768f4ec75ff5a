import { dueDigestDay, parisDayAndHour } from './digest.rules.js';

describe('digest hour (Europe/Paris)', () => {
  it('reads the hour in Paris time, winter (UTC+1) and summer (UTC+2)', () => {
    expect(parisDayAndHour(new Date('2026-01-15T06:30:00Z'))).toEqual({ day: '2026-01-15', hour: 7 });
    expect(parisDayAndHour(new Date('2026-07-15T05:30:00Z'))).toEqual({ day: '2026-07-15', hour: 7 });
    expect(parisDayAndHour(new Date('2026-07-15T22:30:00Z'))).toEqual({ day: '2026-07-16', hour: 0 });
  });

  it('is due from the configured hour on, for that Paris day', () => {
    expect(dueDigestDay(new Date('2026-01-15T05:59:00Z'), 7)).toBeUndefined();
    expect(dueDigestDay(new Date('2026-01-15T06:00:00Z'), 7)).toBe('2026-01-15');
    expect(dueDigestDay(new Date('2026-01-15T21:00:00Z'), 7)).toBe('2026-01-15');
  });
});
