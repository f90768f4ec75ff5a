import type { FactoryProvider } from '@nestjs/common';
import type { IntakeConfig } from '../../intake.config.js';
import { EvidenceStorage } from './evidence-storage.js';
import { LocalFolderEvidenceStorage } from './local-folder.storage.js';
import { S3EvidenceStorage } from './s3.storage.js';

type StorageSettings = Pick<
  IntakeConfig,
  | 'EVIDENCE_STORAGE'
  | 'EVIDENCE_DIR'
  | 'EVIDENCE_S3_BUCKET'
  | 'EVIDENCE_S3_ENDPOINT'
  | 'EVIDENCE_S3_REGION'
  | 'EVIDENCE_S3_ACCESS_KEY_ID'
  | 'EVIDENCE_S3_SECRET_ACCESS_KEY'
  | 'EVIDENCE_S3_FORCE_PATH_STYLE'
>;

/** The adapter the configuration names (validated by IntakeConfig). */
export function evidenceStorageFrom(config: StorageSettings): EvidenceStorage {
  if (config.EVIDENCE_STORAGE === 'local') return new LocalFolderEvidenceStorage(config.EVIDENCE_DIR);
  return new S3EvidenceStorage({
    bucket: config.EVIDENCE_S3_BUCKET ?? '',
    region: config.EVIDENCE_S3_REGION,
    endpoint: config.EVIDENCE_S3_ENDPOINT,
    forcePathStyle: config.EVIDENCE_S3_FORCE_PATH_STYLE,
    credentials:
      config.EVIDENCE_S3_ACCESS_KEY_ID && config.EVIDENCE_S3_SECRET_ACCESS_KEY
        ? {
            accessKeyId: config.EVIDENCE_S3_ACCESS_KEY_ID,
            secretAccessKey: config.EVIDENCE_S3_SECRET_ACCESS_KEY,
          }
        : undefined,
  });
}

/** The store, checked before the service takes requests: a store it cannot write to stops the boot with the reason. */
export function evidenceStorageProvider(config: StorageSettings): FactoryProvider<EvidenceStorage> {
  return {
    provide: EvidenceStorage,
    useFactory: async () => {
      const storage = evidenceStorageFrom(config);
      await storage.verify();
      return storage;
    },
  };
}
