import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify/sync';
import type { DataSource } from 'typeorm';
import { rateCheck } from './statistics.rules.js';

export interface Period {
  from: string;
  to: string;
}

const rate = (part: number, whole: number) =>
  whole === 0 ? 0 : Math.round((10_000 * part) / whole) / 10_000;

/** Figures over a period (by grant date for selections, by opening date for cases), and the cases as CSV. */
@Injectable()
export class StatisticsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async statistics(period: Period) {
    const strata: {
      procedure: string;
      stratum: string;
      drawn: string;
      selected: string;
      expected: string;
    }[] = await this.dataSource.query(
      `SELECT procedure, stratum, count(*) AS drawn, count(*) FILTER (WHERE selected) AS selected,
              avg(probability) AS expected
       FROM checks.selections WHERE decided_at >= $1 AND decided_at < ($2::date + 1)
       GROUP BY procedure, stratum ORDER BY procedure, stratum`,
      [period.from, period.to],
    );
    const outcomes: { outcome: string | null; cases: string; recoverable: string | null }[] =
      await this.dataSource.query(
        `SELECT conclusion->>'outcome' AS outcome, count(*) AS cases,
              sum((conclusion->'recovery'->>'recoverableCents')::bigint) AS recoverable
       FROM checks.cases WHERE opened_at >= $1 AND opened_at < ($2::date + 1) GROUP BY 1`,
        [period.from, period.to],
      );
    const procedures = new Map<string, { drawn: number; selected: number; expectedSum: number }>();
    for (const row of strata) {
      const total = procedures.get(row.procedure) ?? { drawn: 0, selected: 0, expectedSum: 0 };
      total.drawn += Number(row.drawn);
      total.selected += Number(row.selected);
      total.expectedSum += Number(row.expected) * Number(row.drawn);
      procedures.set(row.procedure, total);
    }
    const concluded = outcomes.filter((row) => row.outcome !== null);
    const concludedCount = concluded.reduce((sum, row) => sum + Number(row.cases), 0);
    const findings = concluded
      .filter((row) => row.outcome !== 'compliant')
      .reduce((sum, row) => sum + Number(row.cases), 0);
    return {
      period,
      selectionByProcedure: [...procedures].map(([procedure, total]) => ({
        procedure,
        drawn: total.drawn,
        selected: total.selected,
        rate: rate(total.selected, total.drawn),
        ...rateCheck(total.selected, total.drawn, total.drawn ? total.expectedSum / total.drawn : 0),
      })),
      selectionByStratum: strata.map((row) => ({
        procedure: row.procedure,
        stratum: row.stratum,
        drawn: Number(row.drawn),
        selected: Number(row.selected),
        rate: rate(Number(row.selected), Number(row.drawn)),
        ...rateCheck(Number(row.selected), Number(row.drawn), Number(row.expected)),
      })),
      cases: {
        opened: outcomes.reduce((sum, row) => sum + Number(row.cases), 0),
        concluded: concludedCount,
        byOutcome: Object.fromEntries(concluded.map((row) => [row.outcome, Number(row.cases)])),
        findingsRate: rate(findings, concludedCount),
        recoverableCents: concluded.reduce((sum, row) => sum + Number(row.recoverable ?? 0), 0),
      },
    };
  }

  async casesCsv(period: Period): Promise<string> {
    const rows: Record<string, string | number | null>[] = await this.dataSource.query(
      `SELECT c.id, c.application_id, c.origin, c.status, to_char(c.opened_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD') AS opened_on,
              s.procedure, s.stratum, s.probability, s.draw,
              c.conclusion->>'outcome' AS outcome, c.conclusion->>'overpaymentCents' AS overpayment_cents,
              c.conclusion->'recovery'->>'recoverableCents' AS recoverable_cents
       FROM checks.cases c LEFT JOIN checks.selections s ON s.application_id = c.application_id
       WHERE c.opened_at >= $1 AND c.opened_at < ($2::date + 1) ORDER BY c.opened_at`,
      [period.from, period.to],
    );
    const columns = [
      'id',
      'application_id',
      'origin',
      'status',
      'opened_on',
      'procedure',
      'stratum',
      'probability',
      'draw',
      'outcome',
      'overpayment_cents',
      'recoverable_cents',
    ];
    return stringify(rows, { header: true, columns });
  }
}
