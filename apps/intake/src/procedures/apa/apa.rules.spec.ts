import { TEST_CONTEXT, TEST_SETTINGS } from '../../../test/procedure-context.fixture.js';
import type { ProcedureContext } from '../procedure.js';
import { validApaFormData } from './apa.fixtures.js';
import type { ApaForm } from './apa.form.js';
import { birthdayAt, checkApaEligibility } from './apa.rules.js';

const settings = TEST_SETTINGS;
const context = TEST_CONTEXT;

function formWith(change: (form: ApaForm) => void): ApaForm {
  const form = validApaFormData();
  change(form);
  return form;
}

interface Case {
  name: string;
  change: (form: ApaForm) => void;
  refusals?: [field: string, code: string][];
  warnings?: [field: string, code: string][];
  context?: Partial<ProcedureContext>;
}

const cases: Case[] = [
  {
    name: 'accepts the complete fixture without a word (85, Bayeux, filed by her daughter)',
    change: () => {},
  },
  {
    name: 'accepts a person turning 60 on the filing date (CASF L232-1: 60 or more)',
    change: (f) => void (f.beneficiary.birthDate = '1966-11-23'),
  },
  {
    name: 'refuses a person turning 60 tomorrow: 59 on the filing date',
    change: (f) => void (f.beneficiary.birthDate = '1966-11-24'),
    refusals: [['beneficiary.birthDate', 'APA_TOO_YOUNG']],
  },
  {
    name: 'refuses a birth date after the filing date instead of computing a negative age',
    change: (f) => void (f.beneficiary.birthDate = '2027-01-01'),
    refusals: [['beneficiary.birthDate', 'BIRTH_DATE_IN_FUTURE']],
  },
  {
    name: 'refuses an INSEE code that is no current commune (14999)',
    change: (f) => void (f.address.communeInsee = '14999'),
    refusals: [['address.communeInsee', 'COMMUNE_UNKNOWN']],
  },
  {
    name: 'refuses a home outside the served départements (Paris, 75)',
    change: (f) => Object.assign(f.address, { communeInsee: '75056', postalCode: '75016' }),
    refusals: [['address.communeInsee', 'COMMUNE_OUTSIDE_DEPARTEMENT']],
  },
  {
    name: 'accepts Paris when the Guichet serves 75 too',
    change: (f) => Object.assign(f.address, { communeInsee: '75056', postalCode: '75016' }),
    context: { settings: { ...settings, servedDepartements: ['14', '75'] } },
  },
  {
    name: 'refuses a postal code of another commune (14000 is Caen, not Bayeux)',
    change: (f) => void (f.address.postalCode = '14000'),
    refusals: [['address.postalCode', 'POSTAL_CODE_MISMATCH']],
  },
  {
    name: 'accepts the second postal code of a commune nouvelle (Souleuvre en Bocage, 14350)',
    change: (f) => Object.assign(f.address, { communeInsee: '14061', postalCode: '14350' }),
  },
  {
    name: 'refuses a couple without the spouse',
    change: (f) => Object.assign(f.household, { situation: 'couple', livesWith: 'spouse' }),
    refusals: [['spouse', 'APA_SPOUSE_MISSING']],
  },
  {
    name: 'accepts a couple with the spouse',
    change: (f) => {
      f.household = { situation: 'couple', livesWith: 'spouse' };
      f.spouse = { firstName: 'Paul', lastName: 'Martin', birthDate: '1939-07-02' };
    },
  },
  {
    name: 'refuses a relative filing with neither e-mail nor phone',
    change: (f) => Object.assign(f.filer, { email: undefined, phone: undefined }),
    refusals: [['filer.email', 'CONTACT_MISSING']],
  },
  {
    name: 'accepts a relative reachable by phone only',
    change: (f) => void (f.filer.email = undefined),
  },
  {
    name: 'refuses a beneficiary filing alone with no way to reach them',
    change: (f) => (f.filer = { kind: 'self' }),
    refusals: [['beneficiary.email', 'CONTACT_MISSING']],
  },
  {
    name: 'accepts a beneficiary filing alone with their e-mail',
    change: (f) => {
      f.filer = { kind: 'self' };
      f.beneficiary.email = 'jeanne.martin@example.fr';
    },
  },
  {
    name: 'refuses « aucune » ticked with another benefit',
    change: (f) => (f.otherBenefits = ['aucune', 'pch']),
    refusals: [['otherBenefits', 'APA_OTHER_BENEFITS_CONTRADICTORY']],
  },
  {
    name: 'warns, without refusing, when no need for help is declared (the pension fund may be competent)',
    change: (f) =>
      Object.assign(f.autonomy, {
        needsHelpWashing: false,
        needsHelpDressing: false,
        needsHelpEating: false,
        needsHelpMoving: false,
        needsHelpGoingOut: false,
      }),
    warnings: [['autonomy', 'APA_AUTONOMY_CAISSE']],
  },
  {
    name: 'still warns when isolation is the only answer: it is not a need for personal help',
    change: (f) =>
      (f.autonomy = {
        needsHelpWashing: false,
        needsHelpDressing: false,
        needsHelpEating: false,
        needsHelpMoving: false,
        needsHelpGoingOut: false,
        isolated: true,
      }),
    warnings: [['autonomy', 'APA_AUTONOMY_CAISSE']],
  },
  {
    name: 'warns, without refusing, when the data exchange is refused',
    change: (f) => void (f.consentDataExchange = false),
    warnings: [['consentDataExchange', 'APA_NO_DATA_EXCHANGE']],
  },
  {
    name: 'gives every refusal at once',
    change: (f) => {
      f.beneficiary.birthDate = '1980-01-01';
      f.address.communeInsee = '14999';
      f.household.situation = 'couple';
    },
    refusals: [
      ['beneficiary.birthDate', 'APA_TOO_YOUNG'],
      ['address.communeInsee', 'COMMUNE_UNKNOWN'],
      ['spouse', 'APA_SPOUSE_MISSING'],
    ],
  },
];

