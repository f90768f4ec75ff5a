import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Where evidence files go: a port, so that an S3-compatible store can replace the local folder. */
export abstract class EvidenceStorage {
  /** Stores the content under the key and returns where it is (for the record). */
  abstract save(key: string, content: Uint8Array, contentType: string): Promise<string>;
}

/** The default: a local folder (`EVIDENCE_DIR`, `.data/evidence` under `npm start`). */
export class LocalFolderEvidenceStorage extends EvidenceStorage {
  constructor(private readonly root: string) {
    super();
  }

  async save(key: string, content: Uint8Array): Promise<string> {
    const path = join(this.root, key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content, { flag: 'wx', mode: 0o600 });
    return `file://${path}`;
  }
}
