import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { ValidationError } from 'class-validator';
import { InMemoryCommuneDirectory, etalabCommuneDirectory, parisDate } from '#domain';
import { toErrorDetails } from '#platform';
import { describeProcedure } from '../procedure-description.js';
import type { ProcedureContext } from '../procedure.js';
import { validApaFormData } from './apa.fixtures.js';
import { ApaForm } from './apa.form.js';
import { apaProcedure } from './apa.procedure.js';

const bayeux = {
  code: '14047',
  name: 'Bayeux',
  departement: '14',
  population: 12659,
  postalCodes: ['14400'],
  isCommuneNouvelle: false,
  epci: undefined,
};
const context: ProcedureContext = {
  today: '2026-11-23',
  settings: { servedDepartements: ['14'], apcrPopulationThreshold: 2000, apcrAdmitCommunesNouvelles: true },
  communes: new InMemoryCommuneDirectory([bayeux]),
};

function validate(data: unknown, partial = false): ValidationError[] {
  return validateSync(plainToInstance(ApaForm, data), {
    whitelist: true,
    forbidNonWhitelisted: true,
    skipMissingProperties: partial,
  });
}

/** The dotted paths of the faulty fields, as the platform reports them (a field may break several constraints). */
function failures(errors: ValidationError[]): string[] {
  return [...new Set(toErrorDetails(errors).map((detail) => detail.field))].sort();
}

describe('APA form (class-validator)', () => {
  it('accepts the complete fixture, with nothing unknown', () => {
    expect(validate(validApaFormData())).toEqual([]);
  });

  it('accepts a couple with a spouse, a self filer and every optional field', () => {
    const form = {
      ...validApaFormData(),
      filer: { kind: 'self' },
      household: { situation: 'couple', livesWith: 'spouse' },
      spouse: { firstName: 'Paul', lastName: 'Martin', birthDate: '1939-07-02' },
      otherBenefits: ['pch', 'caisse_retraite'],
    };
    form.beneficiary = { ...form.beneficiary, email: 'jeanne@example.fr', phone: '+33 2 31 57 14 14' };
    expect(validate(form)).toEqual([]);
  });

  it('reports each broken field on its dotted path', () => {
    const broken = {
      ...validApaFormData(),
      beneficiary: { ...validApaFormData().beneficiary, civility: 'mademoiselle', birthDate: '1941-02-30' },
      address: { line1: '12 rue Saint-Jean', postalCode: '144', communeInsee: 'Bayeux' },
      filer: { kind: 'relative', email: 'pas-une-adresse' },
      resources: { monthlyResourcesCents: 1500.5 },
      otherBenefits: ['rsa'],
      autonomy: { ...validApaFormData().autonomy, isolated: 'oui' },
      shoeSize: 42,
    };
    expect(failures(validate(broken))).toEqual([
      'address.communeInsee',
      'address.postalCode',
      'autonomy.isolated',
      'beneficiary.birthDate',
      'beneficiary.civility',
      'filer.email',
      'filer.firstName',
      'filer.lastName',
      'otherBenefits',
      'resources.monthlyResourcesCents',
      'shoeSize',
    ]);
  });

  it('says in French what is wrong, with the messages the form sets itself', () => {
    const broken = {
      ...validApaFormData(),
      address: { ...validApaFormData().address, communeInsee: 'Bayeux' },
    };
    broken.beneficiary.birthDate = '1941-02-30';
    const details = toErrorDetails(validate(broken));
    expect(details).toEqual(
      expect.arrayContaining([
        { field: 'address.communeInsee', reason: 'doit être un code INSEE de commune (5 caractères)' },
        { field: 'beneficiary.birthDate', reason: 'doit être une date qui existe dans le calendrier' },
      ]),
    );
    const badFormat = toErrorDetails(
      validate({ ...validApaFormData(), spouse: { firstName: 'P', lastName: 'M', birthDate: '02/07/1939' } }),
    );
    expect(badFormat).toEqual([
      { field: 'spouse.birthDate', reason: 'doit être une date au format AAAA-MM-JJ' },
    ]);
  });

  it('refuses a birth date after today, for the beneficiary and the spouse, as soon as the draft is saved', () => {
    const tomorrow = new Date(Date.now() + 36 * 3_600_000).toISOString().slice(0, 10);
    const form = validApaFormData();
    form.beneficiary.birthDate = tomorrow;
    const details = toErrorDetails(
      validate({ ...form, spouse: { firstName: 'Paul', lastName: 'Martin', birthDate: '2999-01-01' } }),
    );
    expect(details).toEqual([
      { field: 'beneficiary.birthDate', reason: 'ne peut pas être une date future' },
      { field: 'spouse.birthDate', reason: 'ne peut pas être une date future' },
    ]);
  });

  it('asks the names of a third-party filer, not of a beneficiary filing alone', () => {
    expect(failures(validate({ ...validApaFormData(), filer: { kind: 'guardian' } }))).toEqual([
      'filer.firstName',
      'filer.lastName',
    ]);
    expect(validate({ ...validApaFormData(), filer: { kind: 'self' } })).toEqual([]);
  });

  it('reports a missing part on the part itself at submission', () => {
    const parts: Partial<ApaForm> = validApaFormData();
    delete parts.address;
    delete parts.household;
    expect(failures(validate(parts))).toEqual(['address', 'household']);
  });

  it('lets a draft hold a single part (missing ones are skipped), but not a malformed one', () => {
    expect(validate({ beneficiary: validApaFormData().beneficiary }, true)).toEqual([]);
    expect(
      failures(validate({ address: { ...validApaFormData().address, communeInsee: 'Bayeux' } }, true)),
    ).toEqual(['address.communeInsee']);
  });
});