describe('APA eligibility (filing on 23 November 2026, Guichet serving the Calvados)', () => {
  it.each(cases)('$name', ({ change, refusals = [], warnings = [], context: override }) => {
    const result = checkApaEligibility(formWith(change), { ...context, ...override });
    expect(result.refusals.map((finding) => [finding.field, finding.code])).toEqual(refusals);
    expect(result.warnings.map((finding) => [finding.field, finding.code])).toEqual(warnings);
  });
});

describe('APA refusal messages a citizen understands', () => {
  function refusalMessage(change: (form: ApaForm) => void, ctx: ProcedureContext = context): string {
    return checkApaEligibility(formWith(change), ctx).refusals[0].message;
  }

  it('gives the age, the article and the date from which the request can be made', () => {
    const message = refusalMessage((f) => void (f.beneficiary.birthDate = '1966-11-24'));
    expect(message).toContain('60 ans ou plus');
    expect(message).toContain('L232-1');
    expect(message).toContain('59 ans');
    expect(message).toContain('24 novembre 2026');
  });

  it('names the département served and the commune’s own', () => {
    const change = (f: ApaForm) => Object.assign(f.address, { communeInsee: '75056', postalCode: '75016' });
    expect(refusalMessage(change)).toMatch(
      /^Ce téléservice instruit les demandes du département 14 ; Paris \(75056\) est dans le département 75/,
    );
    const two = { ...context, settings: { ...settings, servedDepartements: ['14', '50'] } };
    expect(refusalMessage(change, two)).toContain('des départements 14 et 50');
  });

  it('gives the postal codes of the commune', () => {
    expect(refusalMessage((f) => void (f.address.postalCode = '14000'))).toContain('Bayeux (14400)');
  });
});

describe('birthdayAt: the day the request becomes possible', () => {
  it.each([
    ['an ordinary birthday', '1966-11-24', 60, '2026-11-24'],
    ['29 February, reached in a leap year', '1964-02-29', 60, '2024-02-29'],
    ['29 February, reached in a common year: 1 March, as ageOn counts', '1964-02-29', 61, '2025-03-01'],
  ])('%s (born %s, aged %i on %s)', (_what, birthDate, age, expected) => {
    expect(birthdayAt(birthDate, age)).toBe(expected);
  });
});
