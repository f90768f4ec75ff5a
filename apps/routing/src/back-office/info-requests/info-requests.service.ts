import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { frenchDate, SUBJECTS } from '#domain';
import { Outbox } from '#messaging';
import type { Principal } from '#platform';
import { backOfficeProcedure } from '../back-office.procedures.js';
import { FileWork } from '../files/file-work.js';
import { fileDetail } from '../files/file.view.js';
import { appendHistory, historyOf } from '../files/files.repository.js';
import { assertAnswerBy } from './info-request.rules.js';

const CLOCK_TEXTS = {
  restarts: 'le délai de décision repartira en entier à la réception de la réponse (CASF, article R232-23)',
  suspends: 'le délai de décision est suspendu jusqu’à la réception de la réponse (CRPA, article L114-5)',
  none: 'le délai de décision continue de courir',
};

/** An agent asks the citizen for more; the procedure says what that does to the clock (intake moves it). */
@Injectable()
export class InfoRequestsService {
  constructor(
    private readonly work: FileWork,
    private readonly outbox: Outbox,
  ) {}

  requestInfo(principal: Principal, id: string, command: { message: string; answerBy: string }) {
    return this.work.run(principal, id, 'request_info', async ({ manager, file, now, today }) => {
      assertAnswerBy(command.answerBy, today);
      const clockEffect = backOfficeProcedure(file.procedure).clockEffect;
      const requestId = uuidv7();
      file.status = 'info_requested';
      file.infoRequest = {
        requestId,
        message: command.message,
        answerBy: command.answerBy,
        requestedAt: now.toISOString(),
        by: principal.subject,
      };
      // Intake owns the clock and will confirm with application.deadline-changed; meanwhile routing stops counting
      // the same way, so that the silence rule cannot apply to a file waiting for the citizen.
      if (clockEffect === 'restarts') file.decisionDeadline = null;
      if (clockEffect === 'suspends') file.suspendedOn = file.suspendedOn ?? today;
      await manager.save(file);
      await appendHistory(manager, {
        fileId: file.id,
        at: now,
        kind: 'info_requested',
        actor: principal.subject,
        text: `Informations demandées, réponse attendue avant le ${frenchDate(command.answerBy)} ; ${CLOCK_TEXTS[clockEffect]}.`,
        details: { requestId, message: command.message, answerBy: command.answerBy, clockEffect },
      });
      await this.outbox.publish(manager, SUBJECTS.applicationInfoRequested, file.id, {
        applicationId: file.id,
        requestId,
        message: command.message,
        answerBy: command.answerBy,
        clockEffect,
      });
      return fileDetail(file, await historyOf(manager, file.id), today);
    });
  }
}
