import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsObject, Matches, ValidateNested } from 'class-validator';
import { INSEE_CODE } from '#domain';
import { IsLegalDateString } from '../form-fields.js';
import { ApcrFiler, ApcrFinancing, ApcrProject } from './apcr.form-parts.js';

export * from './apcr.form-parts.js';

/** The commune that files (and would receive the grant). */
export class ApcrCommune {
  /** INSEE code of the commune (*code officiel géographique*), not the postal code. */
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
  @IsLegalDateString()
  councilDeliberationDate: string;
}
