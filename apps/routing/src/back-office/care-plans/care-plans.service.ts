import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import {
  type ApplicationCarePlanAnsweredV1,
  DomainError,
  estimateApa,
  type EventEnvelope,
  frenchDate,
  type Gir,
  type Household,
  parisDate,
  SUBJECTS,
  ValidationFailed,
} from '#domain';
import { NotYet, Outbox } from '#messaging';
import { Clock, type Principal } from '#platform';
import { backOfficeProcedure } from '../back-office.procedures.js';
import { girOpensApa } from '../decisions/decision.rules.js';
import { FileEntity } from '../files/file.entity.js';
import { FileWork } from '../files/file-work.js';
import { fileDetail } from '../files/file.view.js';
import { appendHistory, historyOf } from '../files/files.repository.js';
import { answeredInTime, carePlanAnswerBy } from './care-plan.rules.js';

/**
 * APA instruction steps (CASF R232-7): the home evaluation (GIR on the AGGIR grid), then the care plan sent to the
 * beneficiary with the calculator's participation and amount; the beneficiary answers through intake within 10 days,
 * and no answer counts as a refusal of the plan (recorded by the deadline job).
 */
@Injectable()
export class CarePlansService {
  private readonly logger = new Logger(CarePlansService.name);

  constructor(
    private readonly work: FileWork,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  evaluate(principal: Principal, id: string, command: { evaluatedOn: string; gir: number }) {
    return this.work.run(principal, id, 'evaluate', async ({ manager, file, now, today }) => {
      this.assertApa(file);
      if (command.evaluatedOn > today) {
        throw new ValidationFailed([{ field: 'evaluatedOn', reason: 'ne peut pas être une date future' }]);
      }
      file.evaluation = { evaluatedOn: command.evaluatedOn, gir: command.gir, by: principal.subject };
      await manager.save(file);
      await appendHistory(manager, {
        fileId: file.id,
        at: now,
        kind: 'evaluated',
        actor: principal.subject,
        text:
          `Évaluation à domicile du ${frenchDate(command.evaluatedOn)} : GIR ${command.gir}` +
          (girOpensApa(command.gir)
            ? '.'
            : ' ; les GIR 5 et 6 n’ouvrent pas droit à l’APA (CASF, article R232-4).'),
        details: { evaluatedOn: command.evaluatedOn, gir: command.gir },
      });
      return fileDetail(file, await historyOf(manager, file.id), today);
    });
  }

  /** What `propose` would record, rolled back: the participation and the APA shown before proposing. */
  preview(principal: Principal, id: string, command: { planCents: number; description?: string }) {
    return this.proposal(principal, id, command, true);
  }

  propose(principal: Principal, id: string, command: { planCents: number; description?: string }) {
    return this.proposal(principal, id, command, false);
  }

  private proposal(
    principal: Principal,
    id: string,
    command: { planCents: number; description?: string },
    dryRun: boolean,
  ) {
    const run = dryRun ? this.work.dryRun.bind(this.work) : this.work.run.bind(this.work);
    return run(principal, id, 'propose_care_plan', async ({ manager, file, now, today }) => {
      this.assertApa(file);
      const evaluation = file.evaluation;
      if (!evaluation) {
        throw new DomainError(
          'EVALUATION_MISSING',
          'Enregistrez d’abord l’évaluation à domicile (GIR) : le plan d’aide en dépend (CASF, article R232-7).',
          'conflict',
        );
      }
      if (!girOpensApa(evaluation.gir)) {
        throw new DomainError(
          'APA_GIR_NOT_ELIGIBLE',
          `GIR ${evaluation.gir} : pas de plan d’aide, seuls les GIR 1 à 4 ouvrent droit à l’APA (CASF, article ` +
            'R232-4). Rejetez la demande en indiquant ce motif.',
          'unprocessable',
        );
      }
      if (file.carePlan?.status === 'proposed') {
        throw new DomainError(
          'CARE_PLAN_PENDING',
          `Un plan d’aide attend déjà la réponse du bénéficiaire (jusqu’au ${frenchDate(file.carePlan.answerBy)}).`,
          'conflict',
        );
      }
      // CASF R232-10, R232-11, D232-31: the calculator of libs/domain, never recomputed here.
      const estimate = estimateApa({
        gir: evaluation.gir as Gir,
        monthlyResourcesCents: Number(file.facts.monthlyResourcesCents ?? 0),
        household: (file.facts.household === 'couple' ? 'couple' : 'alone') as Household,
        planCents: command.planCents,
        date: today,
      });
      const answerBy = carePlanAnswerBy(today);
      const planId = uuidv7();
      const provisionalParameters = estimate.provisional;
      file.carePlan = {
        planId,
        gir: evaluation.gir,
        planCents: estimate.acceptedPlanCents,
        participationCents: estimate.participationCents,
        apaCents: estimate.apaCents,
        ...(command.description ? { description: command.description } : {}),
        proposedOn: today,
        answerBy,
        status: 'proposed',
        provisionalParameters,
      };
      await manager.save(file);
      await appendHistory(manager, {
        fileId: file.id,
        at: now,
        kind: 'care_plan_proposed',
        actor: principal.subject,
        text:
          `Plan d’aide proposé : ${euros(estimate.acceptedPlanCents)} par mois, participation ` +
          `${euros(estimate.participationCents)}, APA ${euros(estimate.apaCents)} ; réponse attendue avant le ` +
          `${frenchDate(answerBy)}.` +
          (estimate.acceptedPlanCents < command.planCents
            ? ` Le montant demandé (${euros(command.planCents)}) a été ramené au plafond du GIR ${evaluation.gir}.`
            : ''),
        details: { ...file.carePlan },
      });
      await this.outbox.publish(manager, SUBJECTS.applicationCarePlanProposed, file.id, {
        applicationId: file.id,
        planId,
        evaluatedOn: evaluation.evaluatedOn,
        gir: evaluation.gir,
        planCents: estimate.acceptedPlanCents,
        participationCents: estimate.participationCents,
        apaCents: estimate.apaCents,
        answerBy,
        ...(command.description ? { description: command.description } : {}),
        provisionalParameters,
      });
      return fileDetail(file, await historyOf(manager, file.id), today);
    });
  }

  /** The beneficiary's answer, through intake: counted when given by `answerBy`, even if it arrives later. */
  async onAnswered(
    manager: EntityManager,
    event: EventEnvelope<ApplicationCarePlanAnsweredV1>,
  ): Promise<void> {
    const answer = event.payload;
    const file = await manager.findOne(FileEntity, {
      where: { id: answer.applicationId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!file) throw new NotYet(`${SUBJECTS.applicationSubmitted} of ${answer.applicationId}`);
    const plan = file.carePlan;
    const answeredOn = parisDate(new Date(answer.answeredAt));
    const applies =
      plan !== null &&
      plan.planId === answer.planId &&
      (plan.status === 'proposed' || plan.status === 'refused_by_silence') &&
      answeredInTime(answeredOn, plan.answerBy) &&
      (file.status === 'in_review' || file.status === 'info_requested');
    if (!applies) {
      this.logger.log(
        { eventId: event.id, applicationId: file.id },
        'care plan answer ignored: another plan, already answered, too late, or file closed',
      );
      await appendHistory(manager, {
        fileId: file.id,
        at: this.clock.now(),
        kind: 'care_plan_answer_ignored',
        actor: null,
        text: 'Une réponse au plan d’aide est arrivée mais ne s’applique plus (autre plan, hors délai ou dossier clos).',
        details: { planId: answer.planId, answer: answer.answer, answeredAt: answer.answeredAt },
      });
      return;
    }
    plan.status = answer.answer;
    plan.answeredAt = answer.answeredAt;
    if (answer.comment) plan.comment = answer.comment;
    file.carePlan = { ...plan };
    await manager.save(file);
    await appendHistory(manager, {
      fileId: file.id,
      at: this.clock.now(),
      kind: 'care_plan_answered',
      actor: null,
      text:
        answer.answer === 'accepted'
          ? 'Le bénéficiaire a accepté le plan d’aide.'
          : 'Le bénéficiaire demande des modifications du plan d’aide' +
            (answer.comment ? ` : ${answer.comment}` : '.'),
      details: { planId: answer.planId, answer: answer.answer },
    });
  }

  /** CASF R232-7: a plan still unanswered after `answerBy` counts as refused (the job calls this, file locked). */
  async recordRefusalBySilence(manager: EntityManager, file: FileEntity, now: Date): Promise<void> {
    const plan = file.carePlan!;
    file.carePlan = { ...plan, status: 'refused_by_silence' };
    await manager.save(file);
    await appendHistory(manager, {
      fileId: file.id,
      at: now,
      kind: 'care_plan_refused_by_silence',
      actor: 'system',
      text:
        `Le bénéficiaire n’a pas répondu au plan d’aide avant le ${frenchDate(plan.answerBy)} : ce silence vaut ` +
        'refus du plan (CASF, article R232-7).',
      details: { planId: plan.planId },
    });
  }

  private assertApa(file: FileEntity): void {
    if (!backOfficeProcedure(file.procedure).carePlan) {
      throw new DomainError(
        'NOT_APPLICABLE',
        'L’évaluation à domicile et le plan d’aide ne concernent que l’APA.',
        'unprocessable',
      );
    }
  }
}

function euros(value: number): string {
  return new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(value / 100);
}
