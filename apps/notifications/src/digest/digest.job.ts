import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock, PeriodicJob, ScheduledJob } from '#platform';
import { MessagesRepository, type NewMessage } from '../messages/messages.repository.js';
import { DirectoryCopy } from '../recipients/directory-copy.repository.js';
import { agentAddressees } from '../recipients/recipients.rules.js';
import { formatLegalDate } from '../templates/template-helpers.js';
import { TemplateRegistry } from '../templates/template-registry.js';
import { DIGEST_SOURCE } from '../templates/template.js';
import { DigestItems } from './digest-items.repository.js';
import { digestSourceId, dueDigestDay } from './digest.rules.js';

export const DIGEST_SETTINGS = Symbol('DIGEST_SETTINGS');
export interface DigestSettings {
  hour: number;
  intervalMs: number;
  siteUrl: string;
}

/**
 * The agents' daily digest: from `DIGEST_HOUR` (Europe/Paris, read from the `Clock`), each agent who chose it gets
 * one message listing the new files and coming deadlines of their teams gathered since the last one. One digest per
 * agent and day (the log's unique key); each agent's items are locked while their digest is built, so replicas
 * running the job together build it once.
 */
@Injectable()
export class DigestJob extends ScheduledJob {
  private readonly logger = new Logger(DigestJob.name);
  protected readonly job: PeriodicJob;

  constructor(
    private readonly items: DigestItems,
    private readonly directory: DirectoryCopy,
    private readonly templates: TemplateRegistry,
    private readonly messages: MessagesRepository,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DIGEST_SETTINGS) private readonly settings: DigestSettings,
  ) {
    super();
    this.job = new PeriodicJob(
      'DigestJob',
      () => this.sendDue(),
      settings.intervalMs,
      Math.min(10_000, settings.intervalMs),
    );
  }

  private async sendDue(): Promise<void> {
    const day = dueDigestDay(this.clock.now(), this.settings.hour);
    if (!day) return;
    const agents = await this.items.agentsWaiting(this.dataSource.manager);
    for (const agent of agents) await this.digestFor(agent, day);
  }

  private async digestFor(subject: string, day: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const waiting = await this.items.lockWaiting(manager, subject);
      const agent = await this.directory.agent(manager, subject);
      if (waiting.length === 0 || !agent) return;
      const variables = {
        day,
        recipientName: agent.displayName,
        siteUrl: this.settings.siteUrl,
        newFiles: waiting
          .filter((item) => item.kind === 'new_file')
          .map((item) => ({
            ...item.details,
            decisionDeadline: formatLegalDate(item.details.decisionDeadline),
          })),
        deadlines: waiting
          .filter((item) => item.kind === 'deadline')
          .map((item) => ({
            ...item.details,
            decisionDeadline: formatLegalDate(item.details.decisionDeadline),
          })),
      };
      const rendered = this.templates.render(DIGEST_SOURCE, 'agent', variables);
      const rows: NewMessage[] = agentAddressees(agent).map((addressee) => ({
        id: this.items.newId(),
        sourceId: digestSourceId(day),
        sourceType: DIGEST_SOURCE,
        applicationId: null,
        role: 'agent',
        subject: subject,
        address: addressee.address,
        channel: addressee.channel,
        template: rendered.template,
        templateVersion: rendered.version,
        title: rendered.subject,
        text: rendered.text,
        html: addressee.channel === 'email' ? rendered.html : null,
      }));
      const created = await this.messages.create(manager, rows, this.clock.now());
      // Already sent today (an earlier run): these items wait for tomorrow's digest.
      if (created === 0) return;
      await this.items.markDigested(
        manager,
        waiting.map((item) => item.id),
        rows[0].id,
      );
      this.logger.log({ agent: subject, items: waiting.length, day }, 'Digest logged');
    });
  }
}
