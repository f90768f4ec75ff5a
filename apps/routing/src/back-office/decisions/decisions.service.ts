import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type ApplicationDecidedV1,
  estimateApa,
  flatRate,
  frenchDate,
  type Gir,
  type Household,
  SUBJECTS,
  parametersAreProvisional,
  remediesFor,
} from '#domain';
import { Outbox } from '#messaging';
import type { Principal } from '#platform';
import { backOfficeProcedure } from '../back-office.procedures.js';
import { BACK_OFFICE_SETTINGS, type BackOfficeSettings } from '../back-office.settings.js';
import { silenceOutcome, tacitDecisionDate } from '../deadlines/deadline.rules.js';
import type { Decision, FileEntity } from '../files/file.entity.js';
import { FileWork } from '../files/file-work.js';
import { fileDetail } from '../files/file.view.js';
import { appendHistory, historyOf } from '../files/files.repository.js';
import { type AgentOutcome, assertApaGrantable, assertApcrAmount, assertReasoned } from './decision.rules.js';

export interface DecideCommand {
  outcome: AgentOutcome;
  reason?: string;
  amountCents?: number;
}

const DEFAULT_REASONS: Record<AgentOutcome, string> = {
  granted: 'La demande remplit les conditions de la démarche.',
  rejected: '',
  closed: 'La demande est classée sans suite.',
};

const OUTCOME_LABELS: Record<string, string> = {
  granted: 'accordée',
  rejected: 'refusée',
  closed: 'classée sans suite',
  deemed_granted: 'accordée implicitement (silence gardé jusqu’à la date limite)',
  deemed_rejected: 'refusée implicitement (silence gardé jusqu’à la date limite)',
};

/**
 * Routing owns the decision: an agent's, or the tacit one when the clock runs out. Both take the file's row lock and
 * need an open file, so an agent and the deadline job meeting on one file give exactly one decision.
 */
@Injectable()
export class DecisionsService {
  constructor(
    private readonly work: FileWork,
    private readonly outbox: Outbox,
    @Inject(BACK_OFFICE_SETTINGS) private readonly settings: BackOfficeSettings,
  ) {}

  /** What `decide` would record, rolled back: the text the citizen will receive, previewed before confirming. */
  preview(principal: Principal, id: string, command: DecideCommand) {
    return this.decision(principal, id, command, true);
  }

  decide(principal: Principal, id: string, command: DecideCommand) {
    return this.decision(principal, id, command, false);
  }

  private decision(principal: Principal, id: string, command: DecideCommand, dryRun: boolean) {
    const run = dryRun ? this.work.dryRun.bind(this.work) : this.work.run.bind(this.work);
    return run(principal, id, 'decide', async ({ manager, file, now, today }) => {
      assertReasoned(command.outcome, command.reason);
      const reason = command.reason?.trim() || DEFAULT_REASONS[command.outcome];
      const decision: Decision = {
        outcome: command.outcome,
        reason,
        remedies: remediesFor(file.procedure, false),
        decidedAt: now.toISOString(),
        by: principal.subject,
        ...(file.evaluation ? { gir: file.evaluation.gir } : {}),
        ...(command.outcome === 'granted' ? this.grantedAmounts(file, command, today) : {}),
      };
      await this.record(manager, file, decision, now);
      return fileDetail(file, await historyOf(manager, file.id), today);
    });
  }

