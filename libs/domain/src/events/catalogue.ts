import {
  ApplicationAssignedV1,
  ApplicationCarePlanAnsweredV1,
  ApplicationCarePlanProposedV1,
  ApplicationComplementedV1,
  ApplicationDeadlineApproachingV1,
  ApplicationDeadlineChangedV1,
  ApplicationDecidedV1,
  ApplicationInfoRequestedV1,
  ApplicationRoutedV1,
  ApplicationSubmittedV1,
  ApplicationRetentionDueV1,
  ApplicationWithdrawnV1,
} from './payloads/application.events.js';
import {
  CheckConcludedV1,
  CheckConclusionAnsweredV1,
  CheckConclusionProposedV1,
  CheckEvidenceReceivedV1,
  CheckEvidenceReminderV1,
  CheckEvidenceRequestedV1,
  CheckOpenedV1,
} from './payloads/check.events.js';
import { DirectoryAgentUpdatedV1, DirectoryTeamUpdatedV1 } from './payloads/directory.events.js';
import { NotificationDeliveredV1, NotificationFailedV1 } from './payloads/notification.events.js';
import { SUBJECTS } from './subjects.js';

/**
 * The catalogue: for each subject, the payload class of each version, and the version publishers write now.
 * Versioning rules: adding an optional field keeps the version; anything else (removing, renaming, changing a
 * meaning) is a new version, published next to the old one until every consumer knows it. A consumer acks with a
 * warning a version it does not know.
 */
export const EVENT_CATALOGUE = {
  [SUBJECTS.applicationSubmitted]: { current: 1, versions: { 1: ApplicationSubmittedV1 } },
  [SUBJECTS.applicationWithdrawn]: { current: 1, versions: { 1: ApplicationWithdrawnV1 } },
  [SUBJECTS.applicationRetentionDue]: { current: 1, versions: { 1: ApplicationRetentionDueV1 } },
  [SUBJECTS.applicationComplemented]: { current: 1, versions: { 1: ApplicationComplementedV1 } },
  [SUBJECTS.applicationRouted]: { current: 1, versions: { 1: ApplicationRoutedV1 } },
  [SUBJECTS.applicationAssigned]: { current: 1, versions: { 1: ApplicationAssignedV1 } },
  [SUBJECTS.applicationInfoRequested]: { current: 1, versions: { 1: ApplicationInfoRequestedV1 } },
  [SUBJECTS.applicationDecided]: { current: 1, versions: { 1: ApplicationDecidedV1 } },
  [SUBJECTS.applicationDeadlineChanged]: { current: 1, versions: { 1: ApplicationDeadlineChangedV1 } },
  [SUBJECTS.applicationDeadlineApproaching]: {
    current: 1,
    versions: { 1: ApplicationDeadlineApproachingV1 },
  },
  [SUBJECTS.applicationCarePlanProposed]: { current: 1, versions: { 1: ApplicationCarePlanProposedV1 } },
  [SUBJECTS.applicationCarePlanAnswered]: { current: 1, versions: { 1: ApplicationCarePlanAnsweredV1 } },
  [SUBJECTS.checkOpened]: { current: 1, versions: { 1: CheckOpenedV1 } },
  [SUBJECTS.checkEvidenceRequested]: { current: 1, versions: { 1: CheckEvidenceRequestedV1 } },
  [SUBJECTS.checkEvidenceReceived]: { current: 1, versions: { 1: CheckEvidenceReceivedV1 } },
  [SUBJECTS.checkConcluded]: { current: 1, versions: { 1: CheckConcludedV1 } },
  [SUBJECTS.checkEvidenceReminder]: { current: 1, versions: { 1: CheckEvidenceReminderV1 } },
  [SUBJECTS.checkConclusionProposed]: { current: 1, versions: { 1: CheckConclusionProposedV1 } },
  [SUBJECTS.checkConclusionAnswered]: { current: 1, versions: { 1: CheckConclusionAnsweredV1 } },
  [SUBJECTS.directoryTeamUpdated]: { current: 1, versions: { 1: DirectoryTeamUpdatedV1 } },
  [SUBJECTS.directoryAgentUpdated]: { current: 1, versions: { 1: DirectoryAgentUpdatedV1 } },
  [SUBJECTS.notificationDelivered]: { current: 1, versions: { 1: NotificationDeliveredV1 } },
  [SUBJECTS.notificationFailed]: { current: 1, versions: { 1: NotificationFailedV1 } },
} as const;

type Catalogue = typeof EVENT_CATALOGUE;
export type EventType = keyof Catalogue;

/** Subject → payload of the version published now: the compiler refuses an event with the wrong payload. */
export type EventMap = {
  [T in EventType]: InstanceType<Catalogue[T]['versions'][Catalogue[T]['current']]>;
};

export type PayloadClass = new () => object;

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(EVENT_CATALOGUE, type);
}

/** The payload class of a (type, version) pair, or undefined when this code does not know that version. */
export function payloadClassOf(type: string, version: number): PayloadClass | undefined {
  if (!isEventType(type)) return undefined;
  const versions: Record<number, PayloadClass> = EVENT_CATALOGUE[type].versions;
  return versions[version];
}

export function currentVersionOf(type: EventType): number {
  return EVENT_CATALOGUE[type].current;
}
