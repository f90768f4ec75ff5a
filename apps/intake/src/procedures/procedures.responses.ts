import { ApiProperty } from '@nestjs/swagger';
import type { FormSchema } from './form-schema.js';
import type { ProcedureDescription } from './procedure-description.js';

/* The catalogue's answers as OpenAPI schemas; each class implements what the code serves (no silent drift). */

export class ProcedureDeadlineDoc {
  @ApiProperty({ example: 2 }) months: number;
  @ApiProperty({ enum: ['granted', 'rejected'] }) silenceMeans: 'granted' | 'rejected';
  @ApiProperty() infoRequestEffect: string;
  @ApiProperty() legalBasis: string;
  @ApiProperty() explanation: string;
}

export class ProcedureDescriptionDoc implements ProcedureDescription {
  @ApiProperty({ example: 'apa' }) code: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: [String] }) rules: string[];
  @ApiProperty({ type: ProcedureDeadlineDoc }) deadline: ProcedureDeadlineDoc;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'JSON Schema (draft-07) du formulaire, ses parties sous `definitions`',
  })
  form: FormSchema;
}

export class ProcedureCatalogueDoc {
  @ApiProperty({ type: [ProcedureDescriptionDoc] }) items: ProcedureDescriptionDoc[];
}

export class ApaEstimateDoc {
  @ApiProperty({ enum: [1, 2, 3, 4], example: 3 }) gir: number;
  @ApiProperty({ enum: ['alone', 'couple'] }) household: string;
  @ApiProperty({ description: 'Plafond mensuel du GIR (CASF R232-10), en centimes' }) ceilingCents: number;
  @ApiProperty({ description: 'Plan d’aide retenu, plafonné, en centimes' }) acceptedPlanCents: number;
  @ApiProperty({ description: 'Participation du bénéficiaire (CASF R232-11), en centimes' })
  participationCents: number;
  @ApiProperty({ description: 'APA du mois (plan retenu − participation), en centimes' }) apaCents: number;
  @ApiProperty({ description: 'Seuil de versement (3 × SMIC horaire brut, CASF D232-31), en centimes' })
  paymentThresholdCents: number;
  @ApiProperty({ description: 'Faux quand le montant est sous le seuil de versement' }) paid: boolean;
  @ApiProperty({ description: 'Paramètres postérieurs à la dernière revalorisation connue' })
  provisional: boolean;
}

export class ApaEstimateAnswerDoc {
  @ApiProperty({ type: [ApaEstimateDoc] }) estimates: ApaEstimateDoc[];
  @ApiProperty() notice: string;
  @ApiProperty() provisional: boolean;
  @ApiProperty({ required: false }) warning?: string;
}
