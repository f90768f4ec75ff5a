import { ApiProperty } from '@nestjs/swagger';

/** One piece of evidence as the citizen and the auditor see it (the receipt of an upload is the same). */
export interface EvidenceItemView {
  id: string;
  checkId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  receivedAt: string;
}

export class EvidenceItemDoc implements EvidenceItemView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'Le contrôle pour lequel la pièce a été envoyée' })
  checkId: string;
  @ApiProperty({ example: 'avis-imposition-2025.pdf' }) fileName: string;
  @ApiProperty({ enum: ['application/pdf', 'image/jpeg', 'image/png'] }) contentType: string;
  @ApiProperty({ example: 184_320 }) sizeBytes: number;
  @ApiProperty({ format: 'date-time' }) receivedAt: string;
}

export class EvidenceListDoc {
  @ApiProperty({ type: [EvidenceItemDoc], description: 'Dans l’ordre de réception' })
  items: EvidenceItemDoc[];
}
