import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DirectoryAgentUpdatedV1, DirectoryTeamUpdatedV1 } from '#domain';
import { CommitBatch } from '#messaging';
import { updatedRows } from '../messages/messages.repository.js';
import type { AgentDelivery, KnownAgent, KnownTeam } from './recipients.rules.js';

export interface ApplicationContact {
  applicationId: string;
  procedure: string;
  receiptNumber: string;
  subject: string;
  email: string | null;
  teamCode: string | null;
}

type NewContact = Omit<ApplicationContact, 'teamCode'> & { since: string };

const CONTACT_COLUMNS = 'application_id, procedure, receipt_number, subject, email, team_code';
type ContactRow = Record<'application_id' | 'procedure' | 'receipt_number' | 'subject', string> &
  Record<'email' | 'team_code', string | null>;

function contactOf(row: ContactRow): ApplicationContact {
  return {
    applicationId: row.application_id,
    procedure: row.procedure,
    receiptNumber: row.receipt_number,
    subject: row.subject,
    email: row.email,
    teamCode: row.team_code,
  };
}

/**
 * Notifications' own copies: the citizen's contact per file (from `application.submitted`, the only personal data
 * it keeps), the team of each file (from `application.routed`), teams' and agents' addresses (from the directory's
 * events) and agents' digest choice.
 */
@Injectable()
export class DirectoryCopy {
  private readonly contacts = new CommitBatch<NewContact>(async (manager, rows) => {
    await manager.query(
      `INSERT INTO notifications.application_contacts
         (application_id, procedure, receipt_number, subject, email, created_at)
       SELECT "applicationId", procedure, "receiptNumber", subject, email, since
       FROM jsonb_to_recordset($1::jsonb) AS c("applicationId" uuid, procedure text, "receiptNumber" text,
         subject text, email text, since timestamptz)
       ON CONFLICT (application_id) DO NOTHING`,
      [JSON.stringify(rows)],
    );
  });

  constructor(private readonly defaultDelivery: AgentDelivery) {}

  /**
   * Keeps a file's contact — the first copy wins, a replay changes nothing. `since` (the submission) starts its
   * retention period. Written with the other contacts of the inbox transaction in one statement (CommitBatch): the
   * handler must not read it back in the same transaction.
   */
  keepContact(
    manager: EntityManager,
    contact: Omit<ApplicationContact, 'teamCode'>,
    since: string,
  ): Promise<void> {
    return this.contacts.add(manager, [{ ...contact, since }]);
  }

  /**
   * Records the file's team and returns its contact, in one statement; undefined when the contact is not known yet
   * (its `application.submitted` still on the way). One statement, so that the team is never missed by a contact
   * committed between a write and a read.
   */
  async setTeam(
    manager: EntityManager,
    applicationId: string,
    teamCode: string,
  ): Promise<ApplicationContact | undefined> {
    const rows = updatedRows<ContactRow>(
      await manager.query(
        `UPDATE notifications.application_contacts SET team_code = $2 WHERE application_id = $1
         RETURNING ${CONTACT_COLUMNS}`,
        [applicationId, teamCode],
      ),
    );
    return rows[0] ? contactOf(rows[0]) : undefined;
  }

  async contact(manager: EntityManager, applicationId: string): Promise<ApplicationContact | undefined> {
    const rows: ContactRow[] = await manager.query(
      `SELECT ${CONTACT_COLUMNS} FROM notifications.application_contacts WHERE application_id = $1`,
      [applicationId],
    );
    return rows[0] ? contactOf(rows[0]) : undefined;
  }

  async saveTeam(manager: EntityManager, team: DirectoryTeamUpdatedV1): Promise<void> {
    await manager.query(
      `INSERT INTO notifications.teams (code, name, email, removed, updated_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (code) DO UPDATE SET name = $2, email = $3, removed = $4, updated_at = now()`,
      [team.code, team.name, team.email ?? null, team.removed ?? false],
    );
  }

  async saveAgent(manager: EntityManager, agent: DirectoryAgentUpdatedV1): Promise<void> {
    await manager.query(
      `INSERT INTO notifications.agents (subject, display_name, email, team_codes, removed, updated_at)
       VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (subject) DO UPDATE SET display_name = $2, email = $3, team_codes = $4, removed = $5,
         updated_at = now()`,
      [agent.subject, agent.displayName, agent.email ?? null, agent.teamCodes, agent.removed ?? false],
    );
  }

  /** A team and its current agents; undefined when the directory never told of it (or removed it). */
  async team(manager: EntityManager, code: string): Promise<KnownTeam | undefined> {
    const teams: { code: string; name: string; email: string | null }[] = await manager.query(
      'SELECT code, name, email FROM notifications.teams WHERE code = $1 AND NOT removed',
      [code],
    );
    if (teams.length === 0) return undefined;
    const agents = await this.agents(manager, 'team_codes @> ARRAY[$1]::text[]', [code]);
    return { ...teams[0], agents };
  }

  async agent(manager: EntityManager, subject: string): Promise<KnownAgent | undefined> {
    return (await this.agents(manager, 'a.subject = $1', [subject]))[0];
  }

  async setDelivery(manager: EntityManager, subject: string, delivery: AgentDelivery): Promise<void> {
    await manager.query(
      `INSERT INTO notifications.preferences (subject, agent_delivery, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (subject) DO UPDATE SET agent_delivery = $2, updated_at = now()`,
      [subject, delivery],
    );
  }

  async delivery(manager: EntityManager, subject: string): Promise<AgentDelivery> {
    const rows: { agent_delivery: AgentDelivery }[] = await manager.query(
      'SELECT agent_delivery FROM notifications.preferences WHERE subject = $1',
      [subject],
    );
    return rows[0]?.agent_delivery ?? this.defaultDelivery;
  }

  private async agents(manager: EntityManager, where: string, parameters: unknown[]): Promise<KnownAgent[]> {
    const rows: {
      subject: string;
      display_name: string;
      email: string | null;
      delivery: AgentDelivery | null;
    }[] = await manager.query(
      `SELECT a.subject, a.display_name, a.email, p.agent_delivery AS delivery
         FROM notifications.agents a LEFT JOIN notifications.preferences p ON p.subject = a.subject
         WHERE NOT a.removed AND ${where} ORDER BY a.subject`,
      parameters,
    );
    return rows.map((row) => ({
      subject: row.subject,
      displayName: row.display_name,
      email: row.email,
      delivery: row.delivery ?? this.defaultDelivery,
    }));
  }
}
