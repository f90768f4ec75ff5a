import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Forbidden } from '#domain';
import { Clock, type Principal } from '#platform';
import { ApplicationEntity } from '../applications/application.entity.js';
import { applicationNotFound, loadOwnedApplication } from '../applications/applications.repository.js';
import { AccessLogEntity } from './access-log.entity.js';
import { recordStaffRead } from './access-log.repository.js';
import { type AccessPurpose } from './access-purposes.js';
import {
  accessLogView,
  type AccessLogQueryResult,
  citizenAccessView,
  type FileContentView,
} from './access.views.js';
import { contentAccess } from './content-access.policy.js';
import type { AccessLogQuery } from './staff-access.dto.js';

/** Staff read a file's content through intake, each read recorded; citizens and admins see those reads. */
@Injectable()
export class StaffAccessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The complete form, for staff the policy allows; the read and the log line commit together. */
  readContent(principal: Principal, id: string, purpose: AccessPurpose): Promise<FileContentView> {
    return this.dataSource.transaction(async (manager) => {
      const application = await manager.findOne(ApplicationEntity, { where: { id } });
      // A draft has not been filed: staff have nothing to see there.
      if (!application || application.status === 'draft') throw applicationNotFound();
      const check = application.handling.check;
      const access = contentAccess(principal, {
        owningTeam: application.handling.team?.code ?? null,
        openControl: check !== undefined && check.status !== 'concluded',
      });
      if (!access.allowed) throw new Forbidden(access.reason, access.code);
      const at = this.clock.now();
      await recordStaffRead(manager, {
        applicationId: application.id,
        principal,
        role: access.role,
        team: access.team,
        purpose,
        at,
      });
      return {
        id: application.id,
        procedure: application.procedure,
        status: application.status,
        receiptNumber: application.receiptNumber,
        submittedAt: application.submittedAt?.toISOString() ?? null,
        decisionDeadline: application.decisionDeadline,
        team: application.handling.team?.code ?? null,
        warnings: application.warnings,
        data: application.data,
        access: { at: at.toISOString(), role: access.role, team: access.team, purpose },
      };
    });
  }

  /** The citizen's view of who read their file: team and role, never a name. */
  async accessesOf(principal: Principal, id: string) {
    const application = await loadOwnedApplication(this.dataSource.manager, principal.subject, id);
    const entries = await this.dataSource.manager.find(AccessLogEntity, {
      where: { applicationId: id },
      order: { at: 'DESC' },
    });
    return { items: entries.map((entry) => citizenAccessView(entry, application.handling.team)) };
  }

  /** The access log for an admin, filtered and paginated, newest first. */
  async log(query: AccessLogQuery): Promise<AccessLogQueryResult> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const builder = this.dataSource.manager.createQueryBuilder(AccessLogEntity, 'log');
    if (query.applicationId) builder.andWhere('log.application_id = :applicationId', query);
    if (query.actor) builder.andWhere('log.actor_subject = :actor', query);
    if (query.from) builder.andWhere('log.at >= :from', query);
    if (query.to) builder.andWhere('log.at < :to', query);
    const [entries, total] = await builder
      .orderBy('log.at', 'DESC')
      .addOrderBy('log.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: entries.map(accessLogView), page, pageSize, total };
  }
}
