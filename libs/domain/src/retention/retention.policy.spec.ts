import {
  categoriesDue,
  DEFAULT_RETENTION_YEARS,
  RETENTION_CATEGORIES,
  retentionEndsAt,
  retentionProblems,
} from './retention.policy.js';

describe('retention of a closed file (GDPR art. 5-1-e)', () => {
  const closed = new Date('2026-03-15T10:00:00Z');

  it('keeps the file 10 years after its last action (DOMAIN.md §5), evidence and control 5 (Code civil art. 2224)', () => {
    expect(retentionEndsAt(closed, DEFAULT_RETENTION_YEARS.fileContent).toISOString()).toBe(
      '2036-03-15T10:00:00.000Z',
    );
    expect(retentionEndsAt(closed, DEFAULT_RETENTION_YEARS.controlCase).toISOString()).toBe(
      '2031-03-15T10:00:00.000Z',
    );
    expect(retentionEndsAt(new Date('2028-02-29T00:00:00Z'), 1).toISOString()).toBe(
      '2029-03-01T00:00:00.000Z',
    );
  });

  it('says which categories are due, in order of their end, and never one already purged', () => {
    const none = new Set<never>();
    expect(categoriesDue(closed, new Date('2027-03-15T09:59:59Z'), DEFAULT_RETENTION_YEARS, none)).toEqual(
      [],
    );
    expect(categoriesDue(closed, new Date('2027-03-15T10:00:00Z'), DEFAULT_RETENTION_YEARS, none)).toEqual([
      'routingCopy',
      'messages',
    ]);
    expect(
      categoriesDue(
        closed,
        new Date('2031-06-01T00:00:00Z'),
        DEFAULT_RETENTION_YEARS,
        new Set(['routingCopy', 'messages']),
      ),
    ).toEqual(['evidence', 'controlCase']);
    expect(categoriesDue(closed, new Date('2040-01-01T00:00:00Z'), DEFAULT_RETENTION_YEARS, none)).toEqual([
      ...RETENTION_CATEGORIES,
    ]);
  });

  it('accepts the defaults', () => {
    expect(retentionProblems(DEFAULT_RETENTION_YEARS)).toEqual([]);
  });

  it('refuses to purge evidence or a control before recovery of an undue payment is time-barred (CASF L232-25)', () => {
    expect(retentionProblems({ ...DEFAULT_RETENTION_YEARS, controlCase: 1 })).toEqual([
      { category: 'controlCase', reason: expect.stringContaining('L232-25') },
    ]);
  });

  it('refuses a part of a file kept longer than the file, and durations that are not whole years', () => {
    expect(
      retentionProblems({ ...DEFAULT_RETENTION_YEARS, timeline: 12 }).map((problem) => problem.category),
    ).toEqual(['timeline']);
    expect(
      retentionProblems({ ...DEFAULT_RETENTION_YEARS, messages: 0 }).map((problem) => problem.category),
    ).toEqual(['messages']);
  });
});
