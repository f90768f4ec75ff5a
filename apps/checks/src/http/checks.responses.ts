import { ApiProperty } from '@nestjs/swagger';
import { CHECK_OUTCOMES, type CheckOutcome } from '#domain';
import { CASE_STATUSES, type CaseStatus } from '../cases/case.lifecycle.js';
import type { CaseQueuePage, CaseSummary } from '../cases/case-queue.service.js';

/* The answers of the checks API as OpenAPI schemas; each class implements the view the code returns. */

export class CaseSummaryDoc implements CaseSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ type: String, nullable: true, example: 'apa' }) procedure: string | null;
  @ApiProperty({ enum: ['sample', 'targeted'] }) origin: 'sample' | 'targeted';
  @ApiProperty({ enum: CASE_STATUSES }) status: CaseStatus;
  @ApiProperty({ format: 'date-time' }) openedAt: string;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description:
      'La date attendue maintenant : celle des pièces, ou celle de la réponse (phase contradictoire)',
  })
  waitingUntil: string | null;
  @ApiProperty({ enum: CHECK_OUTCOMES, nullable: true }) outcome: CheckOutcome | null;
}

export class CaseQueuePageDoc implements CaseQueuePage {
  @ApiProperty({ type: [CaseSummaryDoc] }) items: CaseSummaryDoc[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}
