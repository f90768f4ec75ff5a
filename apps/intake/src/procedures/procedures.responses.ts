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
