/** A French commune as Guichet needs it. INSEE code, never the postal code (one postal code covers several communes). */
export interface Commune {
  code: string;
  name: string;
  departement: string;
  /** Population municipale; undefined for the few communes the dataset gives none. */
  population: number | undefined;
  postalCodes: string[];
  /** A commune nouvelle (it has communes déléguées). */
  isCommuneNouvelle: boolean;
  epci: { code: string; name: string } | undefined;
}

/** Looks communes up by INSEE code or postal code, or lists a département's. */
export interface CommuneDirectory {
  find(inseeCode: string): Commune | undefined;
  byPostalCode(postalCode: string): Commune[];
  /** Every commune of a département (its code: '14', '2A', '971'…). */
  inDepartement(code: string): Commune[];
  /** Communes whose name matches, accents, case, hyphens and apostrophes aside (homonyms: several). */
  byName(name: string): Commune[];
}

/** A commune's name as people type it: no accents, no case, hyphens and apostrophes as spaces, « St » as « saint ». */
export function normalizeCommuneName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[-'’\s]+/g, ' ')
    .replace(/\bste\b/g, 'sainte')
    .replace(/\bst\b/g, 'saint')
    .trim();
}

/** An in-memory directory, built from a list (the official dataset, or a few communes in a unit test). */
export class InMemoryCommuneDirectory implements CommuneDirectory {
  private readonly byCode = new Map<string, Commune>();
  private readonly byPostal = new Map<string, Commune[]>();
  private readonly byNormalizedName = new Map<string, Commune[]>();

  constructor(communes: Iterable<Commune>) {
    for (const commune of communes) {
      this.byCode.set(commune.code, commune);
      for (const postalCode of commune.postalCodes) {
        this.byPostal.set(postalCode, [...(this.byPostal.get(postalCode) ?? []), commune]);
      }
      const key = normalizeCommuneName(commune.name);
      this.byNormalizedName.set(key, [...(this.byNormalizedName.get(key) ?? []), commune]);
    }
  }

  find(inseeCode: string): Commune | undefined {
    return this.byCode.get(inseeCode);
  }

  /** The SIREN of every EPCI that has a commune here. */
  epciCodes(): Set<string> {
    return new Set([...this.byCode.values()].flatMap((commune) => (commune.epci ? [commune.epci.code] : [])));
  }

  departementCodes(): Set<string> {
    return new Set([...this.byCode.values()].map((commune) => commune.departement));
  }

  /** Every commune of a département (its code: '14', '2A', '971'…). */
  inDepartement(code: string): Commune[] {
    return [...this.byCode.values()].filter((commune) => commune.departement === code);
  }

  byPostalCode(postalCode: string): Commune[] {
    return this.byPostal.get(postalCode) ?? [];
  }

  byName(name: string): Commune[] {
    return this.byNormalizedName.get(normalizeCommuneName(name)) ?? [];
  }
}
