import { Module } from '@nestjs/common';

/** The auditors' pages: the control queue, a case, the statistics (issue « Web for staff »). */
@Module({ controllers: [], providers: [] })
export class ChecksPagesModule {}
