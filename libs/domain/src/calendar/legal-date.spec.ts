import { addDays, addMonths, ageOn, daysBetween, frenchDate, isLegalDate, parisDate } from './legal-date.js';

describe('legal dates (Europe/Paris calendar dates)', () => {
  it.each([
    ['2026-11-23', 2, '2027-01-23'], // same day number two months later
    ['2026-12-31', 2, '2027-02-28'], // February has no 31st: its last day
    ['2027-12-31', 2, '2028-02-29'], // leap year
    ['2026-03-31', 1, '2026-04-30'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('reads the date in Paris, not in UTC', () => {
    expect(parisDate(new Date('2026-03-31T22:30:00Z'))).toBe('2026-04-01'); // 00:30 in Paris (summer time)
    expect(parisDate(new Date('2026-12-31T22:59:00Z'))).toBe('2026-12-31'); // 23:59 in Paris (winter time)
  });

  it('counts days across a month end and adds them back', () => {
    expect(daysBetween('2026-11-23', '2026-12-05')).toBe(12);
    expect(addDays('2026-12-25', 12)).toBe('2027-01-06');
  });

  it('computes an age on a date: 60 on the birthday, not the day before', () => {
    expect(ageOn('1966-11-23', '2026-11-23')).toBe(60);
    expect(ageOn('1966-11-24', '2026-11-23')).toBe(59);
  });

  it('refuses dates that do not exist', () => {
    expect(isLegalDate('2026-02-29')).toBe(false);
    expect(isLegalDate('2028-02-29')).toBe(true);
    expect(isLegalDate('23/11/2026')).toBe(false);
  });

  it('writes dates for people in French', () => {
    expect(frenchDate('2027-01-23')).toBe('23 janvier 2027');
  });
});
