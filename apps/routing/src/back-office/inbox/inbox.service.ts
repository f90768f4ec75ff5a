import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Forbidden, parisDate } from '#domain';
import { Clock, type Principal } from '#platform';
import { BACK_OFFICE_SETTINGS, type BackOfficeSettings } from '../back-office.settings.js';
import { fileDetail, fileSummary } from '../files/file.view.js';
import { assertTeamAccess, historyOf, inboxPage, loadFile } from '../files/files.repository.js';
import type { InboxQuery } from '../http/back-office.dto.js';

/** The inbox of the caller's teams, and one file with its history. */
@Injectable()
export class InboxService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(BACK_OFFICE_SETTINGS) private readonly settings: BackOfficeSettings,
  ) {}

  async list(principal: Principal, query: InboxQuery) {
    if (query.team && !principal.teams.includes(query.team)) {
      throw new Forbidden('Vous ne faites pas partie de cette équipe.', 'OTHER_TEAM');
    }
    const page = query.page ?? 1;
    const pageSize = Math.min(query.pageSize ?? 20, this.settings.maxPageSize);
    const assignee =
      query.assignee === undefined
        ? undefined
        : query.assignee === 'none'
          ? null
          : query.assignee === 'me'
            ? principal.subject
            : query.assignee;
    const { files, total } = await inboxPage(
      this.dataSource.manager,
      {
        teams: principal.teams,
        statuses: query.statuses(),
        assignee,
        procedure: query.procedure,
        commune: query.commune,
        team: query.team,
        flagged: query.flagged === undefined ? undefined : query.flagged === 'true',
      },
      page,
      pageSize,
    );
    const today = parisDate(this.clock.now());
    return { items: files.map((file) => fileSummary(file, today)), total, page, pageSize, today };
  }

  async get(principal: Principal, id: string) {
    const file = await loadFile(this.dataSource.manager, id);
    assertTeamAccess(principal, file);
    return fileDetail(file, await historyOf(this.dataSource.manager, id), parisDate(this.clock.now()));
  }
}
