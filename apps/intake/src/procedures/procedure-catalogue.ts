import { Inject, Injectable } from '@nestjs/common';
import { type CommuneDirectory, NotFound } from '#domain';
import { CacheableJson } from '#platform';
import { COMMUNE_DIRECTORY, PROCEDURE_SETTINGS } from '../applications/procedure-context.js';
import type { Procedure, ProcedureSettings } from './procedure.js';
import { describeProcedures } from './procedure-description.js';
import { PROCEDURES } from './procedure.registry.js';

/**
 * The registered procedures, looked up by code, and their descriptions for GET /api/procedures: built once at
 * boot (they only change with a deployment) and served as ready-made JSON with an entity tag.
 */
@Injectable()
export class ProcedureCatalogue {
  /** `{ items: [...] }`: every procedure described. */
  readonly listing: CacheableJson;
  private readonly descriptions: ReadonlyMap<string, CacheableJson>;

  constructor(
    @Inject(PROCEDURES) private readonly procedures: readonly Procedure[],
    @Inject(PROCEDURE_SETTINGS) settings: ProcedureSettings,
    @Inject(COMMUNE_DIRECTORY) communes: CommuneDirectory,
  ) {
    const items = describeProcedures(procedures, settings, communes);
    this.listing = new CacheableJson({ items });
    this.descriptions = new Map(items.map((item) => [item.code, new CacheableJson(item)]));
  }

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

  /** The description of one procedure, ready to send. */
  description(code: string): CacheableJson {
    this.get(code);
    return this.descriptions.get(code) as CacheableJson;
  }
}
