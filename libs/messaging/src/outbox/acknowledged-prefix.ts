export interface PublishedRow {
  id: string;
  aggregateId: string;
  seq: number;
  acknowledged: boolean;
}

/**
 * Which rows of a batch may be marked published: for each aggregate, the rows acknowledged by JetStream up to
 * (not including) its first failure, so that a later event of an aggregate is never marked before an earlier one.
 */
export function acknowledgedPrefix(rows: readonly PublishedRow[]): string[] {
  const blocked = new Set<string>();
  const done: string[] = [];
  for (const row of [...rows].sort((a, b) => a.seq - b.seq)) {
    if (blocked.has(row.aggregateId)) continue;
    if (row.acknowledged) done.push(row.id);
    else blocked.add(row.aggregateId);
  }
  return done;
}
