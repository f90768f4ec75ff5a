import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { ValidationError } from 'class-validator';
import { InMemoryCommuneDirectory, addMonths, etalabCommuneDirectory, parisDate } from '#domain';
import { toErrorDetails } from '#platform';
import { describeProcedure } from '../procedure-description.js';
import type { ProcedureContext } from '../procedure.js';
import { validApcrFormData } from './apcr.fixtures.js';
import { ApcrForm } from './apcr.form.js';
import { apcrProcedure } from './apcr.procedure.js';

const ablon = {
  code: '14001',
  name: 'Ablon',
  departement: '14',
  population: 1166,
  postalCodes: ['14600'],
  isCommuneNouvelle: false,
  epci: undefined,
};
const TODAY = '2026-11-23';
const context: ProcedureContext = {
  today: TODAY,
  settings: { servedDepartements: ['14'], apcrPopulationThreshold: 2000, apcrAdmitCommunesNouvelles: true },
  communes: new InMemoryCommuneDirectory([ablon]),
};

function validate(data: unknown): ValidationError[] {
  return validateSync(plainToInstance(ApcrForm, data), { whitelist: true, forbidNonWhitelisted: true });
}

/** The dotted paths of the faulty fields, as the platform reports them (a field may break several constraints). */
function failures(errors: ValidationError[]): string[] {
  return [...new Set(toErrorDetails(errors).map((detail) => detail.field))].sort();
}

describe('APCR form (class-validator)', () => {
  it('accepts the complete fixture, with nothing unknown', () => {
    expect(validate(validApcrFormData(TODAY))).toEqual([]);
  });

  it('accepts a financing plan without other grants and a filer without phone', () => {
    const form = validApcrFormData(TODAY);
    form.financing.otherGrants = [];
    form.filer.phone = undefined;
    expect(validate(form)).toEqual([]);
  });

  it('reports each broken field on its dotted path, inside the list of other grants too', () => {
    const valid = validApcrFormData(TODAY);
    const broken = {
      ...valid,
      commune: { inseeCode: '1400' },
      filer: { ...valid.filer, role: 'conseiller', email: undefined },
      project: { ...valid.project, category: 'voirie', title: 'x'.repeat(201), costExcludingTaxCents: -1 },
      financing: {
        ...valid.financing,
        otherGrants: [
          valid.financing.otherGrants[0],
          { funder: '', amountCents: 10.5, status: 'promised', note: 'x' },
        ],
      },
      councilDeliberationDate: '2026-13-01',
    };
    expect(failures(validate(broken))).toEqual([
      'commune.inseeCode',
      'councilDeliberationDate',
      'filer.email',
      'filer.role',
      'financing.otherGrants.1.amountCents',
      'financing.otherGrants.1.funder',
      'financing.otherGrants.1.note',
      'financing.otherGrants.1.status',
      'project.category',
      'project.costExcludingTaxCents',
      'project.title',
    ]);
  });

  it('says in French what is wrong', () => {
    const form = {
      ...validApcrFormData(TODAY),
      commune: { inseeCode: 'Ablon' },
      councilDeliberationDate: '2026-02-29',
    };
    expect(toErrorDetails(validate(form))).toEqual([
      { field: 'commune.inseeCode', reason: 'doit être un code INSEE de commune (5 caractères)' },
      { field: 'councilDeliberationDate', reason: 'doit être une date qui existe dans le calendrier' },
    ]);
  });
});

describe('validApcrFormData', () => {
  it('follows the date it is given: deliberation before, works after the expected decision', () => {
    const form = validApcrFormData(TODAY);
    expect(form.councilDeliberationDate < TODAY).toBe(true);
    expect(form.project.plannedStartDate > addMonths(TODAY, 2)).toBe(true);
  });

  it('is eligible today against the official communes, without warning (other tests file it as is)', () => {
    const today = parisDate(new Date());
    const official = { ...context, today, communes: etalabCommuneDirectory() };
    expect(apcrProcedure.checkEligibility(validApcrFormData(today), official)).toEqual({
      refusals: [],
      warnings: [],
    });
  });
});

describe('apcrProcedure', () => {
  it('decides in 2 months; silence means refusal for a grant (CRPA L231-4); a request for documents suspends', () => {
    expect(apcrProcedure.deadline).toMatchObject({
      months: 2,
      silenceMeans: 'rejected',
      infoRequestEffect: 'suspends',
      legalBasis: 'CRPA L231-4',
    });
  });

  it('projects the commune, the small facts, the filer’s e-mail and a label', () => {
    const form = plainToInstance(ApcrForm, validApcrFormData(TODAY));
    expect(apcrProcedure.project(form, context)).toEqual({
      commune: ablon,
      facts: {
        population: 1166,
        projectCategory: 'general',
        costExcludingTaxCents: 2_400_000,
        requestedAmountCents: 1_200_000,
        ownSharePercent: 25,
      },
      contactEmail: 'mairie@ablon.example.fr',
      label: 'APCR — Ablon : Réfection de la toiture de l’église Saint-Pierre',
    });
  });

  it('describes its form as JSON Schema, parts included', () => {
    const description = describeProcedure(apcrProcedure, context.settings, context.communes);
    expect(Object.keys(description.form.properties ?? {})).toEqual(
      expect.arrayContaining(['commune', 'filer', 'project', 'financing', 'councilDeliberationDate']),
    );
    expect(Object.keys(description.form.definitions)).toEqual(
      expect.arrayContaining(['ApcrCommune', 'ApcrFiler', 'ApcrProject', 'ApcrFinancing']),
    );
  });

  it('quotes the configured population threshold in its description and rules, never a fixed figure', () => {
    // Intl writes French numbers with narrow no-break spaces: compare on plain spaces.
    const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');
    const described = describeProcedure(
      apcrProcedure,
      {
        ...context.settings,
        apcrPopulationThreshold: 3500,
        apcrAdmitCommunesNouvelles: false,
      },
      context.communes,
    );
    const texts = [described.description, ...described.rules].map(plain);
    expect(texts[0]).toContain('moins de 3 500 habitants');
    expect(texts.some((text) => text.includes('moins de 3 500 habitants (population municipale).'))).toBe(
      true,
    );
    expect(texts.join(' ')).not.toContain('2 000');
    expect(plain(describeProcedure(apcrProcedure, context.settings, context.communes).description)).toContain(
      'moins de 2 000 habitants',
    );
  });
});
