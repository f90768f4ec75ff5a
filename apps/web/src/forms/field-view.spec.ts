import { fieldErrors } from './api-errors.js';
import { answersSummary, partProgress, taskListView } from './answers-summary.js';
import { fieldView } from './field-view.js';
import { formParts } from './form-fields.js';
import type { JsonSchema } from './json-schema.js';

const FORM: JsonSchema = {
  type: 'object',
  properties: {
    person: { $ref: '#/definitions/Person', type: 'object' },
    consent: { type: 'boolean', title: 'Acceptez-vous ?' },
  },
  definitions: {
    Person: {
      type: 'object',
      title: 'Identité',
      required: ['birthDate', 'civility'],
      properties: {
        civility: {
          type: 'string',
          title: 'Civilité',
          oneOf: [
            { const: 'madame', title: 'Madame' },
            { const: 'monsieur', title: 'Monsieur' },
          ],
        },
        birthDate: {
          type: 'string',
          format: 'date',
          title: 'Date de naissance',
          description: 'Elle doit avoir 60 ans.',
        },
        resourcesCents: { type: 'integer', title: 'Ressources', 'x-unit': 'cents' },
      },
    },
  },
};
const parts = formParts(FORM);
const [civility, birthDate, resources] = parts[0].fields;

describe('the GOV.UK Frontend macro call for each field', () => {
  it('asks a date with the date input: three boxes in French, the saved date split, the error on each box', () => {
    const call = fieldView(birthDate, { saved: { 'person.birthDate': '1941-03-02' } }, [
      {
        id: 'champ-person-birthDate',
        path: 'person.birthDate',
        text: 'Date de naissance : ne peut pas être une date future',
      },
    ]);
    expect(call.macro).toBe('dateInput');
    expect(call.params).toMatchObject({
      id: 'champ-person-birthDate',
      namePrefix: 'person.birthDate',
      fieldset: { legend: { text: 'Date de naissance' } },
      hint: { text: 'Elle doit avoir 60 ans.' },
      errorMessage: {
        text: 'Date de naissance : ne peut pas être une date future',
        visuallyHiddenText: 'Erreur',
      },
      items: [
        { name: 'day', label: 'Jour', value: '2', classes: 'govuk-input--width-2 govuk-input--error' },
        { name: 'month', label: 'Mois', value: '3', classes: 'govuk-input--width-2 govuk-input--error' },
        { name: 'year', label: 'Année', value: '1941', classes: 'govuk-input--width-4 govuk-input--error' },
      ],
    });
  });

  it('keeps what was just typed (not the draft) when the page comes back with errors', () => {
    const call = fieldView(
      resources,
      { posted: { 'person.resourcesCents': 'beaucoup' }, saved: { 'person.resourcesCents': '1450' } },
      [],
    );
    expect(call.params).toMatchObject({
      value: 'beaucoup',
      label: { text: 'Ressources (facultatif)' },
      suffix: { text: '€' },
    });
  });

  it('checks the saved choice, and makes a one-question page’s legend its heading', () => {
    const call = fieldView(civility, { saved: { 'person.civility': 'monsieur' } }, []);
    expect(call.params).toMatchObject({
      items: [
        { value: 'madame', text: 'Madame', checked: false },
        { value: 'monsieur', text: 'Monsieur', checked: true },
      ],
    });
    const single = fieldView(parts[1].fields[0], { saved: {} }, [], { asPageHeading: true });
    expect(single.params).toMatchObject({
      fieldset: { legend: { text: 'Acceptez-vous ? (facultatif)', isPageHeading: true } },
      items: [{ text: 'Oui' }, { text: 'Non' }],
    });
  });
});

describe('the API’s refusals, the check-answers page and the task list', () => {
  it('puts each refusal next to the field the API names, the label in front of a lowercase reason', () => {
    expect(
      fieldErrors(parts, [
        { field: 'person.birthDate', reason: 'ne peut pas être une date future' },
        { field: 'person', reason: 'doit être renseigné' },
        { field: 'person.civility', reason: 'La personne doit avoir 60 ans.' },
      ]),
    ).toEqual([
      {
        id: 'champ-person-birthDate',
        path: 'person.birthDate',
        text: 'Date de naissance : ne peut pas être une date future',
      },
      { id: 'champ-person-civility', path: 'person.civility', text: 'doit être renseigné' },
      { id: 'champ-person-civility', path: 'person.civility', text: 'La personne doit avoir 60 ans.' },
    ]);
  });

  it('reads every answer back in French with a « Modifier » link to its part, and knows where each part stands', () => {
    const data = {
      person: { civility: 'madame', birthDate: '1941-03-02', resourcesCents: 145_000 },
      consent: true,
    };
    const [identity, consent] = answersSummary('id-1', parts, data);
    expect(identity.rows.map((row) => [row.key.text, row.value.text])).toEqual([
      ['Civilité', 'Madame'],
      ['Date de naissance', '2 mars 1941'],
      ['Ressources', '1\u202f450,00\u00a0€'],
    ]);
    expect(identity.rows[0].actions?.items[0]).toEqual({
      href: '/dossiers/id-1/etapes/person?retour=recapitulatif#champ-person-civility',
      text: 'Modifier',
      visuallyHiddenText: 'Civilité',
    });
    expect(consent.rows[0].value.text).toBe('Oui');
    expect(partProgress(parts[0], {})).toBe('todo');
    expect(partProgress(parts[0], { person: { resourcesCents: 100 } })).toBe('started');
    expect(partProgress(parts[0], data)).toBe('done');
    expect(partProgress(parts[1], {})).toBe('done'); // nothing required there
  });

  it('lists the parts as a task list, « check and send » reachable once every part is done', () => {
    const started = taskListView('id-1', parts, { person: { civility: 'madame' } });
    expect(started.items.map((item) => [item.title.text, item.href])).toEqual([
      ['Identité', '/dossiers/id-1/etapes/person'],
      ['Acceptez-vous ?', '/dossiers/id-1/etapes/consent'],
      ['Vérifier vos réponses et envoyer la demande', ''],
    ]);
    expect(started.items[0].status).toEqual({ tag: { text: 'En cours', classes: 'govuk-tag--light-blue' } });
    const ready = taskListView('id-1', parts, { person: { civility: 'madame', birthDate: '1941-03-02' } });
    expect(ready.items[2].href).toBe('/dossiers/id-1/recapitulatif');
    expect([ready.done, ready.total]).toEqual([2, 2]);
  });
});
