import type { RuleFinding } from '../procedures/procedure.js';
import type { ApplicationEntity, ApplicationHandling } from './application.entity.js';
import type { ApplicationStatus } from './application.lifecycle.js';
import type { TimelineEntryEntity } from './timeline-entry.entity.js';

const STATUS_LABELS: Record<ApplicationStatus, string> = {
  draft: 'Brouillon',
  submitted: 'Déposée',
  in_review: 'En cours d’instruction',
  info_requested: 'Informations complémentaires demandées',
  granted: 'Accordée',
  rejected: 'Refusée',
  closed: 'Classée sans suite',
  deemed_granted: 'Réputée accordée',
  deemed_rejected: 'Réputée refusée',
  withdrawn: 'Retirée',
};

export interface ApplicationView {
  id: string;
  procedure: string;
  status: ApplicationStatus;
  statusLabel: string;
  receiptNumber: string | null;
  submittedAt: string | null;
  decisionDeadline: string | null;
  /** While a request for pieces suspends the clock: since when, and the last day it may stay suspended (CRPA L114-5). */
  clockSuspendedOn: string | null;
  clockResumesAfter: string | null;
  silenceMeans: 'granted' | 'rejected' | null;
  warnings: RuleFinding[];
  handling: ApplicationHandling;
  data: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

export function applicationView(application: ApplicationEntity): ApplicationView {
  return {
    id: application.id,
    procedure: application.procedure,
    status: application.status,
    statusLabel: STATUS_LABELS[application.status],
    receiptNumber: application.receiptNumber,
    submittedAt: application.submittedAt?.toISOString() ?? null,
    decisionDeadline: application.decisionDeadline,
    clockSuspendedOn: application.clockSuspendedOn,
    clockResumesAfter: application.clockResumesAfter,
    silenceMeans: application.silenceMeans,
    warnings: application.warnings,
    handling: application.handling,
    data: application.data,
    createdAt: application.createdAt.toISOString(),
    updatedAt: application.updatedAt.toISOString(),
  };
}

export interface Receipt {
  id: string;
  receiptNumber: string;
  submittedAt: string;
  decisionDeadline: string;
  silenceMeans: 'granted' | 'rejected';
  deadlineExplanation: string;
  warnings: RuleFinding[];
}

export function timelineView(entry: TimelineEntryEntity): { at: string; kind: string; text: string } {
  return { at: entry.at.toISOString(), kind: entry.kind, text: entry.text };
}
