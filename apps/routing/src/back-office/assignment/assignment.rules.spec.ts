import { leastLoaded } from './assignment.rules.js';

describe('assignment suggestion', () => {
  it('suggests the agent with the fewest open files', () => {
    expect(
      leastLoaded([
        { subject: 'a', displayName: 'Alice', openFiles: 4 },
        { subject: 'b', displayName: 'Bruno', openFiles: 1 },
      ])?.subject,
    ).toBe('b');
  });

  it('breaks a tie by name so that the suggestion is stable', () => {
    expect(
      leastLoaded([
        { subject: 'z', displayName: 'Zoé', openFiles: 2 },
        { subject: 'e', displayName: 'Émile', openFiles: 2 },
      ])?.subject,
    ).toBe('e');
  });

  it('suggests nobody for a team without agents', () => {
    expect(leastLoaded([])).toBeNull();
  });
});
