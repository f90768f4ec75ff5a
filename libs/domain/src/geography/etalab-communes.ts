import { createRequire } from 'node:module';
import type { Commune } from './commune.js';
import { InMemoryCommuneDirectory } from './commune.js';

interface EtalabCommune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  population?: number;
  codesPostaux?: string[];
  chefLieu?: string;
}

interface EtalabEpci {
  code: string;
  nom: string;
  membres: { code: string }[];
}

let directory: InMemoryCommuneDirectory | undefined;

/**
 * The communes of `@etalab/decoupage-administratif` (COG: communes actuelles with population, EPCI membership,
 * communes nouvelles). Read once per process from the package's data files: the only I/O of this library.
 */
export function etalabCommuneDirectory(): InMemoryCommuneDirectory {
  if (directory) return directory;
  const require = createRequire(import.meta.url);
  const communes = require('@etalab/decoupage-administratif/data/communes.json') as EtalabCommune[];
  const epcis = require('@etalab/decoupage-administratif/data/epci.json') as EtalabEpci[];
  const epciOf = new Map<string, { code: string; name: string }>();
  for (const epci of epcis)
    for (const member of epci.membres) epciOf.set(member.code, { code: epci.code, name: epci.nom });
  const nouvelles = new Set(
    communes.filter((c) => c.type === 'commune-deleguee' && c.chefLieu).map((c) => c.chefLieu),
  );
  directory = new InMemoryCommuneDirectory(
    communes
      .filter((commune) => commune.type === 'commune-actuelle' && commune.departement)
      .map((commune): Commune => ({
        code: commune.code,
        name: commune.nom,
        departement: commune.departement ?? '',
        population: commune.population,
        postalCodes: commune.codesPostaux ?? [],
        isCommuneNouvelle: nouvelles.has(commune.code),
        epci: epciOf.get(commune.code),
      })),
  );
  return directory;
}
