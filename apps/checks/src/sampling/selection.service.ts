import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import {
  type ApplicationDecidedV1,
  type ApplicationSubmittedV1,
  type EventEnvelope,
  InvalidTransition,
  NotFound,
  SUBJECTS,
} from '#domain';
import { NotYet, Outbox } from '#messaging';
import { Clock } from '#platform';
import { appendAudit } from '../audit/audit-log.repository.js';
import type { ChecksConfig } from '../checks.config.js';
import { CHECKS_CONFIG } from '../checks.tokens.js';
import { policyAt } from './policies.repository.js';
import { type FactValue, type SamplingPolicy, type Selection, select } from './sampling.rules.js';

const GRANTED = new Set(['granted', 'deemed_granted']);

export interface SelectionProof extends Selection {
  applicationId: string;
  procedure: string;
  campaign: string;
  policy: SamplingPolicy;
  /** The recorded selection equals the one recomputed now from the recorded policy version. */
  reproduced: boolean;
  recordedAt: string;
}

/** Selection of granted files for control: facts kept from submission, a draw at the grant, a case when selected. */
@Injectable()
export class SelectionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    @Inject(CHECKS_CONFIG) private readonly config: ChecksConfig,
  ) {}

  /** Keeps the file's small facts (no identity) that risk rules read. */
  async onSubmitted(manager: EntityManager, event: EventEnvelope<ApplicationSubmittedV1>): Promise<void> {
    await manager.query(
      `INSERT INTO checks.application_facts (application_id, procedure, facts) VALUES ($1, $2, $3)
       ON CONFLICT (application_id) DO NOTHING`,
      [event.payload.applicationId, event.payload.procedure, JSON.stringify(event.payload.facts ?? {})],
    );
  }

  /** A granted file (express or tacit) is drawn once; selected, a case opens and check.opened is published. */
  async onDecided(manager: EntityManager, event: EventEnvelope<ApplicationDecidedV1>): Promise<void> {
    const { applicationId, outcome, decidedAt } = event.payload;
    if (!GRANTED.has(outcome)) return;
    const known: { procedure: string; facts: Record<string, FactValue> }[] = await manager.query(
      'SELECT procedure, facts FROM checks.application_facts WHERE application_id = $1',
      [applicationId],
    );
    if (known.length === 0)
      throw new NotYet(`${SUBJECTS.applicationSubmitted} of ${applicationId} (its facts)`);
    const [{ procedure, facts }] = known;
    const policy = await policyAt(manager, procedure, undefined, this.config.CHECKS_DEFAULT_RATE);
    const selection = select(policy, this.config.CHECKS_CAMPAIGN_KEY, applicationId, facts);
    const inserted: unknown[] = await manager.query(
      `INSERT INTO checks.selections (application_id, procedure, policy_version, probability, draw, selected, factors, stratum, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (application_id) DO NOTHING RETURNING application_id`,
      [
        applicationId,
        procedure,
        selection.policyVersion,
        selection.probability,
        selection.draw,
        selection.selected,
        JSON.stringify(selection.factors),
        selection.stratum,
        decidedAt,
      ],
    );
    if (inserted.length === 0) return;
    const now = this.clock.now();
    await appendAudit(manager, {
      at: now,
      actor: 'système',
      action: selection.selected ? 'sélectionné' : 'non sélectionné',
      applicationId,
      details: { campaign: this.config.CHECKS_CAMPAIGN, ...selection },
    });
    if (selection.selected) {
      await this.openCase(
        manager,
        applicationId,
        'sample',
        `tirage : ${selection.draw.toFixed(6)} < probabilité ${selection.probability}`,
        selection,
        now,
      );
    }
  }

  /** An auditor's targeted check on any file, with a reason (no draw). */
  async openTargeted(auditor: string, applicationId: string, reason: string): Promise<{ checkId: string }> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const checkId = await this.openCase(
        manager,
        applicationId,
        'targeted',
        reason,
        { probability: 1, draw: 0, factors: {} },
        now,
      );
      if (!checkId)
        throw new InvalidTransition('Un contrôle est déjà ouvert sur ce dossier.', 'CHECK_ALREADY_OPEN');
      await appendAudit(manager, {
        at: now,
        actor: auditor,
        action: 'contrôle ciblé ouvert',
        applicationId,
        details: { checkId, reason },
      });
      return { checkId };
    });
  }

  /** The proof for one file: what was recorded, and the same computation done again from the recorded policy. */
  async proof(applicationId: string): Promise<SelectionProof> {
    const manager = this.dataSource.manager;
    const rows: {
      procedure: string;
      policy_version: number;
      probability: number;
      draw: number;
      selected: boolean;
      factors: Record<string, number>;
      stratum: string;
      selected_at: Date;
    }[] = await manager.query('SELECT * FROM checks.selections WHERE application_id = $1', [applicationId]);
    if (rows.length === 0)
      throw new NotFound('Aucun tirage pour ce dossier (il n’a pas été accordé, ou pas encore).');
    const [row] = rows;
    const facts: { facts: Record<string, FactValue> }[] = await manager.query(
      'SELECT facts FROM checks.application_facts WHERE application_id = $1',
      [applicationId],
    );
    const policy = await policyAt(
      manager,
      row.procedure,
      row.policy_version,
      this.config.CHECKS_DEFAULT_RATE,
    );
    const again = select(policy, this.config.CHECKS_CAMPAIGN_KEY, applicationId, facts[0]?.facts ?? {});
    const recorded: Selection = {
      policyVersion: row.policy_version,
      probability: row.probability,
      draw: row.draw,
      selected: row.selected,
      factors: row.factors,
      stratum: row.stratum,
    };
    return {
      applicationId,
      procedure: row.procedure,
      campaign: this.config.CHECKS_CAMPAIGN,
      policy,
      ...recorded,
      reproduced: JSON.stringify(again) === JSON.stringify(recorded),
      recordedAt: row.selected_at.toISOString(),
    };
  }

  private async openCase(
    manager: EntityManager,
    applicationId: string,
    origin: 'sample' | 'targeted',
    reason: string,
    proof: { probability: number; draw: number; factors: Record<string, number> },
    now: Date,
  ): Promise<string | null> {
    const checkId = uuidv7();
    const inserted: unknown[] = await manager.query(
      `INSERT INTO checks.cases (id, application_id, origin, reason, status, opened_at) VALUES ($1, $2, $3, $4, 'opened', $5)
       ON CONFLICT (application_id) DO NOTHING RETURNING id`,
      [checkId, applicationId, origin, reason, now],
    );
    if (inserted.length === 0) return null; // one case per file
    await this.outbox.publish(manager, SUBJECTS.checkOpened, checkId, {
      checkId,
      applicationId,
      campaign: this.config.CHECKS_CAMPAIGN,
      probability: proof.probability,
      draw: proof.draw,
      factors: proof.factors,
    });
    return checkId;
  }
}
