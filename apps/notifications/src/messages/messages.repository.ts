import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  type ChannelName,
  channelsDeliveredWhenLogged,
  NOTIFICATION_CHANNELS,
  type NotificationChannel,
} from '../channels/notification-channel.js';
import type { RecipientRole } from '../templates/template.js';
import type { MessageStatus } from './delivery.rules.js';
import { CommitBatch } from '#messaging';

/** A message about to be logged: who, through which channel, and its rendered content. */
export interface NewMessage {
  id: string;
  sourceId: string;
  sourceType: string;
  applicationId: string | null;
  role: RecipientRole;
  subject: string;
  address: string | null;
  channel: ChannelName;
  template: string;
  templateVersion: number;
  title: string;
  text: string;
  html: string | null;
}

type TimedMessage = NewMessage & { at: string };

/** The outcome of one try. */
export interface Outcome {
  status: MessageStatus;
  error?: string;
  nextAttemptAt?: Date;
}

export interface ClaimedMessage {
  id: string;
  channel: ChannelName;
  address: string | null;
  title: string;
  text: string;
  html: string | null;
  attempts: number;
  recipientSubject: string;
  sourceId: string;
}

export interface MessageView {
  id: string;
  sourceId: string;
  sourceType: string;
  applicationId: string | null;
  recipientRole: string;
  recipientSubject: string;
  address: string | null;
  channel: string;
  template: string;
  templateVersion: number;
  status: MessageStatus;
  attempts: number;
  lastError: string | null;
  resendOf: string | null;
  title: string;
  createdAt: string;
  updatedAt: string;
  deliveredAt: string | null;
}

const VIEW_COLUMNS = `id, source_id AS "sourceId", source_type AS "sourceType", application_id AS "applicationId",
  recipient_role AS "recipientRole", recipient_subject AS "recipientSubject", address, channel, template,
  template_version AS "templateVersion", status, attempts, last_error AS "lastError", resend_of AS "resendOf",
  title, created_at AS "createdAt", updated_at AS "updatedAt", delivered_at AS "deliveredAt"`;

/** The delivery log's SQL. One row per (source event, recipient, template, channel[, resend]). */
@Injectable()
export class MessagesRepository {
  /** The messages of the events handled in one inbox transaction, written in one statement before it commits. */
  private readonly gathered = new CommitBatch<TimedMessage>(async (manager, rows) => {
    await this.insert(manager, rows);
  });

