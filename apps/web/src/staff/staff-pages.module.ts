import { Module } from '@nestjs/common';

/** The agents' and supervisors' pages: the team inbox, a file, its decisions. */
@Module({ controllers: [], providers: [] })
export class StaffPagesModule {}
