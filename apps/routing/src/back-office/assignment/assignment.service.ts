import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, InvalidTransition, SUBJECTS } from '#domain';
import { Outbox } from '#messaging';
import type { Principal } from '#platform';
import { DirectoryIndex } from '../../directory/directory-index.js';
import type { FileEntity } from '../files/file.entity.js';
import { FileWork } from '../files/file-work.js';
import { fileDetail } from '../files/file.view.js';
import {
  appendHistory,
  assertTeamAccess,
  historyOf,
  loadFile,
  openFilesPerAgent,
} from '../files/files.repository.js';
import { type AgentLoad, leastLoaded } from './assignment.rules.js';

/** Who works a file: an agent claims it, a supervisor assigns it (the least-loaded agent is suggested). */
@Injectable()
export class AssignmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly work: FileWork,
    private readonly outbox: Outbox,
    private readonly directory: DirectoryIndex,
  ) {}

  /** An agent of the team takes a file nobody holds. Taking it again is a no-op; someone else's is a 409. */
  claim(principal: Principal, id: string) {
    return this.work.run(principal, id, 'claim', async ({ manager, file, now, today }) => {
      if (file.assignee !== principal.subject) {
        if (file.assignee !== null) {
          throw new InvalidTransition(
            'Ce dossier est déjà pris en charge par un autre agent : demandez à votre responsable de vous ' +
              'l’attribuer.',
            'ALREADY_ASSIGNED',
          );
        }
        await this.assignTo(manager, file, principal.subject, principal.subject, now, 'claimed');
      }
      return fileDetail(file, await historyOf(manager, file.id), today);
    });
  }

  /** A supervisor gives the file to an agent of its team; a reassignment stays in the history. */
  assign(principal: Principal, id: string, agentId: string) {
    return this.work.run(principal, id, 'assign', async ({ manager, file, now, today }) => {
      const agent = this.directory.agentsOf(file.teamCode).find((candidate) => candidate.subject === agentId);
      if (!agent) {
        throw new DomainError(
          'AGENT_NOT_IN_TEAM',
          `L’agent « ${agentId} » ne fait pas partie de l’équipe ${file.teamCode} qui traite ce dossier.`,
          'unprocessable',
          [{ field: 'agentId', reason: 'doit être un agent de l’équipe du dossier' }],
        );
      }
      if (file.assignee !== agentId) {
        await this.assignTo(
          manager,
          file,
          agentId,
          principal.subject,
          now,
          file.assignee ? 'reassigned' : 'assigned',
        );
      }
      return fileDetail(file, await historyOf(manager, file.id), today);
    });
  }

  /**
   * The agent who holds a file gives it back to the team's inbox (a supervisor may do it for anyone of the team).
   * Kept in the history; nothing is told to the citizen (the file stays with the same team).
   */
  release(principal: Principal, id: string) {
    return this.work.run(principal, id, 'release', async ({ manager, file, now, today }) => {
      if (file.assignee !== null) {
        if (file.assignee !== principal.subject && !principal.roles.includes('supervisor')) {
          throw new InvalidTransition(
            'Ce dossier est pris en charge par un autre agent : seul cet agent ou un responsable peut le rendre.',
            'NOT_YOUR_FILE',
          );
        }
        const previous = file.assignee;
        file.assignee = null;
        await manager.save(file);
        await appendHistory(manager, {
          fileId: file.id,
          at: now,
          kind: 'released',
          actor: principal.subject,
          text: `Dossier rendu à la bannette de l’équipe (il était pris en charge par ${previous}).`,
          details: { from: previous },
        });
      }
      return fileDetail(file, await historyOf(manager, file.id), today);
    });
  }

  /** The load of each of the caller's teams: its agents and their open files, the least loaded first. */
  async teamsLoad(principal: Principal) {
    const teams = principal.teams.map((teamCode) => ({
      teamCode,
      agents: this.directory.agentsOf(teamCode),
    }));
    const load = await openFilesPerAgent(
      this.dataSource.manager,
      teams.flatMap((team) => team.agents.map((agent) => agent.subject)),
    );
    return {
      items: teams.map((team) => ({
        teamCode: team.teamCode,
        agents: team.agents
          .map((agent) => ({
            subject: agent.subject,
            displayName: agent.displayName,
            openFiles: load.get(agent.subject) ?? 0,
          }))
          .sort((a, b) => a.openFiles - b.openFiles),
      })),
    };
  }

  /** The agents of the file's team with their open files, the least loaded first and suggested. */
  async suggestion(principal: Principal, id: string) {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const file = await loadFile(manager, id);
      assertTeamAccess(principal, file);
      const agents = this.directory.agentsOf(file.teamCode);
      const load = await openFilesPerAgent(
        manager,
        agents.map((agent) => agent.subject),
      );
      const loads: AgentLoad[] = agents.map((agent) => ({
        subject: agent.subject,
        displayName: agent.displayName,
        openFiles: load.get(agent.subject) ?? 0,
      }));
      const suggested = leastLoaded(loads);
      return {
        teamCode: file.teamCode,
        suggested,
        agents: [...loads].sort((a, b) => a.openFiles - b.openFiles),
      };
    });
  }

  private async assignTo(
    manager: EntityManager,
    file: FileEntity,
    agentId: string,
    actor: string,
    now: Date,
    kind: 'claimed' | 'assigned' | 'reassigned',
  ): Promise<void> {
    const previous = file.assignee;
    file.assignee = agentId;
    await manager.save(file);
    const name = this.directory
      .agentsOf(file.teamCode)
      .find((agent) => agent.subject === agentId)?.displayName;
    const who = name ? `${name} (${agentId})` : agentId;
    await appendHistory(manager, {
      fileId: file.id,
      at: now,
      kind,
      actor,
      text:
        kind === 'claimed'
          ? `Dossier pris en charge par ${who}.`
          : kind === 'assigned'
            ? `Dossier attribué à ${who}.`
            : `Dossier réattribué de ${previous} à ${who}.`,
      details: { from: previous, to: agentId },
    });
    await this.outbox.publish(manager, SUBJECTS.applicationAssigned, file.id, {
      applicationId: file.id,
      teamCode: file.teamCode,
      agentId,
      assignedAt: now.toISOString(),
    });
  }
}
