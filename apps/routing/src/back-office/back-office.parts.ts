import type { Provider } from '@nestjs/common';
import { BackOfficeTables1764000100000 } from '../migrations/1764000100000-back-office-tables.js';
import type { RoutingConfig } from '../routing.config.js';
import { AssignmentService } from './assignment/assignment.service.js';
import { BACK_OFFICE_SETTINGS, backOfficeSettings } from './back-office.settings.js';
import { CarePlansService } from './care-plans/care-plans.service.js';
import { DeadlineJob } from './deadlines/deadline.job.js';
import { DeadlineSweep } from './deadlines/deadline-sweep.service.js';
import { DecisionsService } from './decisions/decisions.service.js';
import { FileHistoryEntity } from './files/file-history.entity.js';
import { FileEntity } from './files/file.entity.js';
import { FileEventsHandler } from './files/file-events.handler.js';
import { FileRoutingService } from './files/file-routing.service.js';
import { FileWork } from './files/file-work.js';
import { BackOfficeController, TeamsLoadController } from './http/back-office.controller.js';
import { InboxService } from './inbox/inbox.service.js';
import { InfoRequestsService } from './info-requests/info-requests.service.js';

/** What the back office adds to the routing module (it needs `DirectoryIndex` and `Clock` bound). */
export const BACK_OFFICE_ENTITIES = [FileEntity, FileHistoryEntity];
export const BACK_OFFICE_MIGRATIONS = [BackOfficeTables1764000100000];
export const BACK_OFFICE_CONTROLLERS = [BackOfficeController, TeamsLoadController, FileEventsHandler];

export function backOfficeProviders(config: RoutingConfig): Provider[] {
  return [
    { provide: BACK_OFFICE_SETTINGS, useValue: backOfficeSettings(config) },
    FileWork,
    FileRoutingService,
    InboxService,
    AssignmentService,
    InfoRequestsService,
    CarePlansService,
    DecisionsService,
    DeadlineSweep,
    DeadlineJob,
  ];
}
