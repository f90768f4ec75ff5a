import { Module } from '@nestjs/common';
import { AdminHomeController } from './admin-home.controller.js';
import { OperationsPagesController } from './operations-pages.controller.js';
import { PoliciesPagesController } from './policies-pages.controller.js';
import { RulesPagesController } from './rules-pages.controller.js';
import { TeamsPagesController } from './teams-pages.controller.js';

/** The admins' pages: teams and agents, routing rules, sampling policies, failed e-mails, dead letters. */
@Module({
  controllers: [
    AdminHomeController,
    TeamsPagesController,
    RulesPagesController,
    PoliciesPagesController,
    OperationsPagesController,
  ],
  providers: [],
})
export class AdminPagesModule {}
