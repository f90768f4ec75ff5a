import { createHash, randomBytes } from 'node:crypto';

/** One entry of the audit log: what was done on a check, by whom, when, why. */
export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  /** The file concerned; null for an action on the policies. */
  applicationId: string | null;
  details: Record<string, unknown>;
}

/**
 * An entry as the chain holds it: the details sealed under a salted digest, so that the clear details (free text,
 * file names, answers) can be erased when the file's time is over without breaking the chain.
 */
export interface ChainedEntry extends AuditEntry {
  /** SHA-256 of salt + canonical JSON of the details, written once. */
  detailsDigest: string;
  /** Random salt of the digest; null once the entry was anonymised (its details erased). */
  detailsSalt: string | null;
  prevHash: string;
  hash: string;
}

/** What the hash covers: everything but the clear details, which it covers through their digest. */
type SealedEntry = Omit<AuditEntry, 'details'> & { detailsDigest: string };

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with keys in a fixed order, so that the same entry always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A fresh salt for an entry's details (so that short details cannot be guessed back from their digest). */
export function newDetailsSalt(): string {
  return randomBytes(16).toString('hex');
}

export function detailsDigest(salt: string, details: Record<string, unknown>): string {
  return createHash('sha256').update(salt).update(canonicalJson(details)).digest('hex');
}

/**
 * hash = SHA-256(previous hash + canonical JSON of the entry with its details' digest): changing any entry breaks
 * every later link; erasing the details of an entry (anonymisation) does not, its digest staying.
 */
export function chainHash(prevHash: string, entry: SealedEntry): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(entry)).digest('hex');
}

/** The entry to append after `prevHash`: salt, digest and hash computed. */
export function sealEntry(
  prevHash: string,
  entry: AuditEntry,
  salt: string = newDetailsSalt(),
): ChainedEntry {
  const { details, ...rest } = entry;
  const digest = detailsDigest(salt, details);
  return {
    ...entry,
    detailsDigest: digest,
    detailsSalt: salt,
    prevHash,
    hash: chainHash(prevHash, { ...rest, detailsDigest: digest }),
  };
}

export type ChainVerdict =
  { intact: true; entries: number } | { intact: false; entries: number; firstBroken: number; reason: string };

/** Walks the log in order; the first entry whose link or hash does not hold is named. */
export function verifyChain(entries: readonly ChainedEntry[]): ChainVerdict {
  let previous = GENESIS_HASH;
  for (const entry of entries) {
    const { prevHash, hash, details, detailsSalt, ...sealed } = entry;
    if (prevHash !== previous)
      return {
        intact: false,
        entries: entries.length,
        firstBroken: entry.seq,
        reason: 'le lien vers l’entrée précédente est rompu',
      };
    const detailsIntact =
      detailsSalt === null || detailsDigest(detailsSalt, details) === sealed.detailsDigest;
    if (!detailsIntact || chainHash(prevHash, sealed) !== hash)
      return {
        intact: false,
        entries: entries.length,
        firstBroken: entry.seq,
        reason: 'le contenu de l’entrée a été modifié',
      };
    previous = hash;
  }
  return { intact: true, entries: entries.length };
}
