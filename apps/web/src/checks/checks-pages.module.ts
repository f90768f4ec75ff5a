import { Module } from '@nestjs/common';
import { ChecksPagesController } from './checks-pages.controller.js';

/** The auditors' pages: the control queue, a case, the statistics (issue « Web for staff »). */
@Module({ controllers: [ChecksPagesController] })
export class ChecksPagesModule {}
