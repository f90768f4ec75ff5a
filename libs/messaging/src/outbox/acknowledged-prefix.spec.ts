import { acknowledgedPrefix } from './acknowledged-prefix.js';

const row = (id: string, aggregateId: string, seq: number, acknowledged: boolean) => ({
  id,
  aggregateId,
  seq,
  acknowledged,
});

describe('acknowledgedPrefix', () => {
  it('marks every row when every publish was acknowledged', () => {
    expect(acknowledgedPrefix([row('a1', 'A', 1, true), row('b1', 'B', 2, true)])).toEqual(['a1', 'b1']);
  });

  it('stops an aggregate at its first failure so that a later event is never marked before an earlier one', () => {
    const rows = [
      row('a1', 'A', 1, true),
      row('a2', 'A', 2, false),
      row('a3', 'A', 3, true),
      row('b1', 'B', 4, true),
    ];
    expect(acknowledgedPrefix(rows)).toEqual(['a1', 'b1']);
  });

  it('follows the sequence, not the order rows were given in', () => {
    expect(acknowledgedPrefix([row('a2', 'A', 2, true), row('a1', 'A', 1, false)])).toEqual([]);
  });
});
