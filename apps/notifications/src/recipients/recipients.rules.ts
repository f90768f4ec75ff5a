import { type EventType, SUBJECTS } from '#domain';
import type { ChannelName } from '../channels/notification-channel.js';
import type { RecipientRole } from '../templates/template.js';

/** Who hears of an event: the citizen, the file's team, the agent it was given to, the auditors' team. */
export type Audience = 'citizen' | 'team' | 'assignee' | 'auditors';

/**
 * Who each event of the catalogue reaches. Events not listed reach nobody: the deadline moving is told to the
 * citizen only when a new deadline is set; directory and notification events are notifications' own input/output.
 */
export const AUDIENCES: Partial<Record<EventType, readonly Audience[]>> = {
  [SUBJECTS.applicationSubmitted]: ['citizen'],
  [SUBJECTS.applicationWithdrawn]: ['citizen'],
  [SUBJECTS.applicationRouted]: ['citizen', 'team'],
  [SUBJECTS.applicationAssigned]: ['assignee'],
  [SUBJECTS.applicationInfoRequested]: ['citizen'],
  [SUBJECTS.applicationComplemented]: ['team'],
  [SUBJECTS.applicationDecided]: ['citizen'],
  [SUBJECTS.applicationDeadlineChanged]: ['citizen'],
  [SUBJECTS.applicationDeadlineApproaching]: ['team'],
  [SUBJECTS.applicationCarePlanProposed]: ['citizen'],
  [SUBJECTS.applicationCarePlanAnswered]: ['team'],
  [SUBJECTS.checkOpened]: ['citizen'],
  [SUBJECTS.checkEvidenceRequested]: ['citizen'],
  [SUBJECTS.checkEvidenceReminder]: ['citizen'],
  [SUBJECTS.checkConclusionProposed]: ['citizen'],
  [SUBJECTS.checkConcluded]: ['citizen'],
  [SUBJECTS.checkEvidenceReceived]: ['auditors'],
  [SUBJECTS.checkConclusionAnswered]: ['auditors'],
};

/** Team events an agent who chose the digest gets in it instead of one e-mail each. */
export const DIGEST_KINDS: Partial<Record<EventType, 'new_file' | 'deadline'>> = {
  [SUBJECTS.applicationRouted]: 'new_file',
  [SUBJECTS.applicationDeadlineApproaching]: 'deadline',
};

export type AgentDelivery = 'immediate' | 'digest';

export interface KnownAgent {
  subject: string;
  displayName: string;
  email: string | null;
  delivery: AgentDelivery;
}

export interface KnownTeam {
  code: string;
  name: string;
  email: string | null;
  agents: KnownAgent[];
}

export interface Addressee {
  role: RecipientRole;
  subject: string;
  displayName: string | null;
  address: string | null;
  channel: ChannelName;
}

export interface RecipientPlan {
  addressees: Addressee[];
  /** Agents who get this event in their next digest instead. */
  digestFor: string[];
}

/** The subject under which a team's mailbox appears in the delivery log. */
export function teamMailbox(code: string): string {
  return `team:${code}`;
}

/** The citizen: in-app always (their login subject), e-mail when they gave an address. */
export function citizenAddressees(subject: string, email: string | null): Addressee[] {
  const inApp: Addressee = { role: 'citizen', subject, displayName: null, address: null, channel: 'in_app' };
  return email ? [inApp, { ...inApp, address: email, channel: 'email' }] : [inApp];
}

/**
 * A team: its shared mailbox by e-mail, and each of its agents in-app and by e-mail — or, for the digest kinds,
 * in their digest when they chose it.
 */
export function teamPlan(team: KnownTeam, role: 'team' | 'auditor', digestable: boolean): RecipientPlan {
  const addressees: Addressee[] = [];
  const digestFor: string[] = [];
  if (team.email) {
    addressees.push({
      role,
      subject: teamMailbox(team.code),
      displayName: team.name,
      address: team.email,
      channel: 'email',
    });
  }
  for (const agent of team.agents) {
    addressees.push({
      role,
      subject: agent.subject,
      displayName: agent.displayName,
      address: null,
      channel: 'in_app',
    });
    if (digestable && agent.delivery === 'digest') digestFor.push(agent.subject);
    else if (agent.email) {
      addressees.push({
        role,
        subject: agent.subject,
        displayName: agent.displayName,
        address: agent.email,
        channel: 'email',
      });
    }
  }
  return { addressees, digestFor };
}

/** One agent (the file was given to them): in-app and e-mail, whatever their digest choice. */
export function agentAddressees(agent: KnownAgent): Addressee[] {
  const inApp: Addressee = {
    role: 'team',
    subject: agent.subject,
    displayName: agent.displayName,
    address: null,
    channel: 'in_app',
  };
  return agent.email ? [inApp, { ...inApp, address: agent.email, channel: 'email' }] : [inApp];
}
