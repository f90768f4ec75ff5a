import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type ApplicationComplementedV1,
  type ApplicationDeadlineChangedV1,
  type ApplicationSubmittedV1,
  type ApplicationWithdrawnV1,
  type EventEnvelope,
  frenchDate,
  parisDate,
  SUBJECTS,
} from '#domain';
import { NotYet, Outbox } from '#messaging';
import { Clock } from '#platform';
import { DirectoryIndex } from '../../directory/directory-index.js';
import { backOfficeProcedure } from '../back-office.procedures.js';
import { FileEntity } from './file.entity.js';
import { isOpen } from './file.lifecycle.js';
import { appendHistory } from './files.repository.js';

/** What intake's events do to routing's files: routing on submission, withdrawal, answers, deadline moves. */
@Injectable()
export class FileRoutingService {
  private readonly logger = new Logger(FileRoutingService.name);

  constructor(
    private readonly directory: DirectoryIndex,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  /**
   * A submitted file goes to the team the directory resolves for (procedure, commune); a file no rule covers goes to
   * the default team and is flagged. The file, its history and `application.routed` commit with the inbox record.
   */
  async onSubmitted(manager: EntityManager, event: EventEnvelope<ApplicationSubmittedV1>): Promise<void> {
    const submitted = event.payload;
    if (await manager.exists(FileEntity, { where: { id: submitted.applicationId } })) return;
    const resolution = this.directory.resolve(submitted.procedure, submitted.communeInsee);
    const { team } = resolution;
    await manager.insert(FileEntity, {
      id: submitted.applicationId,
      procedure: submitted.procedure,
      receiptNumber: submitted.receiptNumber,
      communeInsee: submitted.communeInsee,
      teamCode: team.code,
      defaultTeam: resolution.defaultTeam,
      routingReason: resolution.reason,
      status: 'in_review',
      assignee: null,
      submittedAt: new Date(submitted.submittedAt),
      completeOn: parisDate(new Date(submitted.submittedAt)),
      decisionDeadline: submitted.decisionDeadline,
      suspendedOn: null,
      silenceMeans: submitted.silenceMeans,
      facts: submitted.facts,
      infoRequest: null,
      evaluation: null,
      carePlan: null,
      decision: null,
      version: 1,
    });
    await appendHistory(manager, {
      fileId: submitted.applicationId,
      at: this.clock.now(),
      kind: 'routed',
      actor: null,
      text:
        `Dossier ${submitted.receiptNumber} orienté vers « ${team.name} » : ${resolution.reason}.` +
        (resolution.defaultTeam
          ? ' Aucune règle ne couvre ce dossier : il a été confié à l’équipe par défaut et signalé.'
          : ''),
      details: { teamCode: team.code, ruleId: resolution.ruleId, defaultTeam: resolution.defaultTeam },
    });
    await this.outbox.publish(manager, SUBJECTS.applicationRouted, submitted.applicationId, {
      applicationId: submitted.applicationId,
      teamCode: team.code,
      contact: team.contact,
      reason: resolution.reason,
      defaultTeam: resolution.defaultTeam,
    });
  }

  /** The citizen withdrew the file: it leaves the open inbox (a decided file stays as it is). */
  async onWithdrawn(manager: EntityManager, event: EventEnvelope<ApplicationWithdrawnV1>): Promise<void> {
    const file = await this.lockKnownFile(manager, event.payload.applicationId);
    if (!isOpen(file.status)) return this.ignore(event, file);
    file.status = 'withdrawn';
    file.infoRequest = null;
    await manager.save(file);
    await appendHistory(manager, {
      fileId: file.id,
      at: this.clock.now(),
      kind: 'withdrawn',
      actor: null,
      text: 'Le demandeur a retiré sa demande : le dossier est clos.',
    });
  }

  /** The citizen answered a request for more: the file is back in review, with the deadline intake computed. */
  async onComplemented(
    manager: EntityManager,
    event: EventEnvelope<ApplicationComplementedV1>,
  ): Promise<void> {
    const answer = event.payload;
    const file = await this.lockKnownFile(manager, answer.applicationId);
    if (!isOpen(file.status)) return this.ignore(event, file);
    file.status = 'in_review';
    file.infoRequest = null;
    if (answer.decisionDeadline) {
      file.decisionDeadline = answer.decisionDeadline;
      file.suspendedOn = null;
    }
    // APA (CASF R232-23): the file is complete on the answer; the 30-day care plan runs from there.
    if (backOfficeProcedure(file.procedure).clockEffect === 'restarts') {
      file.completeOn = parisDate(new Date(answer.complementedAt));
    }
    await manager.save(file);
    await appendHistory(manager, {
      fileId: file.id,
      at: this.clock.now(),
      kind: 'complemented',
      actor: null,
      text:
        'Le demandeur a répondu à la demande d’informations' +
        (answer.decisionDeadline
          ? ` ; nouvelle date limite de décision : ${frenchDate(answer.decisionDeadline)}.`
          : '.'),
      details: { requestId: answer.requestId ?? null, answer: answer.answer ?? null },
    });
  }

  /** Intake owns the clock: routing takes its deadline as told (null while a restart-on-answer request is open). */
  async onDeadlineChanged(
    manager: EntityManager,
    event: EventEnvelope<ApplicationDeadlineChangedV1>,
  ): Promise<void> {
    const change = event.payload;
    const file = await this.lockKnownFile(manager, change.applicationId);
    if (!isOpen(file.status)) return this.ignore(event, file);
    file.decisionDeadline = change.decisionDeadline ?? null;
    file.suspendedOn = change.suspendedOn ?? null;
    await manager.save(file);
    await appendHistory(manager, {
      fileId: file.id,
      at: this.clock.now(),
      kind: 'deadline_changed',
      actor: null,
      text: change.suspendedOn
        ? `Délai de décision suspendu depuis le ${frenchDate(change.suspendedOn)}.`
        : change.decisionDeadline
          ? `Nouvelle date limite de décision : ${frenchDate(change.decisionDeadline)}.`
          : 'Le délai de décision repartira à la réception des informations demandées.',
      details: { ...change },
    });
  }

  private async lockKnownFile(manager: EntityManager, id: string): Promise<FileEntity> {
    const file = await manager.findOne(FileEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    // A file event that arrived before the file itself (consumers of different subjects are not ordered).
    if (!file) throw new NotYet(`${SUBJECTS.applicationSubmitted} of ${id}`);
    return file;
  }

  private ignore(event: EventEnvelope, file: FileEntity): void {
    this.logger.log(
      { eventId: event.id, applicationId: file.id, status: file.status },
      `${event.type} ignored: the file is no longer open`,
    );
  }
}
