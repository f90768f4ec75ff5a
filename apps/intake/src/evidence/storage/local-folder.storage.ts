import { access, constants, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { EvidenceStorage, ForeignEvidenceLocation } from './evidence-storage.js';

/** The default store: a local folder (`EVIDENCE_DIR`; `.data/evidence` under `npm start`), files readable by owner only. */
export class LocalFolderEvidenceStorage extends EvidenceStorage {
  private readonly root: string;

  constructor(root: string) {
    super();
    this.root = resolve(root);
  }

  async verify(): Promise<void> {
    try {
      await mkdir(this.root, { recursive: true, mode: 0o700 });
      await access(this.root, constants.W_OK);
    } catch (error) {
      throw new Error(
        `Le dossier des pièces (EVIDENCE_DIR=${this.root}) n’est pas accessible en écriture : créez-le pour ` +
          'l’utilisateur du service, ou choisissez un autre dossier (ou EVIDENCE_STORAGE=s3).',
        { cause: error },
      );
    }
  }

  async save(key: string, content: Uint8Array): Promise<string> {
    const path = join(this.root, key);
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    await writeFile(path, content, { flag: 'wx', mode: 0o600 });
    return pathToFileURL(path).href;
  }

  read(location: string): Promise<Uint8Array> {
    return readFile(this.pathOf(location));
  }

  async remove(location: string): Promise<void> {
    await rm(this.pathOf(location), { force: true });
  }

  private pathOf(location: string): string {
    if (!location.startsWith('file:')) throw new ForeignEvidenceLocation(location, 'dossier local');
    return fileURLToPath(location);
  }
}
