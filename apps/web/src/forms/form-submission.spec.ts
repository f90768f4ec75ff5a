import { formParts } from './form-fields.js';
import { centsFromEuros, displayedValues, eurosFromCents, readPart } from './form-submission.js';
import type { JsonSchema } from './json-schema.js';

const FORM: JsonSchema = {
  type: 'object',
  properties: {
    person: { $ref: '#/definitions/Person', type: 'object' },
    financing: { $ref: '#/definitions/Financing', type: 'object' },
    consent: { type: 'boolean', title: 'Accord' },
  },
  required: ['person'],
  definitions: {
    Person: {
      type: 'object',
      required: ['firstName', 'birthDate', 'civility'],
      properties: {
        civility: { type: 'string', title: 'Civilité', oneOf: [{ const: 'madame', title: 'Madame' }] },
        firstName: { type: 'string', title: 'Prénom' },
        birthDate: { type: 'string', format: 'date', title: 'Date de naissance' },
        resourcesCents: { type: 'integer', title: 'Ressources', 'x-unit': 'cents' },
        children: { type: 'integer', title: 'Enfants' },
      },
    },
    Financing: {
      type: 'object',
      properties: {
        grants: { type: 'array', title: 'Subventions', maxItems: 3, items: { $ref: '#/definitions/Grant' } },
      },
    },
    Grant: {
      type: 'object',
      properties: {
        funder: { type: 'string', title: 'Financeur' },
        amountCents: { type: 'integer', title: 'Montant', 'x-unit': 'cents' },
      },
    },
  },
};
const [person, financing, consent] = formParts(FORM);

describe('what a page posts, as the API wants it', () => {
  it.each([
    ['1250', 125_000],
    ['1 250,50', 125_050],
    ['1\u202f250,5 €', 125_050],
    ['0,07', 7],
    ['12.3', 1_230],
    ['douze', undefined],
    ['1,234', undefined],
  ])('reads « %s » euros as %s cents', (text, cents) => {
    expect(centsFromEuros(text)).toBe(cents);
  });

  it('writes cents back as typed euros', () => {
    expect([eurosFromCents(125_050), eurosFromCents(125_000), eurosFromCents(undefined)]).toEqual([
      '1250,50',
      '1250',
      '',
    ]);
  });

  it('builds the part: a date from its three boxes, amounts in cents, integers, nothing for empty answers', () => {
    const { data, errors } = readPart(person, {
      civility: 'madame',
      'person.civility': 'madame',
      'person.firstName': '  Jeanne ',
      'person.birthDate-day': '2',
      'person.birthDate-month': '3',
      'person.birthDate-year': '1941',
      'person.resourcesCents': '1 450,00',
      'person.children': '',
    });
    expect(errors).toEqual([]);
    expect(data).toEqual({
      person: { civility: 'madame', firstName: 'Jeanne', birthDate: '1941-03-02', resourcesCents: 145_000 },
    });
  });

  it('names what is missing or unreadable, each next to its field', () => {
    const { errors } = readPart(person, {
      'person.birthDate-day': '31',
      'person.birthDate-month': '',
      'person.birthDate-year': '41',
      'person.resourcesCents': 'beaucoup',
      'person.children': '2,5',
    });
    expect(errors).toEqual([
      { id: 'champ-person-civility', path: 'person.civility', text: 'Répondez à la question « Civilité »' },
      { id: 'champ-person-firstName', path: 'person.firstName', text: 'Renseignez le champ « Prénom »' },
      {
        id: 'champ-person-birthDate',
        path: 'person.birthDate',
        text: 'Date de naissance doit comporter un jour, un mois et une année en chiffres, par exemple 27 3 1941',
      },
      {
        id: 'champ-person-resourcesCents',
        path: 'person.resourcesCents',
        text: 'Ressources doit être un montant en euros, par exemple 1250,50',
      },
      { id: 'champ-person-children', path: 'person.children', text: 'Enfants doit être un nombre entier' },
    ]);
  });

  it('reads repeated rows, dropping the empty ones, and a yes/no question as a boolean', () => {
    const { data } = readPart(financing, {
      'financing.grants.0.funder': 'État — DETR',
      'financing.grants.0.amountCents': '6000',
      'financing.grants.1.funder': '',
      'financing.grants.2.funder': 'Région',
    });
    expect(data).toEqual({
      financing: { grants: [{ funder: 'État — DETR', amountCents: 600_000 }, { funder: 'Région' }] },
    });
    expect(readPart(consent, { consent: 'false' }).data).toEqual({ consent: false });
    expect(readPart(consent, {}).data).toEqual({});
  });

  it('shows saved answers back in the fields, rows included', () => {
    expect(
      displayedValues(financing, { financing: { grants: [{ funder: 'Région', amountCents: 150_000 }] } }),
    ).toMatchObject({ 'financing.grants.0.funder': 'Région', 'financing.grants.0.amountCents': '1500' });
  });
});
