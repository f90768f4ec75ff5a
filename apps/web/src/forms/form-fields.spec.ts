import { formParts, partsAsked, valueAt } from './form-fields.js';
import type { JsonSchema } from './json-schema.js';

/** A form schema as intake serves it (contract: parts in order, French titles, oneOf choices, x- keywords). */
const FORM: JsonSchema = {
  type: 'object',
  required: ['person', 'household', 'consent'],
  properties: {
    person: { $ref: '#/definitions/Person', type: 'object' },
    household: { $ref: '#/definitions/Household', type: 'object' },
    spouse: {
      $ref: '#/definitions/Spouse',
      type: 'object',
      'x-askedWhen': { field: 'household.situation', equals: 'couple' },
    },
    benefits: {
      type: 'array',
      title: 'Aides déjà perçues',
      items: {
        type: 'string',
        enum: ['pch', 'aucune'],
        oneOf: [
          { const: 'pch', title: 'PCH' },
          { const: 'aucune', title: 'Aucune' },
        ],
      },
    },
    consent: { type: 'boolean', title: 'Acceptez-vous l’échange de données ?' },
  },
  definitions: {
    Person: {
      type: 'object',
      title: 'Identité',
      required: ['firstName', 'birthDate'],
      properties: {
        firstName: { type: 'string', title: 'Prénom', maxLength: 100 },
        birthDate: { type: 'string', format: 'date', title: 'Date de naissance' },
        email: { type: 'string', format: 'email', title: 'Adresse e-mail', 'x-autocomplete': 'email' },
        resourcesCents: { type: 'integer', title: 'Ressources', 'x-unit': 'cents' },
        children: { type: 'integer', title: 'Enfants' },
        note: { type: 'string', title: 'Précisions', maxLength: 4000 },
        commune: {
          type: 'string',
          title: 'Commune',
          'x-widget': 'commune',
          oneOf: [{ const: '14047', title: 'Bayeux (14400)' }],
        },
      },
    },
    Household: {
      type: 'object',
      title: 'Situation familiale',
      required: ['situation'],
      properties: {
        situation: {
          type: 'string',
          title: 'Vit-elle en couple ?',
          enum: ['alone', 'couple'],
          oneOf: [
            { const: 'alone', title: 'Seule' },
            { const: 'couple', title: 'En couple' },
          ],
        },
      },
    },
    Spouse: {
      type: 'object',
      title: 'Conjoint',
      properties: { firstName: { type: 'string', title: 'Prénom' } },
    },
  },
};

describe('the pages of a form, from its JSON Schema (no procedure known in advance)', () => {
  const parts = formParts(FORM);

  it('makes one page per top-level property, in order, titled from the definition or the property', () => {
    expect(parts.map((part) => [part.key, part.title, part.single])).toEqual([
      ['person', 'Identité', false],
      ['household', 'Situation familiale', false],
      ['spouse', 'Conjoint', false],
      ['benefits', 'Aides déjà perçues', true],
      ['consent', 'Acceptez-vous l’échange de données ?', true],
    ]);
  });

  it.each([
    ['person.firstName', 'text'],
    ['person.birthDate', 'date'],
    ['person.email', 'email'],
    ['person.resourcesCents', 'euros'],
    ['person.children', 'integer'],
    ['person.note', 'textarea'],
    ['person.commune', 'select'],
  ])('asks %s as %s', (path, kind) => {
    expect(parts[0].fields.find((field) => field.path === path)?.kind).toBe(kind);
  });

  it('asks choices with their French labels, a yes/no question as such, several answers as checkboxes', () => {
    expect(parts[1].fields[0]).toMatchObject({
      kind: 'radios',
      required: true,
      choices: [
        { value: 'alone', label: 'Seule' },
        { value: 'couple', label: 'En couple' },
      ],
    });
    expect(parts[3].fields[0]).toMatchObject({
      kind: 'checkboxes',
      choices: [
        { value: 'pch', label: 'PCH' },
        { value: 'aucune', label: 'Aucune' },
      ],
    });
    expect(parts[4].fields[0]).toMatchObject({ kind: 'yes-no', path: 'consent', required: true });
  });

  it('keeps the input purpose of the person filling the form (WCAG 1.3.5) and names ids after paths', () => {
    expect(parts[0].fields.find((field) => field.path === 'person.email')).toMatchObject({
      autocomplete: 'email',
      id: 'champ-person-email',
    });
  });

  it('drops a part asked only in some case when the answers say it is not', () => {
    const keys = (data: unknown) => partsAsked(parts, data).map((part) => part.key);
    expect(keys({ household: { situation: 'alone' } })).not.toContain('spouse');
    expect(keys({ household: { situation: 'couple' } })).toContain('spouse');
    expect(valueAt({ a: { b: 1 } }, 'a.b')).toBe(1);
    expect(valueAt({ a: 1 }, 'a.b.c')).toBeUndefined();
  });
});
