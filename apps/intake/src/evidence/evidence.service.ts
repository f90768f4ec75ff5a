import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { InvalidTransition, SUBJECTS, ValidationFailed } from '#domain';
import { Outbox } from '#messaging';
import { Clock, type Principal } from '#platform';
import { appendTimeline, loadOwnedApplication } from '../applications/applications.repository.js';
import { EvidenceStorage, EvidenceStorageUnavailable } from './storage/evidence-storage.js';
import { safeFileName, sniffEvidenceType } from './evidence.rules.js';
import type { EvidenceItemView } from './evidence.views.js';

export const EVIDENCE_MAX_BYTES = Symbol('EVIDENCE_MAX_BYTES');

/** What the HTTP layer hands over: the uploaded file as multer gives it. */
export interface UploadedEvidence {
  originalname: string;
  size: number;
  buffer: Buffer;
}

/** A citizen's evidence for an open control: checked, stored through the port, recorded and announced once. */
@Injectable()
export class EvidenceService {
  private readonly logger = new Logger(EvidenceService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly storage: EvidenceStorage,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    @Inject(EVIDENCE_MAX_BYTES) private readonly maxBytes: number,
  ) {}

  async receive(
    principal: Principal,
    applicationId: string,
    file: UploadedEvidence | undefined,
  ): Promise<EvidenceItemView> {
    if (!file)
      throw new ValidationFailed([
        { field: 'file', reason: 'joignez un fichier (champ « file », multipart/form-data)' },
      ]);
    if (file.size > this.maxBytes)
      throw new ValidationFailed([
        { field: 'file', reason: `ne doit pas dépasser ${Math.floor(this.maxBytes / 1_048_576)} Mo` },
      ]);
    const contentType = sniffEvidenceType(file.buffer);
    if (!contentType)
      throw new ValidationFailed([{ field: 'file', reason: 'doit être un PDF, un JPEG ou un PNG' }]);
    let stored: string | undefined;
    try {
      return await this.dataSource.transaction(async (manager) => {
        const application = await loadOwnedApplication(manager, principal.subject, applicationId, true);
        const check = application.handling.check;
        if (!check || check.status !== 'evidence_requested')
          throw new InvalidTransition('Aucune pièce n’est demandée sur ce dossier.', 'NO_EVIDENCE_REQUESTED');
        const id = uuidv7();
        const fileName = safeFileName(file.originalname, contentType);
        const location = await this.store(`${application.id}/${id}`, file.buffer, contentType);
        stored = location;
        const receivedAt = this.clock.now();
        await manager.query(
          `INSERT INTO intake.evidence (id, application_id, check_id, file_name, content_type, size_bytes, location, received_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [id, application.id, check.checkId, fileName, contentType, file.size, location, receivedAt],
        );
        await appendTimeline(
          manager,
          application.id,
          'evidence_received',
          `Pièce reçue pour le contrôle : ${fileName}.`,
        );
        await this.outbox.publish(manager, SUBJECTS.checkEvidenceReceived, application.id, {
          checkId: check.checkId,
          applicationId: application.id,
          receivedAt: receivedAt.toISOString(),
          documents: [fileName],
        });
        return {
          id,
          checkId: check.checkId,
          fileName,
          contentType,
          sizeBytes: file.size,
          receivedAt: receivedAt.toISOString(),
        };
      });
    } catch (error) {
      // Nothing was recorded: the stored file would be an orphan nobody can reach.
      if (stored) await this.discard(stored);
      throw error;
    }
  }

  private async store(key: string, content: Uint8Array, contentType: string): Promise<string> {
    try {
      return await this.storage.save(key, content, contentType);
    } catch (error) {
      this.logger.error({ err: error, key }, 'Evidence file could not be stored');
      throw new EvidenceStorageUnavailable(error);
    }
  }

  private async discard(location: string): Promise<void> {
    try {
      await this.storage.remove(location);
    } catch (error) {
      this.logger.warn({ err: error, location }, 'Orphan evidence file left in the store (removal failed)');
    }
  }
}
