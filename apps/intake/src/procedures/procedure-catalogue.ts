import { Inject, Injectable } from '@nestjs/common';
import { NotFound } from '#domain';
import { type Procedure } from './procedure.js';
import { PROCEDURES } from './procedure.registry.js';

/** The registered procedures, looked up by code. */
@Injectable()
export class ProcedureCatalogue {
  constructor(@Inject(PROCEDURES) private readonly procedures: readonly Procedure[]) {}

  list(): readonly Procedure[] {
    return this.procedures;
  }

  find(code: string): Procedure | undefined {
    return this.procedures.find((candidate) => candidate.code === code);
  }

  get(code: string): Procedure {
    const procedure = this.procedures.find((candidate) => candidate.code === code);
    if (!procedure) throw new NotFound(`Aucune démarche « ${code} » n’est proposée.`, 'PROCEDURE_UNKNOWN');
    return procedure;
  }
}
