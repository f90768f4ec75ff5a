import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { parisDate } from '#domain';
import { Clock, type Principal } from '#platform';
import type { FileEntity } from './file.entity.js';
import { assertAllowed, type FileAction } from './file.lifecycle.js';
import { assertTeamAccess, loadFile } from './files.repository.js';

/** Thrown to roll a dry run back; never leaves `dryRun`. */
const ROLLBACK = Symbol('rollback');

export interface WorkContext {
  manager: EntityManager;
  file: FileEntity;
  now: Date;
  /** Today in Europe/Paris, from the clock. */
  today: string;
}

/**
 * One agent action on one file, in one transaction: the file is locked (404 when unknown), the caller must belong to
 * its team (403), the action must suit its status (409). Two agents acting at once are served one after the other,
 * and the second one finds the file changed: one wins, the other gets 409.
 */
@Injectable()
export class FileWork {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  run<T>(
    principal: Principal,
    id: string,
    action: FileAction,
    work: (context: WorkContext) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const file = await loadFile(manager, id, true);
      assertTeamAccess(principal, file);
      assertAllowed(file.status, action);
      const now = this.clock.now();
      return work({ manager, file, now, today: parisDate(now) });
    });
  }

  /**
   * The same work, rolled back: what an action would record (a decision, a care plan), for a preview that cannot
   * differ from the real thing — same checks, same rules, nothing written, nothing published.
   */
  async dryRun<T>(
    principal: Principal,
    id: string,
    action: FileAction,
    work: (context: WorkContext) => Promise<T>,
  ) {
    let result: T | undefined;
    try {
      await this.run(principal, id, action, async (context) => {
        result = await work(context);
        throw ROLLBACK;
      });
    } catch (error) {
      if (error !== ROLLBACK) throw error;
    }
    return result as T;
  }

  today(): string {
    return parisDate(this.clock.now());
  }

  now(): Date {
    return this.clock.now();
  }
}
