import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { InvalidTransition, parisDate, SUBJECTS } from '#domain';
import { Outbox } from '#messaging';
import { Clock, type Principal } from '#platform';
import { applicationView } from '../applications/application.view.js';
import { appendTimeline, loadOwnedApplication } from '../applications/applications.repository.js';
import { conclusionAnsweredText } from '../applications/timeline.texts.js';

/** The citizen answers a control's proposed conclusion (contradictory phase), once, by the date given. */
@Injectable()
export class ControlAnswerService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  answer(principal: Principal, applicationId: string, answer: string) {
    return this.dataSource.transaction(async (manager) => {
      const application = await loadOwnedApplication(manager, principal.subject, applicationId, true);
      const check = application.handling.check;
      if (!check || check.status !== 'contradictory' || !check.proposal)
        throw new InvalidTransition(
          'Aucune conclusion de contrôle n’attend votre réponse.',
          'NO_PROPOSED_CONCLUSION',
        );
      if (check.answeredAt)
        throw new InvalidTransition('Vous avez déjà répondu à cette conclusion.', 'ALREADY_ANSWERED');
      const now = this.clock.now();
      if (parisDate(now) > check.proposal.answerBy)
        throw new InvalidTransition(
          `Le délai de réponse a expiré le ${check.proposal.answerBy}.`,
          'ANSWER_TOO_LATE',
        );
      application.handling = { ...application.handling, check: { ...check, answeredAt: now.toISOString() } };
      await manager.save(application);
      await appendTimeline(manager, application.id, 'check_answered', conclusionAnsweredText());
      await this.outbox.publish(manager, SUBJECTS.checkConclusionAnswered, application.id, {
        checkId: check.checkId,
        applicationId: application.id,
        answer,
        answeredAt: now.toISOString(),
      });
      return applicationView(application);
    });
  }
}
