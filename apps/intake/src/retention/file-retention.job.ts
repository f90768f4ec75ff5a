import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  categoriesDue,
  RETENTION_CATEGORIES,
  RETENTION_KEEPERS,
  type RetentionCategory,
  type RetentionYears,
  SUBJECTS,
} from '#domain';
import { Outbox } from '#messaging';
import { Clock, PeriodicJob, ScheduledJob } from '#platform';
import { APPLICATION_STATUSES, isClosed } from '../applications/application.lifecycle.js';
import { EvidenceStorage } from '../evidence/storage/evidence-storage.js';

export const RETENTION_YEARS = Symbol('RETENTION_YEARS');

const CLOSED_STATUSES = APPLICATION_STATUSES.filter(isClosed);

/**
 * Storage limitation (GDPR art. 5-1-e) for closed files: every hour, for each file whose last action is old enough,
 * the categories whose time is over (README « Security and privacy ») are purged here when intake keeps them — the
 * content anonymised (answers and owner removed; procedure, status, dates and decision kept, linked to nobody), the
 * timeline, the access log and the evidence (with its stored files) deleted — and announced to the other services
 * (`application.retention-due`), which purge theirs. One transaction per file, locked with SKIP LOCKED, the done
 * categories recorded on the file: each category is purged and announced once. Dates come from the platform's Clock.
 */
@Injectable()
export class FileRetentionJob extends ScheduledJob {
  private readonly logger = new Logger(FileRetentionJob.name);
  protected readonly job = new PeriodicJob(
    'FileRetentionJob',
    () => this.purgeDue().then(() => undefined),
    3_600_000,
  );

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly storage: EvidenceStorage,
    @Inject(RETENTION_YEARS) private readonly years: RetentionYears,
  ) {
    super();
  }

  /** Purges and announces what is due now; returns how many files had something due. */
  async purgeDue(): Promise<number> {
    const now = this.clock.now();
    const shortest = Math.min(...RETENTION_CATEGORIES.map((category) => this.years[category]));
    let handled = 0;
    for (;;) {
      const candidates: { id: string }[] = await this.dataSource.query(
        `SELECT id FROM intake.applications
          WHERE status = ANY($1::text[]) AND cardinality(retention_done) < $2
            AND updated_at <= $3::timestamptz - make_interval(years => $4)
          ORDER BY updated_at, id LIMIT 100`,
        [CLOSED_STATUSES, RETENTION_CATEGORIES.length, now.toISOString(), shortest],
      );
      let moved = 0;
      for (const { id } of candidates) {
        try {
          if (await this.purgeOne(id, now)) moved += 1;
        } catch (error) {
          this.logger.error({ err: error, applicationId: id }, 'Could not apply the retention of a file');
        }
      }
      handled += moved;
      if (candidates.length < 100 || moved === 0) return handled;
    }
  }

  private async purgeOne(id: string, now: Date): Promise<boolean> {
    const locations: string[] = [];
    const purged = await this.dataSource.transaction(async (manager) => {
      const [file]: { updated_at: Date; retention_done: RetentionCategory[] }[] = await manager.query(
        `SELECT updated_at, retention_done FROM intake.applications WHERE id = $1 FOR UPDATE SKIP LOCKED`,
        [id],
      );
      if (!file) return false;
      const due = categoriesDue(file.updated_at, now, this.years, new Set(file.retention_done));
      if (due.length === 0) return false;
      for (const category of due) {
        if (RETENTION_KEEPERS[category] === 'intake')
          locations.push(...(await purgeOwnCategory(manager, id, category)));
      }
      await manager.query(
        `UPDATE intake.applications SET retention_done = retention_done || $2::text[] WHERE id = $1`,
        [id, due],
      );
      await this.outbox.publish(manager, SUBJECTS.applicationRetentionDue, id, {
        applicationId: id,
        categories: due,
        lastActionAt: file.updated_at.toISOString(),
      });
      this.logger.log({ applicationId: id, categories: due }, 'Retention: categories purged and announced');
      return true;
    });
    // The stored files go once their rows are gone (a failure leaves an orphan file, never a row without its file).
    for (const location of locations) {
      await this.storage.remove(location).catch((error: unknown) => {
        this.logger.warn({ err: error, applicationId: id }, 'Could not remove a stored evidence file');
      });
    }
    return purged;
  }
}

/** Purges one category intake keeps; returns the locations of stored files to remove once committed. */
async function purgeOwnCategory(
  manager: EntityManager,
  id: string,
  category: RetentionCategory,
): Promise<string[]> {
  switch (category) {
    case 'fileContent':
      await manager.query(
        `UPDATE intake.applications SET data = '{}'::jsonb, owner_subject = 'anonymised', warnings = '[]'::jsonb
          WHERE id = $1`,
        [id],
      );
      return [];
    case 'timeline':
      await manager.query('DELETE FROM intake.timeline_entries WHERE application_id = $1', [id]);
      return [];
    case 'accessLog':
      await manager.query('DELETE FROM intake.access_log WHERE application_id = $1', [id]);
      return [];
    case 'evidence': {
      const rows: { location: string }[] = await manager.query(
        'DELETE FROM intake.evidence WHERE application_id = $1 RETURNING location',
        [id],
      );
      return rows.map((row) => row.location);
    }
    default:
      return [];
  }
}
