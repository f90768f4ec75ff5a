import { createHash } from 'node:crypto';

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

export interface ChainedEntry extends AuditEntry {
  prevHash: string;
  hash: string;
}

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

/** hash = SHA-256(previous hash + canonical JSON of the entry): changing any entry breaks every later link. */
export function chainHash(prevHash: string, entry: AuditEntry): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(entry)).digest('hex');
}

export type ChainVerdict =
  { intact: true; entries: number } | { intact: false; entries: number; firstBroken: number; reason: string };

/** Walks the log in order; the first entry whose link or hash does not hold is named. */
export function verifyChain(entries: readonly ChainedEntry[]): ChainVerdict {
  let previous = GENESIS_HASH;
  for (const entry of entries) {
    const { prevHash, hash, ...content } = entry;
    if (prevHash !== previous)
      return {
        intact: false,
        entries: entries.length,
        firstBroken: entry.seq,
        reason: 'le lien vers l’entrée précédente est rompu',
      };
    if (chainHash(prevHash, content) !== hash)
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
