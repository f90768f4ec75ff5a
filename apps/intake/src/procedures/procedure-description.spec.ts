import { type Commune, etalabCommuneDirectory, InMemoryCommuneDirectory } from '#domain';
import { engineeringProcedure } from '../../test/engineering/engineering.procedure.js';
import { communeChoices } from './commune-choices.js';
import type { ProcedureSettings } from './procedure.js';
import { describeProcedures } from './procedure-description.js';
import { DEFAULT_PROCEDURES } from './procedure.registry.js';

/** The served schema as the web reads it (JSON), typed for what these tests look at. */
interface Node {
  $ref?: string;
  title?: string;
  description?: string;
  type?: string;
  enum?: string[];
  oneOf?: { const: string; title: string }[];
  items?: Node;
  properties?: Record<string, Node>;
  'x-widget'?: string;
  'x-unit'?: string;
  'x-askedWhen'?: { field: string; equals: string };
  'x-autocomplete'?: string;
}
interface Form extends Node {
  definitions: Record<string, Node>;
}
interface Field {
  path: string;
  schema: Node;
}
interface Part {
  name: string;
  /** The root property (where `x-askedWhen` sits). */
  property: Node;
  /** Where the part's title is: the definition of a `$ref` part, the property itself otherwise. */
  labelled: Node;
  fields: Field[];
}

const settings: ProcedureSettings = {
  servedDepartements: ['14'],
  apcrPopulationThreshold: 2000,
  apcrAdmitCommunesNouvelles: true,
};
const forms: Record<string, Form> = Object.fromEntries(
  describeProcedures([...DEFAULT_PROCEDURES, engineeringProcedure], settings, etalabCommuneDirectory()).map(
    (item) => [item.code, JSON.parse(JSON.stringify(item.form)) as Form],
  ),
);

function definition(form: Form, ref: string): Node {
  const found = form.definitions[ref.replace('#/definitions/', '')];
  if (!found) throw new Error(`no definition for ${ref}`);
  return found;
}

/** The leaf fields under an object schema: a list of objects counts as a field, its items' fields too. */
function fieldsOf(form: Form, schema: Node, prefix: string): Field[] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
    const path = `${prefix}${name}`;
    if (property.$ref) return fieldsOf(form, definition(form, property.$ref), `${path}.`);
    const item = property.items?.$ref ? definition(form, property.items.$ref) : undefined;
    return [{ path, schema: property }, ...(item ? fieldsOf(form, item, `${path}[].`) : [])];
  });
}

function partsOf(form: Form): Part[] {
  return Object.entries(form.properties ?? {}).map(([name, property]) => {
    if (!property.$ref)
      return { name, property, labelled: property, fields: [{ path: name, schema: property }] };
    const labelled = definition(form, property.$ref);
    return { name, property, labelled, fields: fieldsOf(form, labelled, `${name}.`) };
  });
}

function allFields(code: string): Field[] {
  return partsOf(forms[code]).flatMap((part) => part.fields);
}

function field(code: string, path: string): Node {
  const found = allFields(code).find((candidate) => candidate.path === path);
  if (!found) throw new Error(`no field ${path} in ${code}`);
  return found.schema;
}

/** A French label: a capital first, a space or an accent somewhere or a short word, never the property's name. */
function isFrenchLabel(text: string | undefined, name: string): boolean {
  return !!text && /^[A-ZÀ-Ý]/.test(text) && text !== name && !/[a-z][A-Z]|_/.test(text);
}

const CODES = ['apa', 'apcr', 'ingenierie'];

