import {
  type AuditEntry,
  type ChainedEntry,
  GENESIS_HASH,
  sealEntry,
  verifyChain,
} from './audit-chain.rules.js';

function chain(entries: AuditEntry[]): ChainedEntry[] {
  let prevHash = GENESIS_HASH;
  return entries.map((entry) => {
    const chained = sealEntry(prevHash, entry);
    prevHash = chained.hash;
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

  it('stays intact once an entry is anonymised (details and salt erased, digest kept: GDPR art. 5-1-e)', () => {
    const written = chain(entries);
    written[1] = { ...written[1], details: {}, detailsSalt: null };
    expect(verifyChain(written)).toEqual({ intact: true, entries: 3 });
  });

  it('still names an anonymised entry whose digest or action was changed', () => {
    const written = chain(entries);
    const anonymised = { ...written[1], details: {}, detailsSalt: null };
    expect(
      verifyChain([written[0], { ...anonymised, detailsDigest: '0'.repeat(64) }, written[2]]),
    ).toMatchObject({
      intact: false,
      firstBroken: 2,
    });
    expect(verifyChain([written[0], { ...anonymised, action: 'autre' }, written[2]])).toMatchObject({
      intact: false,
      firstBroken: 2,
    });
  });

  it('does not give short details back from their digest: each entry has its own salt', () => {
    const [first] = chain([entries[0]]);
    const [again] = chain([entries[0]]);
    expect(first.detailsDigest).not.toBe(again.detailsDigest);
  });
});
