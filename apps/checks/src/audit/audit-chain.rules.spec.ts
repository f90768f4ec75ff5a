import {
  type AuditEntry,
  type ChainedEntry,
  chainHash,
  GENESIS_HASH,
  verifyChain,
} from './audit-chain.rules.js';

function chain(entries: AuditEntry[]): ChainedEntry[] {
  let prevHash = GENESIS_HASH;
  return entries.map((entry) => {
    const hash = chainHash(prevHash, entry);
    const chained = { ...entry, prevHash, hash };
    prevHash = hash;
    return chained;
  });
}

const entries: AuditEntry[] = [1, 2, 3].map((seq) => ({
  seq,
  at: `2026-03-0${seq}T10:00:00.000Z`,
  actor: 'system',
  action: 'selection',
  applicationId: '0190a000-0000-7000-8000-000000000001',
  details: { probability: 0.05, draw: 0.5 + seq / 10 },
}));

describe('the audit log, an append-only hash chain (each entry holds the hash of the previous one)', () => {
  it('is intact as written, whatever the order of keys in the details', () => {
    const written = chain(entries);
    expect(verifyChain(written)).toEqual({ intact: true, entries: 3 });
    const reordered = written.map((entry) => ({
      ...entry,
      details: { draw: entry.details.draw, probability: 0.05 },
    }));
    expect(verifyChain(reordered)).toEqual({ intact: true, entries: 3 });
  });

  it('names the first entry changed', () => {
    const written = chain(entries);
    written[1] = { ...written[1], details: { ...written[1].details, draw: 0.99 } };
    expect(verifyChain(written)).toMatchObject({ intact: false, firstBroken: 2 });
  });

  it('names the first entry after one removed', () => {
    const written = chain(entries);
    expect(verifyChain([written[0], written[2]])).toMatchObject({ intact: false, firstBroken: 3 });
  });
});
