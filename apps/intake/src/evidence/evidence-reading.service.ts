import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Forbidden, NotFound } from '#domain';
import { Clock, type Principal } from '#platform';
import { ApplicationEntity } from '../applications/application.entity.js';
import { applicationNotFound } from '../applications/applications.repository.js';
import { recordStaffRead } from '../staff-access/access-log.repository.js';
import { evidenceAccess } from './evidence-access.policy.js';
import type { EvidenceItemView } from './evidence.views.js';
import { EvidenceStorage, EvidenceStorageUnavailable } from './storage/evidence-storage.js';

export interface EvidenceContent {
  fileName: string;
  contentType: string;
  content: Uint8Array;
}

interface EvidenceRow {
  id: string;
  check_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  location: string;
  received_at: Date;
}

const itemView = (row: EvidenceRow): EvidenceItemView => ({
  id: row.id,
  checkId: row.check_id,
  fileName: row.file_name,
  contentType: row.content_type,
  sizeBytes: row.size_bytes,
  receivedAt: row.received_at.toISOString(),
});

/** The evidence of a file, for the citizen who sent it and for the auditor of an open control (downloads logged). */
@Injectable()
export class EvidenceReadingService {
  private readonly logger = new Logger(EvidenceReadingService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly storage: EvidenceStorage,
    private readonly clock: Clock,
  ) {}

  async list(principal: Principal, applicationId: string): Promise<{ items: EvidenceItemView[] }> {
    const manager = this.dataSource.manager;
    await this.allowed(manager, principal, applicationId);
    const rows: EvidenceRow[] = await manager.query(
      'SELECT * FROM intake.evidence WHERE application_id = $1 ORDER BY received_at, id',
      [applicationId],
    );
    return { items: rows.map(itemView) };
  }

  /** The stored file; an auditor's download is written to the access log before the content is handed over. */
  download(principal: Principal, applicationId: string, evidenceId: string): Promise<EvidenceContent> {
    return this.dataSource.transaction(async (manager) => {
      const { application, as } = await this.allowed(manager, principal, applicationId);
      const rows: EvidenceRow[] = await manager.query(
        'SELECT * FROM intake.evidence WHERE id = $1 AND application_id = $2',
        [evidenceId, applicationId],
      );
      if (rows.length === 0) throw new NotFound('Pièce introuvable sur ce dossier.', 'EVIDENCE_NOT_FOUND');
      const row = rows[0];
      if (as === 'auditor')
        await recordStaffRead(manager, {
          applicationId: application.id,
          principal,
          role: 'auditor',
          team: null,
          purpose: 'control',
          at: this.clock.now(),
        });
      return {
        fileName: row.file_name,
        contentType: row.content_type,
        content: await this.read(row.location),
      };
    });
  }

  private async allowed(manager: EntityManager, principal: Principal, applicationId: string) {
    const application = await manager.findOne(ApplicationEntity, { where: { id: applicationId } });
    if (!application || application.status === 'draft') throw applicationNotFound();
    const check = application.handling.check;
    const access = evidenceAccess(principal, {
      ownerSubject: application.ownerSubject,
      openControl: check !== undefined && check.status !== 'concluded',
    });
    if (!access.allowed)
      throw access.hidden ? applicationNotFound() : new Forbidden(access.reason, access.code);
    return { application, as: access.as };
  }

  private async read(location: string): Promise<Uint8Array> {
    try {
      return await this.storage.read(location);
    } catch (error) {
      this.logger.error({ err: error, location }, 'Evidence file unreadable from the store');
      throw new EvidenceStorageUnavailable(error);
    }
  }
}
