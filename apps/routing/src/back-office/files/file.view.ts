import type { LegalDate } from '#domain';
import { backOfficeProcedure } from '../back-office.procedures.js';
import { carePlanDueOn } from '../care-plans/care-plan.rules.js';
import { daysLeft } from '../deadlines/deadline.rules.js';
import type { FileHistoryEntity } from './file-history.entity.js';
import type { FileEntity } from './file.entity.js';
import { statusLabel } from './file.lifecycle.js';

/** A line of the inbox. */
export function fileSummary(file: FileEntity, today: LegalDate) {
  const running = file.decisionDeadline !== null && file.suspendedOn === null;
  return {
    id: file.id,
    receiptNumber: file.receiptNumber,
    procedure: file.procedure,
    communeInsee: file.communeInsee,
    teamCode: file.teamCode,
    /** No routing rule covered the file: it went to the default team, to be looked at. */
    flagged: file.defaultTeam,
    status: file.status,
    statusLabel: statusLabel(file.status),
    assignee: file.assignee,
    submittedAt: file.submittedAt.toISOString(),
    decisionDeadline: file.decisionDeadline,
    /** Days until the deadline (0 on the day, negative when passed); null while the clock is stopped. */
    daysLeft: running && file.decisionDeadline ? daysLeft(today, file.decisionDeadline) : null,
    clockSuspendedOn: file.suspendedOn,
    silenceMeans: file.silenceMeans,
    carePlanStatus: file.carePlan?.status ?? null,
  };
}

/** One file with everything the back office knows of it, and its history. */
export function fileDetail(file: FileEntity, history: FileHistoryEntity[], today: LegalDate) {
  const apa = backOfficeProcedure(file.procedure).carePlan;
  return {
    ...fileSummary(file, today),
    routingReason: file.routingReason,
    facts: file.facts,
    completeOn: file.completeOn,
    infoRequest: file.infoRequest,
    evaluation: file.evaluation,
    carePlan: file.carePlan,
    /** APA (CASF R232-7): the care plan is due 30 days after the complete file. */
    carePlanDueOn: apa ? carePlanDueOn(file.completeOn) : null,
    decision: file.decision,
    history: history.map((entry) => ({
      at: entry.at.toISOString(),
      kind: entry.kind,
      actor: entry.actor,
      text: entry.text,
      details: entry.details,
    })),
  };
}

export type FileSummary = ReturnType<typeof fileSummary>;
export type FileDetail = ReturnType<typeof fileDetail>;
