import { DomainError } from '#domain';

/**
 * Where evidence files go: a port, with a local folder (the default) and an S3-compatible object store as adapters.
 * A location is what `save` returns and what the database keeps (`file:///…`, `s3://bucket/key`): each adapter reads
 * and removes only its own locations.
 */
export abstract class EvidenceStorage {
  /** Checks at boot that the store can be written to; throws a sentence saying what to fix. */
  abstract verify(): Promise<void>;

  /** Stores the content under the key (never overwrites) and returns its location. */
  abstract save(key: string, content: Uint8Array, contentType: string): Promise<string>;

  /** The content stored at a location this adapter returned. */
  abstract read(location: string): Promise<Uint8Array>;

  /** Removes what is stored at the location (nothing if already gone). */
  abstract remove(location: string): Promise<void>;
}

/** The store did not answer or refused: the citizen can try again later, nothing was recorded. */
export class EvidenceStorageUnavailable extends DomainError {
  constructor(cause: unknown) {
    super(
      'EVIDENCE_STORAGE_UNAVAILABLE',
      'Le stockage des pièces est momentanément indisponible : réessayez dans quelques minutes.',
      'unavailable',
    );
    this.cause = cause;
  }
}

/** A location recorded by another adapter than the configured one (the store was changed without moving files). */
export class ForeignEvidenceLocation extends Error {
  constructor(location: string, adapter: string) {
    super(`Pièce enregistrée ailleurs (${location}) : le stockage configuré (${adapter}) ne la lit pas.`);
    this.name = 'ForeignEvidenceLocation';
  }
}
