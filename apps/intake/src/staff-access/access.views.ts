import { frenchDate, parisDate } from '#domain';
import type { Role } from '#platform';
import type { ApplicationHandling } from '../applications/application.entity.js';
import type { RuleFinding } from '../procedures/procedure.js';
import type { AccessLogEntity } from './access-log.entity.js';
import { type AccessPurpose, PURPOSE_LABELS, ROLE_LABELS } from './access-purposes.js';

export interface FileContentView {
  id: string;
  procedure: string;
  status: string;
  receiptNumber: string | null;
  submittedAt: string | null;
  decisionDeadline: string | null;
  team: string | null;
  warnings: RuleFinding[];
  /** The complete form, as filed. */
  data: Record<string, unknown>;
  /** This read, as recorded in the access log. */
  access: { at: string; role: Role; team: string | null; purpose: AccessPurpose };
}

export interface AccessLogItem {
  id: string;
  applicationId: string;
  at: string;
  actor: { subject: string; role: Role; team: string | null };
  purpose: AccessPurpose;
  correlationId: string | null;
}

export interface AccessLogQueryResult {
  items: AccessLogItem[];
  page: number;
  pageSize: number;
  total: number;
}

export function accessLogView(entry: AccessLogEntity): AccessLogItem {
  return {
    id: entry.id,
    applicationId: entry.applicationId,
    at: entry.at.toISOString(),
    actor: { subject: entry.actorSubject, role: entry.actorRole, team: entry.actorTeam },
    purpose: entry.purpose,
    correlationId: entry.correlationId,
  };
}

const TIME = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  hour: '2-digit',
  minute: '2-digit',
});

/** One read as the citizen sees it: when, which team and role (never the agent's name), for what, in French. */
export function citizenAccessView(entry: AccessLogEntity, owningTeam: ApplicationHandling['team']) {
  const teamName = entry.actorTeam
    ? entry.actorTeam === owningTeam?.code
      ? owningTeam.contact.name
      : entry.actorTeam
    : null;
  const who = `${ROLE_LABELS[entry.actorRole]}${teamName ? ` de l’équipe « ${teamName} »` : ' du Département'}`;
  const purposeLabel = PURPOSE_LABELS[entry.purpose];
  return {
    at: entry.at.toISOString(),
    team: entry.actorTeam,
    teamName,
    role: entry.actorRole,
    roleLabel: ROLE_LABELS[entry.actorRole],
    purpose: entry.purpose,
    purposeLabel,
    text: `Le ${frenchDate(parisDate(entry.at))} à ${TIME.format(entry.at)}, ${who} a consulté votre dossier pour : ${purposeLabel}.`,
  };
}
