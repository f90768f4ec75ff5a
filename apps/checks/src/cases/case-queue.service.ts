import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { CheckOutcome } from '#domain';
import type { CaseStatus } from './case.lifecycle.js';

export interface CaseQueueQuery {
  status?: CaseStatus;
  procedure?: string;
  applicationId?: string;
  page?: number;
  pageSize?: number;
}

export interface CaseSummary {
  id: string;
  applicationId: string;
  procedure: string | null;
  origin: 'sample' | 'targeted';
  status: CaseStatus;
  openedAt: string;
  /** The date the case waits for now: the evidence's, or the answer's in the contradictory phase. */
  waitingUntil: string | null;
  outcome: CheckOutcome | null;
}

export interface CaseQueuePage {
  items: CaseSummary[];
  page: number;
  pageSize: number;
  total: number;
}

interface SummaryRow {
  id: string;
  application_id: string;
  procedure: string | null;
  origin: 'sample' | 'targeted';
  status: CaseStatus;
  opened_at: Date;
  waiting_until: string | null;
  outcome: CheckOutcome | null;
  total: string;
}

/**
 * The auditors' work queue: the cases, open ones first, the soonest date first (an evidence date or an answer date),
 * then the oldest. Filters by state, procedure or file. No personal data: the file is an id.
 */
@Injectable()
export class CaseQueue {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: CaseQueueQuery): Promise<CaseQueuePage> {
    const page = query.page ?? 1;
    const pageSize = Math.min(query.pageSize ?? 50, 200);
    const rows: SummaryRow[] = await this.dataSource.query(
      `SELECT c.id, c.application_id, f.procedure, c.origin, c.status, c.opened_at,
              CASE c.status WHEN 'evidence_requested' THEN c.evidence_request->>'dueDate'
                            WHEN 'contradictory' THEN c.proposal->>'answerBy' END AS waiting_until,
              c.conclusion->>'outcome' AS outcome,
              count(*) OVER () AS total
         FROM checks.cases c
         LEFT JOIN checks.application_facts f ON f.application_id = c.application_id
        WHERE ($1::text IS NULL OR c.status = $1)
          AND ($2::text IS NULL OR f.procedure = $2)
          AND ($3::uuid IS NULL OR c.application_id = $3)
        ORDER BY (c.status = 'concluded'), waiting_until NULLS LAST, c.opened_at, c.id
        LIMIT $4 OFFSET $5`,
      [
        query.status ?? null,
        query.procedure ?? null,
        query.applicationId ?? null,
        pageSize,
        (page - 1) * pageSize,
      ],
    );
    return {
      items: rows.map((row) => ({
        id: row.id,
        applicationId: row.application_id,
        procedure: row.procedure,
        origin: row.origin,
        status: row.status,
        openedAt: row.opened_at.toISOString(),
        waitingUntil: row.waiting_until,
        outcome: row.outcome,
      })),
      page,
      pageSize,
      total: rows.length > 0 ? Number(rows[0].total) : 0,
    };
  }
}
