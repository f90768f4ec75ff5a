import 'reflect-metadata';
import { IsString, Matches, MaxLength } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { COMMUNE_FIELD } from '../../src/procedures/form-labels.js';

/** Test-only procedure: an EPCI asks the département's engineering service for help on a project. */
export class EngineeringForm {
  @JSONSchema({ title: 'Commune concernée par le projet', ...COMMUNE_FIELD })
  @Matches(/^\d{5}$/, { message: 'doit être un code INSEE de commune (5 caractères)' })
  communeInsee: string;

  @JSONSchema({ title: 'Objet de la demande', description: 'En une phrase : le projet et l’aide attendue.' })
  @IsString()
  @MaxLength(200)
  subject: string;
}