describe('describeProcedures: the form schema the web builds its pages from', () => {
  it('describes the three procedures', () => {
    expect(Object.keys(forms)).toEqual(CODES);
  });

  it.each(CODES)('%s: every part has a French title', (code) => {
    for (const part of partsOf(forms[code]))
      expect({ part: part.name, title: part.labelled.title }).toEqual({
        part: part.name,
        title: expect.stringMatching(/^[A-ZÀ-Ý]/),
      });
  });

  it.each(CODES)('%s: every field has a French title, and hints are sentences', (code) => {
    const fields = allFields(code);
    expect(fields.length).toBeGreaterThan(1);
    for (const { path, schema } of fields) {
      const name = path.split('.').pop() as string;
      expect({ path, labelled: isFrenchLabel(schema.title, name) }).toEqual({ path, labelled: true });
      if (schema.description !== undefined) expect(schema.description).toMatch(/^[A-ZÀ-Ý].*[.?!…]$/);
    }
  });

  it.each(CODES)('%s: every value of a list has a labelled choice, in the same order', (code) => {
    const lists = allFields(code).flatMap(({ path, schema }) =>
      [schema, schema.items].flatMap((node) => (node?.enum ? [{ path, node }] : [])),
    );
    for (const { path, node } of lists) {
      expect({ path, values: node.oneOf?.map((choice) => choice.const) }).toEqual({
        path,
        values: node.enum,
      });
      for (const choice of node.oneOf ?? []) expect(isFrenchLabel(choice.title, choice.const)).toBe(true);
    }
    if (code !== 'ingenierie') expect(lists.length).toBeGreaterThan(1);
  });

  it('labels the values of APA lists, a list of answers on its items', () => {
    expect(field('apa', 'beneficiary.civility').oneOf).toEqual([
      { const: 'madame', title: 'Madame' },
      { const: 'monsieur', title: 'Monsieur' },
    ]);
    const benefits = field('apa', 'otherBenefits');
    expect(benefits.oneOf).toBeUndefined();
    expect(benefits.items?.oneOf?.map((choice) => choice.const)).toEqual([
      'pch',
      'mtp',
      'caisse_retraite',
      'aucune',
    ]);
  });

  it('marks the APA spouse as asked for a couple only, and no other part', () => {
    const asked = Object.fromEntries(
      CODES.flatMap((code) =>
        partsOf(forms[code]).flatMap((part) =>
          part.property['x-askedWhen'] ? [[`${code}.${part.name}`, part.property['x-askedWhen']]] : [],
        ),
      ),
    );
    expect(asked).toEqual({ 'apa.spouse': { field: 'household.situation', equals: 'couple' } });
    expect(forms.apa.properties?.spouse.$ref).toBe('#/definitions/ApaSpouse');
    expect(field('apa', asked['apa.spouse'].field).oneOf?.map((choice) => choice.const)).toContain('couple');
  });

  it('marks every amount in cents, and nothing else', () => {
    const inCents = CODES.flatMap((code) =>
      allFields(code).flatMap(({ path, schema }) =>
        schema['x-unit'] === 'cents' ? [`${code}.${path}`] : [],
      ),
    );
    expect(inCents).toEqual([
      'apa.resources.monthlyResourcesCents',
      'apcr.project.costExcludingTaxCents',
      'apcr.financing.requestedAmountCents',
      'apcr.financing.ownFundingCents',
      'apcr.financing.otherGrants[].amountCents',
    ]);
    for (const path of inCents) expect(path).toMatch(/Cents$/);
  });

  describe('commune fields', () => {
    const communeFields = CODES.flatMap((code) =>
      allFields(code).flatMap(({ path, schema }) =>
        schema['x-widget'] === 'commune' ? [{ at: `${code}.${path}`, schema }] : [],
      ),
    );

    it('are the three fields giving a commune’s INSEE code', () => {
      expect(communeFields.map(({ at }) => at)).toEqual([
        'apa.address.communeInsee',
        'apcr.commune.inseeCode',
        'ingenierie.communeInsee',
      ]);
    });

    it.each(communeFields.map(({ at, schema }) => [at, schema] as const))(
      '%s lists the 526 communes of Calvados, large ones included, with their postal codes',
      (_at, schema) => {
        const choices = schema.oneOf ?? [];
        expect(choices).toHaveLength(526);
        expect(choices).toContainEqual({ const: '14047', title: 'Bayeux (14400)' });
        expect(choices).toContainEqual({ const: '14118', title: 'Caen (14000)' });
        expect(choices.every((choice) => choice.const.startsWith('14'))).toBe(true);
        expect(new Set(choices.map((choice) => choice.const)).size).toBe(526);
        expect(schema.title).toBeTruthy();
      },
    );
  });

  it('gives the input purpose of the filer’s fields only, never the beneficiary’s', () => {
    const purposes = Object.fromEntries(
      CODES.flatMap((code) =>
        allFields(code).flatMap(({ path, schema }) =>
          schema['x-autocomplete'] ? [[`${code}.${path}`, schema['x-autocomplete']]] : [],
        ),
      ),
    );
    expect(purposes).toEqual({
      'apa.filer.firstName': 'given-name',
      'apa.filer.lastName': 'family-name',
      'apa.filer.email': 'email',
      'apa.filer.phone': 'tel',
      'apcr.filer.firstName': 'given-name',
      'apcr.filer.lastName': 'family-name',
      'apcr.filer.email': 'email',
      'apcr.filer.phone': 'tel',
    });
  });

  it('lists a part’s fields in the order the page asks them, inherited names first', () => {
    const order = (code: string, part: string) =>
      Object.keys(definition(forms[code], forms[code].properties?.[part].$ref ?? '').properties ?? {});
    expect(order('apa', 'beneficiary').slice(0, 4)).toEqual([
      'civility',
      'firstName',
      'lastName',
      'birthName',
    ]);
    expect(order('apa', 'spouse')).toEqual(['firstName', 'lastName', 'birthDate']);
    expect(order('apcr', 'filer')).toEqual(['firstName', 'lastName', 'role', 'email', 'phone']);
    expect(field('apa', 'beneficiary.lastName').title).toBe('Nom d’usage');
    expect(field('apa', 'spouse.lastName').title).toBe('Nom');
  });
});

describe('communeChoices', () => {
  const commune = (code: string, name: string, departement: string, postalCodes: string[]): Commune => ({
    code,
    name,
    departement,
    population: 100,
    postalCodes,
    isCommuneNouvelle: false,
    epci: undefined,
  });
  const directory = new InMemoryCommuneDirectory([
    commune('14240', 'Écrammeville', '14', ['14710']),
    commune('14236', 'Englesqueville-en-Auge', '14', ['14800']),
    commune('14215', 'Douvres-la-Délivrande', '14', ['14440']),
    commune('50129', 'Cherbourg-en-Cotentin', '50', ['50100', '50110']),
    commune('61001', 'Alençon', '61', ['61000']),
  ]);

  it('sorts the served communes by name as French readers do, accents aside', () => {
    expect(communeChoices(directory, ['14']).map((choice) => choice.title)).toEqual([
      'Douvres-la-Délivrande (14440)',
      'Écrammeville (14710)',
      'Englesqueville-en-Auge (14800)',
    ]);
  });

  it('merges several départements and gives every postal code of a commune', () => {
    expect(communeChoices(directory, ['14', '50']).map((choice) => choice.const)).toEqual([
      '50129',
      '14215',
      '14240',
      '14236',
    ]);
    expect(communeChoices(directory, ['50'])).toEqual([
      { const: '50129', title: 'Cherbourg-en-Cotentin (50100, 50110)' },
    ]);
  });
});
