import { Injectable } from '@nestjs/common';
import type { IntakeComponents } from '#api-client';
import { PageApi } from '../api/page-api.js';
import { expectData } from '../api/api-answer.js';
import { type FormPart, formParts } from '../forms/form-fields.js';
import type { JsonSchema } from '../forms/json-schema.js';

export type ProcedureDescription = IntakeComponents['schemas']['ProcedureDescriptionDoc'];

export interface ProcedureForm {
  procedure: ProcedureDescription;
  parts: FormPart[];
}

/** Procedures as intake describes them, and the pages of each form, read again at most once a minute. */
@Injectable()
export class ProcedureCatalogue {
  private readonly cache = new Map<string, { form: ProcedureForm; until: number }>();

  constructor(private readonly api: PageApi) {}

  async list(): Promise<ProcedureDescription[]> {
    return expectData(await this.api.public().intake.GET('/api/procedures')).items;
  }

  async form(code: string): Promise<ProcedureForm> {
    const cached = this.cache.get(code);
    if (cached && cached.until > Date.now()) return cached.form;
    const procedure = expectData(
      await this.api.public().intake.GET('/api/procedures/{code}', { params: { path: { code } } }),
    );
    const form = { procedure, parts: formParts(procedure.form as JsonSchema) };
    this.cache.set(code, { form, until: Date.now() + 60_000 });
    return form;
  }
}
