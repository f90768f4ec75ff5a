import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import {
  type ApplicationDeadlineChangedV1,
  type ApplicationSubmittedV1,
  type EventEnvelope,
  type EventType,
  SUBJECTS,
} from '#domain';
import { NotYet } from '#messaging';
import { Clock } from '#platform';
import { DirectoryCopy, type ApplicationContact } from '../recipients/directory-copy.repository.js';
import {
  type Addressee,
  agentAddressees,
  AUDIENCES,
  type Audience,
  citizenAddressees,
  DIGEST_KINDS,
  type RecipientPlan,
  teamPlan,
} from '../recipients/recipients.rules.js';
import { procedureName } from '../templates/template-helpers.js';
import { TemplateRegistry } from '../templates/template-registry.js';
import type { RenderedMessage } from '../templates/template.js';
import { DigestItems } from '../digest/digest-items.repository.js';
import { MessagesRepository, type NewMessage } from './messages.repository.js';

export const NOTIFIER_SETTINGS = Symbol('NOTIFIER_SETTINGS');
export interface NotifierSettings {
  auditTeamCode: string;
  siteUrl: string;
}

/**
 * Turns an event into message rows (and digest items), inside the inbox transaction: nothing is sent here — the
 * delivery worker reads the log. The key (event id, recipient, template, channel) makes a replay a no-op.
 */
@Injectable()
export class EventNotifier {
  private readonly logger = new Logger(EventNotifier.name);

  constructor(
    private readonly directory: DirectoryCopy,
    private readonly templates: TemplateRegistry,
    private readonly messages: MessagesRepository,
    private readonly digestItems: DigestItems,
    private readonly clock: Clock,
    @Inject(NOTIFIER_SETTINGS) private readonly settings: NotifierSettings,
  ) {}

  async onEvent(manager: EntityManager, event: EventEnvelope<object>): Promise<void> {
    const type = event.type as EventType;
    const payload = event.payload as Record<string, unknown> & { applicationId: string };
    const kept =
      type === SUBJECTS.applicationSubmitted
        ? await this.keepContact(manager, event.payload as ApplicationSubmittedV1)
        : type === SUBJECTS.applicationRouted
          ? await this.keepTeam(manager, payload.applicationId, String(payload.teamCode))
          : undefined;
    if (!this.concernsAnyone(type, payload)) return;
    const contact = kept ?? (await this.directory.contact(manager, payload.applicationId));
    if (!contact) throw new NotYet(`${SUBJECTS.applicationSubmitted} of ${payload.applicationId}`);
    const variables = {
      ...payload,
      receiptNumber: contact.receiptNumber,
      procedure: contact.procedure,
      procedureName: procedureName(contact.procedure),
      siteUrl: this.settings.siteUrl,
    };
    const rows: NewMessage[] = [];
    for (const audience of AUDIENCES[type] ?? []) {
      const plan = await this.plan(manager, audience, type, payload, contact);
      // One rendering per (role, name): a person's in-app and e-mail copies share it.
      const renderings = new Map<string, RenderedMessage>();
      for (const addressee of plan.addressees) {
        if (!this.templates.has(type, addressee.role)) continue;
        const key = `${addressee.role}/${addressee.displayName ?? ''}`;
        let rendered = renderings.get(key);
        if (!rendered) {
          rendered = this.templates.render(type, addressee.role, {
            ...variables,
            teamName: plan.teamName,
            recipientName: addressee.displayName ?? '',
          });
          renderings.set(key, rendered);
        }
        rows.push(this.message(event, addressee, rendered));
      }
      if (plan.digestFor.length > 0) {
        await this.digestItems.add(manager, plan.digestFor, event, DIGEST_KINDS[type] ?? 'new_file', {
          receiptNumber: contact.receiptNumber,
          teamName: plan.teamName ?? '',
          decisionDeadline: String(payload.decisionDeadline ?? ''),
          daysLeft: Number(payload.daysLeft ?? 0),
        });
      }
    }
    await this.messages.log(manager, rows, this.clock.now());
    this.logger.debug({ eventId: event.id, type, messages: rows.length }, 'Messages logged');
  }

  private concernsAnyone(type: EventType, payload: Record<string, unknown>): boolean {
    if (!AUDIENCES[type]) return false;
    // A moved deadline is news for the citizen only when a new one is set (a suspension was told with the request).
    if (type === SUBJECTS.applicationDeadlineChanged) {
      return (payload as unknown as ApplicationDeadlineChangedV1).decisionDeadline != null;
    }
    return true;
  }

  /**
   * Keeps the citizen's contact for the file's later messages (the first copy wins: a replay changes nothing) and
   * returns the event's own copy for its messages.
   */
  private async keepContact(
    manager: EntityManager,
    submitted: ApplicationSubmittedV1,
  ): Promise<ApplicationContact> {
    const contact = {
      applicationId: submitted.applicationId,
      procedure: submitted.procedure,
      receiptNumber: submitted.receiptNumber,
      subject: submitted.applicant.subject,
      email: submitted.applicant.email ?? null,
    };
    await this.directory.keepContact(manager, contact, submitted.submittedAt);
    return { ...contact, teamCode: null };
  }

  /** Keeps the file's team and returns its contact; the file must be known already (else it waits for it). */
  private async keepTeam(
    manager: EntityManager,
    applicationId: string,
    teamCode: string,
  ): Promise<ApplicationContact> {
    const contact = await this.directory.setTeam(manager, applicationId, teamCode);
    if (!contact) throw new NotYet(`${SUBJECTS.applicationSubmitted} of ${applicationId}`);
    return contact;
  }

  private async plan(
    manager: EntityManager,
    audience: Audience,
    type: EventType,
    payload: Record<string, unknown>,
    contact: ApplicationContact,
  ): Promise<RecipientPlan & { teamName?: string }> {
    if (audience === 'citizen') {
      return { addressees: citizenAddressees(contact.subject, contact.email), digestFor: [] };
    }
    if (audience === 'assignee') {
      const agent = await this.directory.agent(manager, String(payload.agentId));
      const team = await this.directory.team(manager, String(payload.teamCode));
      return { addressees: agent ? agentAddressees(agent) : [], digestFor: [], teamName: team?.name };
    }
    const code =
      audience === 'auditors'
        ? this.settings.auditTeamCode
        : ((payload.teamCode as string | undefined) ?? contact.teamCode ?? undefined);
    if (!code) throw new NotYet(`${SUBJECTS.applicationRouted} of ${contact.applicationId}`);
    const team = await this.directory.team(manager, code);
    if (!team) {
      this.logger.warn({ teamCode: code, type }, 'Team unknown to notifications: nobody to tell');
      return { addressees: [], digestFor: [] };
    }
    const plan = teamPlan(
      team,
      audience === 'auditors' ? 'auditor' : 'team',
      DIGEST_KINDS[type] !== undefined,
    );
    return { ...plan, teamName: team.name };
  }

  private message(event: EventEnvelope<object>, addressee: Addressee, rendered: RenderedMessage): NewMessage {
    const applicationId = (event.payload as { applicationId?: string }).applicationId ?? null;
    return {
      id: uuidv7(),
      sourceId: event.id,
      sourceType: event.type,
      applicationId,
      role: addressee.role,
      subject: addressee.subject,
      address: addressee.address,
      channel: addressee.channel,
      template: rendered.template,
      templateVersion: rendered.version,
      title: rendered.subject,
      text: rendered.text,
      html: addressee.channel === 'email' ? rendered.html : null,
    };
  }
}
