import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { Forbidden, NotFound } from '#domain';
import type { Principal } from '#platform';
import { FileHistoryEntity } from './file-history.entity.js';
import { FileEntity } from './file.entity.js';
import { type FileStatus, OPEN_STATUSES } from './file.lifecycle.js';

/** The SQL of the back office's files: loading with a row lock, team access, history, the inbox, agents' load. */

export function fileNotFound(): NotFound {
  return new NotFound('Dossier introuvable.', 'FILE_NOT_FOUND');
}

/** A file, locked until the end of the transaction when asked: two agents acting at once are served one by one. */
export async function loadFile(manager: EntityManager, id: string, lock = false): Promise<FileEntity> {
  const file = await manager.findOne(FileEntity, {
    where: { id },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!file) throw fileNotFound();
  return file;
}

/** An agent or supervisor sees only the files of their teams (403 for another team's file). */
export function assertTeamAccess(principal: Principal, file: FileEntity): void {
  if (!principal.teams.includes(file.teamCode)) {
    throw new Forbidden(
      'Ce dossier relève d’une autre équipe : vous ne pouvez ni le consulter ni agir dessus.',
      'OTHER_TEAM',
    );
  }
}

export async function appendHistory(
  manager: EntityManager,
  entry: {
    fileId: string;
    at: Date;
    kind: string;
    actor: string | null;
    text: string;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  const row: FileHistoryEntity = { id: uuidv7(), details: {}, ...entry };
  await manager.insert(FileHistoryEntity, row as QueryDeepPartialEntity<FileHistoryEntity>);
}

export function historyOf(manager: EntityManager, fileId: string): Promise<FileHistoryEntity[]> {
  return manager.find(FileHistoryEntity, { where: { fileId }, order: { at: 'ASC', id: 'ASC' } });
}

export interface InboxFilter {
  teams: string[];
  statuses?: FileStatus[];
  /** An agent's subject, or null for files nobody has taken. */
  assignee?: string | null;
  procedure?: string;
  team?: string;
  flagged?: boolean;
  /** INSEE code of the file's commune. */
  commune?: string;
}

/** The files of the agent's teams, soonest deadline first (no deadline last), then oldest first. */
export async function inboxPage(
  manager: EntityManager,
  filter: InboxFilter,
  page: number,
  pageSize: number,
): Promise<{ files: FileEntity[]; total: number }> {
  const query = manager
    .createQueryBuilder(FileEntity, 'file')
    .where('file.team_code IN (:...teams)', { teams: filter.teams.length > 0 ? filter.teams : [''] });
  if (filter.team) query.andWhere('file.team_code = :team', { team: filter.team });
  if (filter.statuses?.length) query.andWhere('file.status IN (:...statuses)', { statuses: filter.statuses });
  if (filter.assignee === null) query.andWhere('file.assignee IS NULL');
  else if (filter.assignee !== undefined)
    query.andWhere('file.assignee = :assignee', { assignee: filter.assignee });
  if (filter.procedure) query.andWhere('file.procedure = :procedure', { procedure: filter.procedure });
  if (filter.commune) query.andWhere('file.commune_insee = :commune', { commune: filter.commune });
  if (filter.flagged !== undefined)
    query.andWhere('file.default_team = :flagged', { flagged: filter.flagged });
  const [files, total] = await query
    .orderBy('file.decision_deadline', 'ASC', 'NULLS LAST')
    .addOrderBy('file.submitted_at', 'ASC')
    .addOrderBy('file.id', 'ASC')
    .skip((page - 1) * pageSize)
    .take(pageSize)
    .getManyAndCount();
  return { files, total };
}

/** How many open files each of these agents holds (0 for an agent who holds none). */
export async function openFilesPerAgent(
  manager: EntityManager,
  subjects: readonly string[],
): Promise<Map<string, number>> {
  const load = new Map(subjects.map((subject) => [subject, 0]));
  if (subjects.length === 0) return load;
  const rows: { assignee: string; open: number }[] = await manager.query(
    `SELECT assignee, count(*)::int AS open FROM routing.files
     WHERE assignee = ANY($1) AND status = ANY($2) GROUP BY assignee`,
    [subjects, OPEN_STATUSES],
  );
  for (const row of rows) load.set(row.assignee, row.open);
  return load;
}
