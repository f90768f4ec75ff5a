import { type Commune, InMemoryCommuneDirectory } from '#domain';
import type { ProcedureContext, ProcedureSettings } from '../src/procedures/procedure.js';

function commune(
  code: string,
  name: string,
  population: number | undefined,
  postalCodes: string[],
  isCommuneNouvelle = false,
): Commune {
  return {
    code,
    name,
    departement: code.slice(0, 2),
    population,
    postalCodes,
    isCommuneNouvelle,
    epci: undefined,
  };
}

/**
 * Real communes (COG / La Poste, population municipale of the dataset shipped by @etalab/decoupage-administratif);
 * Sans-Recensement (14998) is made up: a commune the dataset gives no population for.
 */
export const TEST_COMMUNES = new InMemoryCommuneDirectory([
  commune('14047', 'Bayeux', 12659, ['14400']),
  commune('14001', 'Ablon', 1166, ['14600']),
  commune('14061', 'Souleuvre en Bocage', 8629, ['14260', '14350'], true),
  commune('75056', 'Paris', 2103778, ['75001', '75002', '75016']),
  commune('14998', 'Sans-Recensement', undefined, ['14999']),
]);

export const TEST_SETTINGS: ProcedureSettings = {
  servedDepartements: ['14'],
  apcrPopulationThreshold: 2000,
  apcrAdmitCommunesNouvelles: true,
};

export const TEST_TODAY = '2026-11-23';

/** The context the procedures' unit tests run their rules in: Calvados served, on 23 November 2026. */
export const TEST_CONTEXT: ProcedureContext = {
  today: TEST_TODAY,
  settings: TEST_SETTINGS,
  communes: TEST_COMMUNES,
};
