import { type CommuneDirectory, parisDate } from '#domain';
import type { ProcedureContext, ProcedureSettings } from '../procedures/procedure.js';

export const PROCEDURE_SETTINGS = Symbol('PROCEDURE_SETTINGS');
export const COMMUNE_DIRECTORY = Symbol('COMMUNE_DIRECTORY');

export function procedureContext(
  now: Date,
  settings: ProcedureSettings,
  communes: CommuneDirectory,
): ProcedureContext {
  return { today: parisDate(now), settings, communes };
}
