import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { v7 as uuidv7 } from 'uuid';
import { type CommuneDirectory, DomainError, SUBJECTS, ValidationFailed } from '#domain';
import { Outbox } from '#messaging';
import { Clock, type Principal } from '#platform';
import { validateComplete, validateDraft } from '../procedures/form-validation.js';
import type { Procedure, ProcedureSettings } from '../procedures/procedure.js';
import { ProcedureCatalogue } from '../procedures/procedure-catalogue.js';
import { ApplicationEntity } from './application.entity.js';
import { transition } from './application.lifecycle.js';
import { TimelineEntryEntity } from './timeline-entry.entity.js';
import { applicationView, type ApplicationView, type Receipt, timelineView } from './application.view.js';
import type {
  ComplementRequest,
  CreateApplicationRequest,
  SubmitRequest,
  WithdrawRequest,
} from './applications.dto.js';
import {
  appendTimeline,
  claimIdempotencyKey,
  loadOwnedApplication,
  nextReceiptSequence,
  quotaAlreadyUsed,
  storeApplicationState,
  storeIdempotentResponse,
} from './applications.repository.js';
import { clockOf, moveClock } from './application-clock.js';
import { onComplemented, startClock } from './decision-clock.rules.js';
import { COMMUNE_DIRECTORY, PROCEDURE_SETTINGS, procedureContext } from './procedure-context.js';
import { formatReceiptNumber } from './receipt-number.js';
import { complementedText, draftCreatedText, submittedText, withdrawnText } from './timeline.texts.js';

const SWORN_STATEMENT_MISSING = {
  field: 'swornStatement',
  reason: 'doit être coché : vous certifiez sur l’honneur l’exactitude des informations déclarées',
};

