import { Module } from '@nestjs/common';

/** The admins' pages: teams and agents, routing rules, sampling policies, failed e-mails, dead letters. */
@Module({ controllers: [], providers: [] })
export class AdminPagesModule {}
