/** Subjects of the event catalogue (DESIGN.md): `guichet.<aggregate>.<event>`, in the past tense. */
export const SUBJECTS = {
  applicationSubmitted: 'guichet.application.submitted',
  applicationWithdrawn: 'guichet.application.withdrawn',
  applicationComplemented: 'guichet.application.complemented',
  applicationRouted: 'guichet.application.routed',
  applicationAssigned: 'guichet.application.assigned',
  applicationInfoRequested: 'guichet.application.info-requested',
  applicationDecided: 'guichet.application.decided',
  applicationDeadlineChanged: 'guichet.application.deadline-changed',
  applicationDeadlineApproaching: 'guichet.application.deadline-approaching',
  applicationCarePlanProposed: 'guichet.application.care-plan-proposed',
  applicationCarePlanAnswered: 'guichet.application.care-plan-answered',
  applicationRetentionDue: 'guichet.application.retention-due',
  checkOpened: 'guichet.check.opened',
  checkEvidenceRequested: 'guichet.check.evidence-requested',
  checkEvidenceReceived: 'guichet.check.evidence-received',
  checkConcluded: 'guichet.check.concluded',
  checkEvidenceReminder: 'guichet.check.evidence-reminder',
  checkConclusionProposed: 'guichet.check.conclusion-proposed',
  checkConclusionAnswered: 'guichet.check.conclusion-answered',
  directoryTeamUpdated: 'guichet.directory.team-updated',
  directoryAgentUpdated: 'guichet.directory.agent-updated',
  notificationDelivered: 'guichet.notification.delivered',
  notificationFailed: 'guichet.notification.failed',
} as const;

export type Subject = (typeof SUBJECTS)[keyof typeof SUBJECTS];

/** Everything the stream holds: the catalogue, and dead letters under `guichet.dead-letter.<service>`. */
export const STREAM_SUBJECTS = ['guichet.>'];

export function deadLetterSubject(service: string): string {
  return `guichet.dead-letter.${service}`;
}
