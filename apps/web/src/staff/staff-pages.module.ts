import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module.js';
import { StaffPagesController } from './staff-pages.controller.js';

/** The agents' and supervisors' pages: the team inbox, a file, its decisions. */
@Module({ imports: [ApplicationsModule], controllers: [StaffPagesController] })
export class StaffPagesModule {}
