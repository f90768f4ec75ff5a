import { ApiProperty } from '@nestjs/swagger';
import type { RuleFinding } from '../procedures/procedure.js';
import type { ApplicationHandling } from './application.entity.js';
import type { ApplicationStatus } from './application.lifecycle.js';
import type { ApplicationView, Receipt } from './application.view.js';
import { HandlingDoc } from './handling.responses.js';

/*
 * The answers of the applications API as OpenAPI schemas. Each class implements the view the code returns, so that
 * the compiler refuses a document that drifts from the answer.
 */

export class RuleFindingDoc implements RuleFinding {
  @ApiProperty({ example: 'beneficiary.birthDate' }) field: string;
  @ApiProperty({ example: 'APA_AGE_UNDER_60' }) code: string;
  @ApiProperty() message: string;
}

export class ApplicationViewDoc implements ApplicationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'apa' }) procedure: string;
  @ApiProperty({
    enum: [
      'draft',
      'submitted',
      'in_review',
      'info_requested',
      'granted',
      'rejected',
      'closed',
      'deemed_granted',
      'deemed_rejected',
      'withdrawn',
    ],
  })
  status: ApplicationStatus;
  @ApiProperty({ example: 'En cours d’instruction' }) statusLabel: string;
  @ApiProperty({ type: String, nullable: true }) receiptNumber: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) decisionDeadline: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) clockSuspendedOn: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) clockResumesAfter: string | null;
  @ApiProperty({ type: String, enum: ['granted', 'rejected'], nullable: true }) silenceMeans:
    'granted' | 'rejected' | null;
  @ApiProperty({ type: [RuleFindingDoc] }) warnings: RuleFinding[];
  @ApiProperty({
    type: HandlingDoc,
    description: 'Équipe, agent, demande en cours, plan d’aide, décision, contrôle',
  })
  handling: ApplicationHandling;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Le formulaire (voir GET /api/procedures/{code})',
  })
  data: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ApplicationListDoc {
  @ApiProperty({ type: [ApplicationViewDoc] }) items: ApplicationViewDoc[];
}

export class ReceiptDoc implements Receipt {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'APA-2026-000123' }) receiptNumber: string;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ format: 'date' }) decisionDeadline: string;
  @ApiProperty({ enum: ['granted', 'rejected'] }) silenceMeans: 'granted' | 'rejected';
  @ApiProperty() deadlineExplanation: string;
  @ApiProperty({ type: [RuleFindingDoc] }) warnings: RuleFinding[];
}

export class TimelineEntryDoc {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ example: 'submitted' }) kind: string;
  @ApiProperty() text: string;
}

export class TimelineDoc {
  @ApiProperty({ type: [TimelineEntryDoc] }) items: TimelineEntryDoc[];
}