describe('validApaFormData', () => {
  it('is eligible today against the official communes, without warning (other tests file it as is)', () => {
    const official = { ...context, today: parisDate(new Date()), communes: etalabCommuneDirectory() };
    expect(apaProcedure.checkEligibility(validApaFormData(), official)).toEqual({
      refusals: [],
      warnings: [],
    });
  });
});

describe('apaProcedure', () => {
  it('decides in 2 months from the complete file; silence grants the flat rate', () => {
    expect(apaProcedure.deadline).toMatchObject({
      months: 2,
      silenceMeans: 'granted',
      infoRequestEffect: 'restarts',
    });
    expect(apaProcedure.deadline.legalBasis).toContain('L232-14');
  });

  it('projects the commune, small facts without identity, the contact e-mail and a label', () => {
    const form = plainToInstance(ApaForm, validApaFormData());
    const projection = apaProcedure.project(form, context);
    expect(projection).toEqual({
      commune: bayeux,
      facts: {
        age: 85,
        household: 'alone',
        monthlyResourcesCents: 150_000,
        filedBy: 'relative',
        receivesOtherBenefit: false,
      },
      contactEmail: 'marie.dupont@example.fr',
      label: 'APA — Jeanne MARTIN',
    });
    expect(JSON.stringify(projection.facts)).not.toMatch(/Martin|Jeanne|Dupont|1941/);
  });

  it('writes to the beneficiary filing alone, and reports other benefits as a yes/no', () => {
    const form = { ...validApaFormData(), filer: { kind: 'self' as const }, otherBenefits: ['mtp' as const] };
    form.beneficiary.email = 'jeanne.martin@example.fr';
    const projection = apaProcedure.project(form, context);
    expect(projection.contactEmail).toBe('jeanne.martin@example.fr');
    expect(projection.facts).toMatchObject({ filedBy: 'self', receivesOtherBenefit: true });
  });

  it('leaves the contact e-mail out when the person is reached by phone', () => {
    const form = validApaFormData();
    form.filer.email = undefined;
    expect(apaProcedure.project(form, context)).not.toHaveProperty('contactEmail');
  });

  it('describes its form as JSON Schema, parts included', () => {
    const description = describeProcedure(apaProcedure, context.settings, context.communes);
    expect(Object.keys(description.form.properties ?? {})).toEqual(
      expect.arrayContaining([
        'beneficiary',
        'address',
        'filer',
        'household',
        'spouse',
        'resources',
        'autonomy',
      ]),
    );
    expect(Object.keys(description.form.definitions)).toEqual(
      expect.arrayContaining(['ApaBeneficiary', 'ApaAddress', 'ApaFiler', 'ApaSpouse', 'ApaAutonomy']),
    );
  });
});
