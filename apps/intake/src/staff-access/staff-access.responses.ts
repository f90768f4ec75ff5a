import { ApiProperty } from '@nestjs/swagger';
import type { Role } from '#platform';
import { RuleFindingDoc } from '../applications/applications.responses.js';
import { ACCESS_PURPOSES, type AccessPurpose } from './access-purposes.js';
import type { FileContentView } from './access.views.js';

/* Staff reads as OpenAPI schemas; each class implements what the code serves (no silent drift). */

export class ContentAccessDoc {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ enum: ['agent', 'supervisor', 'auditor'] }) role: Role;
  @ApiProperty({ type: 'string', nullable: true }) team: string | null;
  @ApiProperty({ enum: ACCESS_PURPOSES }) purpose: AccessPurpose;
}

export class FileContentDoc implements FileContentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'apa' }) procedure: string;
  @ApiProperty() status: string;
  @ApiProperty({ type: 'string', nullable: true }) receiptNumber: string | null;
  @ApiProperty({ type: 'string', nullable: true }) submittedAt: string | null;
  @ApiProperty({ type: 'string', nullable: true }) decisionDeadline: string | null;
  @ApiProperty({ type: 'string', nullable: true }) team: string | null;
  @ApiProperty({ type: [RuleFindingDoc] }) warnings: RuleFindingDoc[];
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Le formulaire complet, tel que déposé',
  })
  data: Record<string, unknown>;
  @ApiProperty({ type: ContentAccessDoc, description: 'Cette lecture, telle que journalisée' })
  access: ContentAccessDoc;
}