/** What a citizen does with their files: drafts, submission, withdrawal, answers. One transaction each. */
@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly catalogue: ProcedureCatalogue,
    @Inject(PROCEDURE_SETTINGS) private readonly settings: ProcedureSettings,
    @Inject(COMMUNE_DIRECTORY) private readonly communes: CommuneDirectory,
    private readonly clock: Clock,
  ) {}

  async createDraft(principal: Principal, request: CreateApplicationRequest): Promise<ApplicationView> {
    const procedure = this.catalogue.find(request.procedure);
    if (!procedure) {
      throw new ValidationFailed([
        {
          field: 'procedure',
          reason: `démarche inconnue : « ${request.procedure} » (voir GET /api/procedures)`,
        },
      ]);
    }
    const data = request.data ?? {};
    validateDraft(procedure, data);
    return this.dataSource.transaction(async (manager) => {
      const application = manager.create(ApplicationEntity, {
        id: uuidv7(),
        procedure: procedure.code,
        ownerSubject: principal.subject,
        status: 'draft',
        data,
        receiptNumber: null,
        submittedAt: null,
        decisionDeadline: null,
        clockSuspendedOn: null,
        clockResumesAfter: null,
        silenceMeans: null,
        warnings: [],
        quotaKey: null,
        handling: {},
      });
      // insert, not save: save() would first look for a row with this new id.
      await manager.insert(ApplicationEntity, application as QueryDeepPartialEntity<ApplicationEntity>);
      await appendTimeline(manager, application.id, 'draft_created', draftCreatedText(procedure.title));
      return applicationView(application);
    });
  }

  /** Saves parts of a draft: each top-level part sent replaces the stored one; parts not sent are kept. */
  async saveDraft(principal: Principal, id: string, data: Record<string, unknown>): Promise<ApplicationView> {
    return this.dataSource.transaction(async (manager) => {
      const application = await loadOwnedApplication(manager, principal.subject, id, true);
      application.status = transition(application.status, { kind: 'save' });
      const merged = { ...application.data, ...data };
      validateDraft(this.catalogue.get(application.procedure), merged);
      application.data = merged;
      await manager.save(application);
      return applicationView(application);
    });
  }

  async submit(
    principal: Principal,
    id: string,
    request: SubmitRequest,
    idempotencyKey?: string,
  ): Promise<{ receipt: Receipt; replayed: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      if (idempotencyKey) {
        const claim = await claimIdempotencyKey<Receipt>(manager, principal.subject, idempotencyKey, id);
        if (claim.kind === 'replay') {
          if (claim.applicationId !== id) {
            throw new DomainError(
              'IDEMPOTENCY_KEY_REUSED',
              'Cette clé d’idempotence a déjà servi pour une autre demande : utilisez une nouvelle clé.',
              'unprocessable',
            );
          }
          return { receipt: claim.response, replayed: true };
        }
      }
      const application = await loadOwnedApplication(manager, principal.subject, id, true);
      application.status = transition(application.status, { kind: 'submit' });
      const procedure = this.catalogue.get(application.procedure);
      const form = validateComplete(
        procedure,
        application.data,
        request.swornStatement ? [] : [SWORN_STATEMENT_MISSING],
      );
      const now = this.clock.now();
      const context = procedureContext(now, this.settings, this.communes);
      const eligibility = procedure.checkEligibility(form, context);
      const quota = procedure.annualQuota?.(form);
      const quotaKey = quota ? `${context.today.slice(0, 4)}:${quota.key}` : null;
      if (quota && quotaKey && (await quotaAlreadyUsed(manager, procedure.code, quotaKey))) {
        eligibility.refusals.push(quota.refusal);
      }
      if (eligibility.refusals.length > 0) {
        throw new DomainError(
          'NOT_ELIGIBLE',
          'La demande ne remplit pas les conditions de la démarche : voir les raisons indiquées.',
          'unprocessable',
          eligibility.refusals.map((refusal) => ({ field: refusal.field, reason: refusal.message })),
        );
      }
      application.quotaKey = quotaKey;
      const receipt = await this.file(
        manager,
        application,
        procedure,
        form,
        context,
        principal,
        now,
        eligibility.warnings,
      );
      if (idempotencyKey) await storeIdempotentResponse(manager, principal.subject, idempotencyKey, receipt);
      return { receipt, replayed: false };
    });
  }

  private async file(
    manager: EntityManager,
    application: ApplicationEntity,
    procedure: Procedure,
    form: object,
    context: ReturnType<typeof procedureContext>,
    principal: Principal,
    now: Date,
    warnings: Receipt['warnings'],
  ): Promise<Receipt> {
    const projection = procedure.project(form, context);
    const year = Number(context.today.slice(0, 4));
    const receiptNumber = formatReceiptNumber(
      procedure.receiptPrefix,
      year,
      await nextReceiptSequence(manager, procedure.code, year),
    );
    const clock = startClock(procedure.deadline, context.today);
    const deadline = clock.deadline as string;
    Object.assign(application, {
      receiptNumber,
      submittedAt: now,
      decisionDeadline: deadline,
      silenceMeans: procedure.deadline.silenceMeans,
      warnings,
    });
    await storeApplicationState(manager, application);
    await appendTimeline(
      manager,
      application.id,
      'submitted',
      submittedText(receiptNumber, deadline, procedure.deadline.silenceMeans),
    );
    await this.outbox.publish(manager, SUBJECTS.applicationSubmitted, application.id, {
      applicationId: application.id,
      procedure: procedure.code,
      receiptNumber,
      submittedAt: now.toISOString(),
      decisionDeadline: deadline,
      silenceMeans: procedure.deadline.silenceMeans,
      communeInsee: projection.commune.code,
      applicant: {
        subject: principal.subject,
        ...(projection.contactEmail ? { email: projection.contactEmail } : {}),
      },
      facts: projection.facts,
    });
    return {
      id: application.id,
      receiptNumber,
      submittedAt: now.toISOString(),
      decisionDeadline: deadline,
      silenceMeans: procedure.deadline.silenceMeans,
      deadlineExplanation: procedure.deadline.explanation,
      warnings,
    };
  }

  async withdraw(principal: Principal, id: string, request: WithdrawRequest): Promise<ApplicationView> {
    return this.dataSource.transaction(async (manager) => {
      const application = await loadOwnedApplication(manager, principal.subject, id, true);
      application.status = transition(application.status, { kind: 'withdraw' });
      await manager.save(application);
      await appendTimeline(
        manager,
        application.id,
        'withdrawn',
        withdrawnText() + (request.reason ? ` Motif : ${request.reason}` : ''),
      );
      await this.outbox.publish(manager, SUBJECTS.applicationWithdrawn, application.id, {
        applicationId: application.id,
        procedure: application.procedure,
        withdrawnAt: this.clock.now().toISOString(),
        applicant: { subject: principal.subject },
      });
      return applicationView(application);
    });
  }

  async complement(principal: Principal, id: string, request: ComplementRequest): Promise<ApplicationView> {
    return this.dataSource.transaction(async (manager) => {
      const application = await loadOwnedApplication(manager, principal.subject, id, true);
      application.status = transition(application.status, { kind: 'complement' });
      const procedure = this.catalogue.get(application.procedure);
      const now = this.clock.now();
      const today = procedureContext(now, this.settings, this.communes).today;
      // CRPA L114-5 / CASF R232-23: the clock resumes (never past the time given) or restarts; routing is told.
      const clock = onComplemented(procedure.deadline, clockOf(application), today);
      await moveClock(manager, this.outbox, application, clock, 'complemented');
      const requestId = request.requestId ?? application.handling.infoRequest?.requestId;
      application.handling = { ...application.handling, infoRequest: undefined };
      await manager.save(application);
      await appendTimeline(
        manager,
        application.id,
        'complemented',
        complementedText(clock.deadline, request.message),
      );
      await this.outbox.publish(manager, SUBJECTS.applicationComplemented, application.id, {
        applicationId: application.id,
        procedure: application.procedure,
        ...(requestId ? { requestId } : {}),
        complementedAt: now.toISOString(),
        answer: request.message,
        ...(clock.deadline ? { decisionDeadline: clock.deadline } : {}),
      });
      return applicationView(application);
    });
  }

  async list(principal: Principal): Promise<ApplicationView[]> {
    const applications = await this.dataSource.manager.find(ApplicationEntity, {
      where: { ownerSubject: principal.subject },
      order: { createdAt: 'DESC' },
    });
    return applications.map(applicationView);
  }

  async get(principal: Principal, id: string): Promise<ApplicationView> {
    return applicationView(await loadOwnedApplication(this.dataSource.manager, principal.subject, id));
  }

  async timeline(principal: Principal, id: string): Promise<ReturnType<typeof timelineView>[]> {
    await loadOwnedApplication(this.dataSource.manager, principal.subject, id);
    const entries = await this.dataSource.manager.find(TimelineEntryEntity, {
      where: { applicationId: id },
      order: { at: 'ASC' },
    });
    return entries.map(timelineView);
  }
}
