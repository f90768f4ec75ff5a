import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsObject, Matches, ValidateNested } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { INSEE_CODE } from '#domain';
import { IsLegalDateString } from '../form-fields.js';
import { COMMUNE_FIELD, FormPart } from '../form-labels.js';
import { ApcrFiler, ApcrFinancing, ApcrProject } from './apcr.form-parts.js';

export * from './apcr.form-parts.js';

/** The commune that files (and would receive the grant). */
@FormPart({
  title: 'Commune qui fait la demande',
  description: 'La commune qui réalise les travaux et recevrait la subvention.',
})
export class ApcrCommune {
  /** INSEE code of the commune (*code officiel géographique*), not the postal code. */
  @JSONSchema({
    title: 'Commune',
    description: 'Plusieurs communes ont parfois le même code postal : vérifiez le nom de la commune.',
    ...COMMUNE_FIELD,
  })
  @Matches(INSEE_CODE, { message: 'doit être un code INSEE de commune (5 caractères)' })
  inseeCode: string;
}

/**
 * The APCR request (*aide aux petites communes rurales*: the Calvados grant for works of communes under 2 000
 * inhabitants). Filed by the mayor or a person the commune mandates; the usual documents (estimate, deliberation,
 * bank details…) are not asked at filing, an agent may ask for them later.
 */
export class ApcrForm {
  /** The commune that files. */
  @IsObject()
  @ValidateNested()
  @Type(() => ApcrCommune)
  commune: ApcrCommune;

  /** Who files for the commune. */
  @IsObject()
  @ValidateNested()
  @Type(() => ApcrFiler)
  filer: ApcrFiler;

  /** The works. */
  @IsObject()
  @ValidateNested()
  @Type(() => ApcrProject)
  project: ApcrProject;

  /** The financing plan. */
  @IsObject()
  @ValidateNested()
  @Type(() => ApcrFinancing)
  financing: ApcrFinancing;

  /** Date of the municipal council's deliberation (*délibération du conseil municipal*) approving the project. */
  @JSONSchema({
    title: 'Date de la délibération du conseil municipal',
    description: 'La délibération qui approuve le projet. Elle ne peut pas être postérieure à aujourd’hui.',
  })
  @IsLegalDateString()
  councilDeliberationDate: string;
}
