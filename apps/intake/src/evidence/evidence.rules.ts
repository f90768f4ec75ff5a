/** The kinds of evidence accepted, recognised by their first bytes (never by the name or the declared type). */
export const EVIDENCE_TYPES = {
  'application/pdf': { extension: 'pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  'image/jpeg': { extension: 'jpg', magic: [0xff, 0xd8, 0xff] },
  'image/png': { extension: 'png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
} as const;

export type EvidenceType = keyof typeof EVIDENCE_TYPES;

export function sniffEvidenceType(content: Uint8Array): EvidenceType | null {
  for (const [type, { magic }] of Object.entries(EVIDENCE_TYPES) as [
    EvidenceType,
    { magic: readonly number[] },
  ][]) {
    if (magic.every((byte, index) => content[index] === byte)) return type;
  }
  return null;
}

/** A file name safe to show and store: no path, no control characters, at most 120 characters. */
export function safeFileName(name: string, type: EvidenceType): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .replace(/[^\p{L}\p{N} ._()-]/gu, '_')
    .trim()
    .slice(0, 120);
  return base.length > 0 ? base : `piece.${EVIDENCE_TYPES[type].extension}`;
}
