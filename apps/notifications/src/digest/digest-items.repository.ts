import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import type { EventEnvelope } from '#domain';

export interface DigestDetails {
  receiptNumber: string;
  teamName: string;
  decisionDeadline: string;
  daysLeft: number;
}

export interface DigestItem {
  id: string;
  kind: 'new_file' | 'deadline';
  details: DigestDetails;
}

/** What waits for an agent's next digest: new files and coming deadlines of their teams. */
@Injectable()
export class DigestItems {
  async add(
    manager: EntityManager,
    agents: string[],
    event: EventEnvelope<object>,
    kind: 'new_file' | 'deadline',
    details: DigestDetails,
  ): Promise<void> {
    const applicationId = (event.payload as { applicationId: string }).applicationId;
    await manager.query(
      `INSERT INTO notifications.digest_items (id, agent_subject, source_id, kind, application_id, details, created_at)
       SELECT gen_random_uuid(), agent, $2, $3, $4, $5, now() FROM unnest($1::text[]) AS agent
       ON CONFLICT (agent_subject, source_id) DO NOTHING`,
      [agents, event.id, kind, applicationId, JSON.stringify(details)],
    );
  }

  /** Agents with items waiting. */
  async agentsWaiting(manager: EntityManager): Promise<string[]> {
    const rows: { agent_subject: string }[] = await manager.query(
      'SELECT DISTINCT agent_subject FROM notifications.digest_items WHERE digest_message_id IS NULL',
    );
    return rows.map((row) => row.agent_subject);
  }

  /** Locks an agent's waiting items (another replica building the same digest skips them). */
  async lockWaiting(manager: EntityManager, agent: string): Promise<DigestItem[]> {
    return manager.query(
      `SELECT id, kind, details FROM notifications.digest_items
       WHERE agent_subject = $1 AND digest_message_id IS NULL ORDER BY created_at FOR UPDATE SKIP LOCKED`,
      [agent],
    );
  }

  async markDigested(manager: EntityManager, ids: string[], messageId: string): Promise<void> {
    await manager.query(
      'UPDATE notifications.digest_items SET digest_message_id = $2 WHERE id = ANY($1::uuid[])',
      [ids, messageId],
    );
  }

  newId(): string {
    return uuidv7();
  }
}
