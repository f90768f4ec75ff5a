import { etalabCommuneDirectory } from './etalab-communes.js';

describe('etalabCommuneDirectory (the official dataset shipped by @etalab/decoupage-administratif)', () => {
  const directory = etalabCommuneDirectory();

  it('finds Bayeux by INSEE code, with its département, population and EPCI', () => {
    const bayeux = directory.find('14047');
    expect(bayeux).toMatchObject({
      name: 'Bayeux',
      departement: '14',
      postalCodes: ['14400'],
      isCommuneNouvelle: false,
    });
    expect(bayeux?.population).toBeGreaterThan(10_000);
    expect(bayeux?.epci?.name).toMatch(/Bayeux/);
  });

  it('knows a commune nouvelle from its communes déléguées', () => {
    expect(directory.find('14061')?.isCommuneNouvelle).toBe(true); // Souleuvre en Bocage
  });

  it('returns every commune of a postal code, which is not an identifier', () => {
    expect(directory.byPostalCode('14400').length).toBeGreaterThan(1);
  });

  it('finds communes by name, accents, case, hyphens and « St » aside; homonyms in several départements', () => {
    expect(directory.byName('douvres la delivrande').map((commune) => commune.code)).toEqual(['14228']);
    expect(directory.byName('Saint-Pierre-en-Auge')).toHaveLength(1);
    expect(directory.byName('ST PIERRE EN AUGE')).toEqual(directory.byName('Saint-Pierre-en-Auge'));
    expect(
      new Set(directory.byName('Sainte-Marie').map((commune) => commune.departement)).size,
    ).toBeGreaterThan(1);
    expect(directory.byName('Atlantis')).toEqual([]);
  });

  it('does not know a code that is not a current commune', () => {
    expect(directory.find('14999')).toBeUndefined();
    expect(directory.find('14736')).toBeUndefined(); // an old code merged into Caen
  });
});
