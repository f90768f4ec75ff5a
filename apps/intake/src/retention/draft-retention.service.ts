import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PeriodicJob, ScheduledJob } from '#platform';

export const DRAFT_RETENTION_DAYS = Symbol('DRAFT_RETENTION_DAYS');

/**
 * Personal data is kept only as long as needed (DOMAIN.md §5): a draft never submitted is deleted, with its
 * timeline, DRAFT_RETENTION_DAYS after its last change. Runs every hour; replicas may run it together.
 */
@Injectable()
export class DraftRetention extends ScheduledJob {
  protected readonly job = new PeriodicJob(
    'DraftRetention',
    () => this.purge().then(() => undefined),
    3_600_000,
  );

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DRAFT_RETENTION_DAYS) private readonly retentionDays: number,
  ) {
    super();
  }

  /** Deletes expired drafts; returns how many. */
  async purge(now: Date = new Date()): Promise<number> {
    const [, deleted]: [unknown[], number] = await this.dataSource.query(
      `DELETE FROM intake.applications
       WHERE status = 'draft' AND updated_at < $1::timestamptz - make_interval(days => $2)`,
      [now.toISOString(), this.retentionDays],
    );
    return deleted;
  }
}
