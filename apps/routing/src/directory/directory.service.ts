import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { v5 as uuidv5 } from 'uuid';
import { etalabCommuneDirectory, SUBJECTS, ValidationFailed } from '#domain';
import { Outbox } from '#messaging';
import { PeriodicJob } from '#platform';
import { DEMO_AGENTS, DEMO_RULES, DEMO_TEAMS } from './demo-directory.js';
import type { AgentView } from './directory-index.js';
import { parseRulesCsv, type RuleCheckContext, ruleProblems, rulesToCsv } from './directory-csv.js';
import {
  bumpVersion,
  directoryVersion,
  type DirectorySnapshot,
  readSnapshot,
  replaceRules,
  type TeamRecord,
  upsertAgent,
  upsertTeam,
} from './directory.repository.js';
import { DIRECTORY_SETTINGS, type DirectorySettings } from './directory.settings.js';
import { LiveDirectoryIndex } from './live-directory-index.js';

const AGGREGATE_NAMESPACE = '0b3f6c9e-2d4a-4f7b-8c1e-5a6d7e8f9a0b';

/**
 * The directory's writes and the in-memory index's freshness. Every change commits with its version bump and its
 * events (team-updated, agent-updated) in one transaction, then this process reloads at once; other replicas reload
 * when their refresh job sees a new version (`DIRECTORY_REFRESH_MS`).
 */
@Injectable()
export class DirectoryService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Directory');
  private readonly job: PeriodicJob;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly index: LiveDirectoryIndex,
    private readonly outbox: Outbox,
    @Inject(DIRECTORY_SETTINGS) private readonly settings: DirectorySettings,
  ) {
    this.job = new PeriodicJob(
      'DirectoryRefresh',
      () => this.refresh(),
      settings.refreshMs,
      settings.refreshMs,
    );
  }

  async onModuleInit(): Promise<void> {
    if (this.settings.loadDemo) await this.seedDemoIfEmpty();
    await this.reload();
  }

  onApplicationBootstrap(): void {
    this.job.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.job.stop();
  }

  snapshot(): Promise<DirectorySnapshot> {
    return this.dataSource.transaction('REPEATABLE READ', readSnapshot);
  }

  async reload(): Promise<void> {
    this.index.replace(await this.snapshot());
  }

  /** Reloads when another replica changed the directory. */
  async refresh(): Promise<void> {
    if ((await directoryVersion(this.dataSource.manager)) !== this.index.loadedVersion) await this.reload();
  }

  async exportRules(): Promise<string> {
    return rulesToCsv((await this.snapshot()).rules);
  }

  /** Replaces every rule with the file's, all or nothing. Returns how many rules are now in force. */
  async importRules(csv: string): Promise<{ rules: number }> {
    const rules = await this.dataSource.transaction(async (manager) => {
      await bumpVersion(manager);
      const parsed = parseRulesCsv(csv, this.checkContext(await readSnapshot(manager)));
      await replaceRules(manager, parsed);
      return parsed;
    });
    await this.reload();
    return { rules: rules.length };
  }

  async saveTeam(team: TeamRecord): Promise<TeamRecord> {
    await this.dataSource.transaction(async (manager) => {
      await bumpVersion(manager);
      await upsertTeam(manager, team);
      await this.announceTeam(manager, team);
    });
    await this.reload();
    return team;
  }

  async saveAgent(agent: AgentView): Promise<AgentView> {
    await this.dataSource.transaction(async (manager) => {
      await bumpVersion(manager);
      const known = new Set((await readSnapshot(manager)).teams.map((team) => team.code));
      const unknown = agent.teamCodes.filter((code) => !known.has(code));
      if (unknown.length > 0)
        throw new ValidationFailed([
          { field: 'teamCodes', reason: `équipe(s) inconnue(s) : ${unknown.join(', ')}` },
        ]);
      await upsertAgent(manager, agent);
      await this.announceAgent(manager, agent);
    });
    await this.reload();
    return agent;
  }

  /** Checks one rule against the current directory (used by the admin API before an import). */
  async checkRule(rule: Parameters<typeof ruleProblems>[0]): Promise<string[]> {
    return ruleProblems(rule, this.checkContext(await this.snapshot()));
  }

  private checkContext(snapshot: DirectorySnapshot): RuleCheckContext {
    const communes = etalabCommuneDirectory();
    return {
      communes,
      epciCodes: communes.epciCodes(),
      departementCodes: communes.departementCodes(),
      teamCodes: new Set(snapshot.teams.map((team) => team.code)),
    };
  }

  private async seedDemoIfEmpty(): Promise<void> {
    const seeded = await this.dataSource.transaction(async (manager) => {
      await bumpVersion(manager); // locks: two replicas starting together seed once
      const { teams } = await readSnapshot(manager);
      if (teams.length > 0) return false;
      for (const team of DEMO_TEAMS) {
        await upsertTeam(manager, team);
        await this.announceTeam(manager, team);
      }
      for (const agent of DEMO_AGENTS) {
        await upsertAgent(manager, agent, true);
        await this.announceAgent(manager, agent);
      }
      await replaceRules(manager, DEMO_RULES, true);
      return true;
    });
    if (seeded)
      this.logger.log(
        `Annuaire de démonstration chargé : ${DEMO_TEAMS.length} équipes, ${DEMO_RULES.length} règles`,
      );
  }

  private async announceTeam(manager: EntityManager, team: TeamRecord): Promise<void> {
    await this.outbox.publish(
      manager,
      SUBJECTS.directoryTeamUpdated,
      uuidv5(`team:${team.code}`, AGGREGATE_NAMESPACE),
      {
        code: team.code,
        name: team.name,
        ...(team.contact.email ? { email: team.contact.email } : {}),
      },
    );
  }

  private async announceAgent(manager: EntityManager, agent: AgentView): Promise<void> {
    await this.outbox.publish(
      manager,
      SUBJECTS.directoryAgentUpdated,
      uuidv5(`agent:${agent.subject}`, AGGREGATE_NAMESPACE),
      {
        subject: agent.subject,
        displayName: agent.displayName,
        ...(agent.email ? { email: agent.email } : {}),
        teamCodes: agent.teamCodes,
      },
    );
  }
}