  /** Channels whose messages are `delivered` as soon as they are logged (the row is the notification). */
  private readonly deliveredWhenLogged: ChannelName[];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(NOTIFICATION_CHANNELS) channels: NotificationChannel[],
  ) {
    this.deliveredWhenLogged = channelsDeliveredWhenLogged(channels);
  }

  /**
   * Logs an event's messages as `created` (in-app ones `delivered`) with the handler's transaction, gathered with
   * those of the other events handled in it into one statement (CommitBatch). A message already logged under the
   * same key is left alone.
   */
  log(manager: EntityManager, messages: NewMessage[], now: Date): Promise<void> {
    return this.gathered.add(
      manager,
      messages.map((message) => ({ ...message, at: now.toISOString() })),
    );
  }

  /**
   * Logs messages as `created` (in-app ones `delivered`) now; a message already logged under the same key is left
   * alone (exactly once).
   */
  async create(manager: EntityManager, messages: NewMessage[], now: Date): Promise<number> {
    return this.insert(
      manager,
      messages.map((message) => ({ ...message, at: now.toISOString() })),
    );
  }

  private async insert(manager: EntityManager, messages: TimedMessage[]): Promise<number> {
    if (messages.length === 0) return 0;
    const rows: unknown[] = await manager.query(
      `INSERT INTO notifications.messages (id, source_id, source_type, application_id, recipient_role,
         recipient_subject, address, channel, template, template_version, title, body_text, body_html, status,
         attempts, delivered_at, next_attempt_at, created_at, updated_at)
       SELECT r.id, r."sourceId", r."sourceType", r."applicationId", r.role, r.subject, r.address, r.channel,
         r.template, r."templateVersion", r.title, r.text, r.html,
         CASE WHEN r.channel = ANY($2::text[]) THEN 'delivered' ELSE 'created' END,
         CASE WHEN r.channel = ANY($2::text[]) THEN 1 ELSE 0 END,
         CASE WHEN r.channel = ANY($2::text[]) THEN r.at END, r.at, r.at, r.at
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, "sourceId" text, "sourceType" text, "applicationId" uuid,
         role text, subject text, address text, channel text, template text, "templateVersion" integer, title text,
         text text, html text, at timestamptz)
       ON CONFLICT (source_id, recipient_subject, template, channel, resend_number) DO NOTHING
       RETURNING id`,
      [JSON.stringify(messages), this.deliveredWhenLogged],
    );
    return rows.length;
  }

  /**
   * Claims due messages for this worker: `sending`, one more attempt, committed before any SMTP exchange — so a
   * message is never handed to two workers, and one whose worker dies stays visible as `sending`.
   */
  async claim(now: Date, limit: number, worker: string): Promise<ClaimedMessage[]> {
    return updatedRows<ClaimedMessage>(
      await this.dataSource.query(
        `UPDATE notifications.messages m SET status = 'sending', attempts = attempts + 1, sending_since = $1,
         updated_at = $1, sending_by = $3
       WHERE id IN (SELECT id FROM notifications.messages
                    WHERE status IN ('created', 'temporary-failure') AND next_attempt_at <= $1
                    ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING id, channel, address, title, body_text AS text, body_html AS html, attempts,
         recipient_subject AS "recipientSubject", source_id AS "sourceId"`,
        [now, limit, worker],
      ),
    );
  }

  /**
   * Messages left `sending` by a worker that died — known dead (no heartbeat), or silent since before `cutoff` —
   * back to a try, at once.
   */
  async recoverStale(cutoff: Date, now: Date): Promise<number> {
    const rows = updatedRows(
      await this.dataSource.query(
        `UPDATE notifications.messages m SET status = 'temporary-failure', next_attempt_at = $2, updated_at = $2,
         last_error = 'interrompu pendant l’envoi (processus arrêté) : nouvel essai'
       WHERE status = 'sending' AND (sending_since < $1 OR NOT EXISTS (
         SELECT 1 FROM notifications.delivery_workers w WHERE w.instance = m.sending_by AND w.alive_until > now()))
       RETURNING id`,
        [cutoff, now],
      ),
    );
    return rows.length;
  }

  /** This worker is alive for `seconds` more (database clock). */
  async heartbeat(worker: string, seconds: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO notifications.delivery_workers (instance, alive_until) VALUES ($1, now() + make_interval(secs => $2))
       ON CONFLICT (instance) DO UPDATE SET alive_until = EXCLUDED.alive_until`,
      [worker, seconds],
    );
    await this.dataSource.query(
      "DELETE FROM notifications.delivery_workers WHERE alive_until < now() - interval '1 hour'",
    );
  }

  async retire(worker: string): Promise<void> {
    await this.dataSource.query('DELETE FROM notifications.delivery_workers WHERE instance = $1', [worker]);
  }

  /**
   * The statement saving the outcomes of tries, for `Outbox.recordWithChange`: only messages still `sending` move
   * (one way); it returns the ids of those that moved as `key`.
   */
  outcomesChange(outcomes: ({ id: string } & Outcome)[], now: Date): { sql: string; parameters: unknown[] } {
    return {
      sql: `UPDATE notifications.messages m SET status = r.status, last_error = COALESCE(r.error, m.last_error),
           next_attempt_at = COALESCE(r."nextAttemptAt", m.next_attempt_at), updated_at = $2, sending_since = NULL,
           delivered_at = CASE WHEN r.status = 'delivered' THEN $2 ELSE m.delivered_at END
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, status text, error text, "nextAttemptAt" timestamptz)
         WHERE m.id = r.id AND m.status = 'sending' RETURNING m.id AS key`,
      parameters: [JSON.stringify(outcomes), now],
    };
  }

  async list(
    filter: { statuses: MessageStatus[]; applicationId?: string },
    page: number,
    pageSize: number,
  ): Promise<{ items: MessageView[]; total: number }> {
    const where = `status = ANY($1) AND ($2::uuid IS NULL OR application_id = $2)`;
    const parameters = [filter.statuses, filter.applicationId ?? null];
    const [items, count] = await Promise.all([
      this.dataSource.query(
        `SELECT ${VIEW_COLUMNS} FROM notifications.messages WHERE ${where}
         ORDER BY updated_at DESC, id LIMIT $3 OFFSET $4`,
        [...parameters, pageSize, (page - 1) * pageSize],
      ) as Promise<MessageView[]>,
      this.dataSource.query(
        `SELECT count(*)::int AS total FROM notifications.messages WHERE ${where}`,
        parameters,
      ),
    ]);
    return { items, total: (count as { total: number }[])[0].total };
  }

  async get(id: string): Promise<MessageView | undefined> {
    const rows: MessageView[] = await this.dataSource.query(
      `SELECT ${VIEW_COLUMNS} FROM notifications.messages WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  /** A new message copying a failed one (same content, next resend number), `created`. */
  async resend(manager: EntityManager, id: string, newId: string, now: Date): Promise<void> {
    await manager.query(
      `INSERT INTO notifications.messages (id, source_id, source_type, application_id, recipient_role,
         recipient_subject, address, channel, template, template_version, resend_of, resend_number, title, body_text,
         body_html, status, next_attempt_at, created_at, updated_at)
       SELECT $2, source_id, source_type, application_id, recipient_role, recipient_subject, address, channel,
         template, template_version, id,
         (SELECT max(resend_number) + 1 FROM notifications.messages o WHERE o.source_id = m.source_id
            AND o.recipient_subject = m.recipient_subject AND o.template = m.template AND o.channel = m.channel),
         title, body_text, body_html, 'created', $3, $3, $3
       FROM notifications.messages m WHERE id = $1`,
      [id, newId, now],
    );
  }
}

/** TypeORM answers an UPDATE … RETURNING with [rows, affected count]. */
export function updatedRows<T = unknown>(result: unknown): T[] {
  return (result as [T[], number])[0];
}
