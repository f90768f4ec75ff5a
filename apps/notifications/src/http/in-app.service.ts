import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { NotFound } from '#domain';
import { Clock } from '#platform';
import { updatedRows } from '../messages/messages.repository.js';

export interface InAppNotification {
  id: string;
  title: string;
  text: string;
  applicationId: string | null;
  template: string;
  createdAt: string;
  readAt: string | null;
}

/** The signed-in person's in-app notifications: their own only, newest first. */
@Injectable()
export class InAppService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(subject: string, page: number, pageSize: number) {
    const [items, counts] = await Promise.all([
      this.dataSource.query(
        `SELECT id, title, body_text AS text, application_id AS "applicationId", template,
           created_at AS "createdAt", read_at AS "readAt"
         FROM notifications.messages WHERE recipient_subject = $1 AND channel = 'in_app'
         ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3`,
        [subject, pageSize, (page - 1) * pageSize],
      ) as Promise<InAppNotification[]>,
      this.dataSource.query(
        `SELECT count(*)::int AS total, count(*) FILTER (WHERE read_at IS NULL)::int AS unread
         FROM notifications.messages WHERE recipient_subject = $1 AND channel = 'in_app'`,
        [subject],
      ) as Promise<{ total: number; unread: number }[]>,
    ]);
    return { items, page, pageSize, total: counts[0].total, unread: counts[0].unread };
  }

  /** Marks one's own notification read (someone else's answers 404, as an unknown one). */
  async markRead(subject: string, id: string): Promise<InAppNotification> {
    const rows = updatedRows<InAppNotification>(
      await this.dataSource.query(
        `UPDATE notifications.messages SET read_at = COALESCE(read_at, $3)
       WHERE id = $1 AND recipient_subject = $2 AND channel = 'in_app'
       RETURNING id, title, body_text AS text, application_id AS "applicationId", template,
         created_at AS "createdAt", read_at AS "readAt"`,
        [id, subject, this.clock.now()],
      ),
    );
    const row = rows[0];
    if (!row) throw new NotFound('Notification introuvable.', 'NOTIFICATION_NOT_FOUND');
    return row;
  }
}
