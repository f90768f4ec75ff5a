import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { parisDate, SUBJECTS, ValidationFailed } from '#domain';
import { Outbox } from '#messaging';
import { Clock, type Principal } from '#platform';
import { applicationView, type ApplicationView } from '../applications/application.view.js';
import { appendTimeline, loadOwnedApplication } from '../applications/applications.repository.js';
import { carePlanAnsweredText } from '../applications/timeline.texts.js';
import type { CarePlanAnswerRequest } from './care-plan-answer.dto.js';
import { answerablePlan } from './care-plan-answer.rules.js';

/** The beneficiary answers the proposed APA care plan (CASF R232-7); routing learns it from the event. */
@Injectable()
export class CarePlanAnswerService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  answer(principal: Principal, id: string, request: CarePlanAnswerRequest): Promise<ApplicationView> {
    if (request.accept && request.requestedChanges !== undefined) {
      throw new ValidationFailed([
        { field: 'requestedChanges', reason: 'ne peut accompagner une acceptation du plan (accept = true)' },
      ]);
    }
    return this.dataSource.transaction(async (manager) => {
      const application = await loadOwnedApplication(manager, principal.subject, id, true);
      const now = this.clock.now();
      const plan = answerablePlan(application.status, application.handling.carePlan, parisDate(now));
      const answer = request.accept ? 'accepted' : 'changes_requested';
      application.handling = {
        ...application.handling,
        carePlan: {
          ...plan,
          status: answer,
          answeredAt: now.toISOString(),
          ...(request.requestedChanges ? { requestedChanges: request.requestedChanges } : {}),
        },
      };
      await manager.save(application);
      await appendTimeline(
        manager,
        application.id,
        'care_plan_answered',
        carePlanAnsweredText(request.accept, request.requestedChanges),
      );
      await this.outbox.publish(manager, SUBJECTS.applicationCarePlanAnswered, application.id, {
        applicationId: application.id,
        planId: plan.planId,
        answer,
        ...(request.requestedChanges ? { comment: request.requestedChanges } : {}),
        answeredAt: now.toISOString(),
      });
      return applicationView(application);
    });
  }
}