  /**
   * The silence rule, for a file the deadline job holds locked and found open past its deadline: APA deemed granted
   * at the flat rate of the day the tacit decision is born (CASF L232-14, R232-29), APCR deemed rejected
   * (CRPA L231-4). Remedies of a tacit decision (CRPA L232-4).
   */
  async decideTacitly(manager: EntityManager, file: FileEntity, now: Date): Promise<void> {
    const deadline = file.decisionDeadline as string;
    const bornOn = tacitDecisionDate(deadline);
    const outcome = silenceOutcome(file.silenceMeans);
    const granted = outcome === 'deemed_granted';
    const flat = granted && backOfficeProcedure(file.procedure).carePlan ? flatRate(bornOn) : undefined;
    const decision: Decision = {
      outcome,
      reason: granted
        ? `Aucune décision n’a été prise avant le ${frenchDate(deadline)} : la demande est réputée acceptée depuis ` +
          `le ${frenchDate(bornOn)}` +
          (flat !== undefined
            ? `, à titre provisoire, au montant forfaitaire de 50 % du plafond du GIR 1 (CASF, articles L232-14 ` +
              `et R232-29).`
            : '.')
        : `Aucune décision n’a été prise avant le ${frenchDate(deadline)} : la demande est réputée refusée depuis ` +
          `le ${frenchDate(bornOn)} (code des relations entre le public et l’administration, article L231-4).`,
      remedies: remediesFor(file.procedure, true),
      decidedAt: now.toISOString(),
      by: null,
      ...(flat !== undefined
        ? { amountCents: flat, provisionalParameters: parametersAreProvisional(bornOn) }
        : {}),
    };
    await this.record(manager, file, decision, now);
  }

  private grantedAmounts(file: FileEntity, command: DecideCommand, today: string): Partial<Decision> {
    const procedure = backOfficeProcedure(file.procedure);
    if (procedure.carePlan) {
      assertApaGrantable(file.evaluation, file.carePlan);
      const plan = file.carePlan!;
      // CASF R232-10, R232-11, D232-31: the calculator of libs/domain, on the accepted plan, at the decision date.
      const estimate = estimateApa({
        gir: plan.gir as Gir,
        monthlyResourcesCents: Number(file.facts.monthlyResourcesCents ?? 0),
        household: (file.facts.household === 'couple' ? 'couple' : 'alone') as Household,
        planCents: plan.planCents,
        date: today,
      });
      return {
        gir: plan.gir,
        planCents: estimate.acceptedPlanCents,
        participationCents: estimate.participationCents,
        amountCents: estimate.paid ? estimate.apaCents : 0,
        provisionalParameters: estimate.provisional,
        ...(estimate.paid
          ? {}
          : {
              reason:
                `${command.reason?.trim() || DEFAULT_REASONS.granted} Le montant mensuel de l’APA est inférieur ` +
                'au seuil de versement (3 fois le SMIC horaire brut, CASF, article D232-31) : il n’est pas versé.',
            }),
      };
    }
    if (procedure.grantBounded) {
      const amountCents = assertApcrAmount(
        command.amountCents,
        {
          requestedAmountCents: Number(file.facts.requestedAmountCents ?? 0),
          costExcludingTaxCents: Number(file.facts.costExcludingTaxCents ?? 0),
        },
        this.settings.apcr,
      );
      return { amountCents };
    }
    return command.amountCents !== undefined ? { amountCents: command.amountCents } : {};
  }

  private async record(
    manager: EntityManager,
    file: FileEntity,
    decision: Decision,
    now: Date,
  ): Promise<void> {
    file.status = decision.outcome;
    file.decision = decision;
    file.infoRequest = null;
    await manager.save(file);
    await appendHistory(manager, {
      fileId: file.id,
      at: now,
      kind: 'decided',
      actor: decision.by ?? 'system',
      text: `Demande ${OUTCOME_LABELS[decision.outcome]}. Motif : ${decision.reason}`,
      details: { ...decision },
    });
    const payload: ApplicationDecidedV1 = {
      applicationId: file.id,
      outcome: decision.outcome,
      reason: decision.reason,
      decidedAt: decision.decidedAt,
      remedies: decision.remedies,
      ...(decision.amountCents !== undefined ? { amountCents: decision.amountCents } : {}),
      ...(decision.gir !== undefined ? { gir: decision.gir } : {}),
      ...(decision.planCents !== undefined ? { planCents: decision.planCents } : {}),
      ...(decision.participationCents !== undefined
        ? { participationCents: decision.participationCents }
        : {}),
      ...(decision.provisionalParameters !== undefined
        ? { provisionalParameters: decision.provisionalParameters }
        : {}),
    };
    await this.outbox.publish(manager, SUBJECTS.applicationDecided, file.id, payload);
  }
}
