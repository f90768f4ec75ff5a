import { TEST_CONTEXT, TEST_SETTINGS, TEST_TODAY } from '../../../test/procedure-context.fixture.js';
import type { ProcedureSettings } from '../procedure.js';
import { validApcrFormData } from './apcr.fixtures.js';
import type { ApcrForm } from './apcr.form.js';
import { checkApcrEligibility, ownSharePercent } from './apcr.rules.js';

const settings = TEST_SETTINGS;
const TODAY = TEST_TODAY;
const context = TEST_CONTEXT;

/** The fixture on 23 November 2026: cost 24 000 €, asked 12 000 €, own 6 000 €, State 6 000 € (25 %). */
function formWith(change: (form: ApcrForm) => void): ApcrForm {
  const form = validApcrFormData(TODAY);
  change(form);
  return form;
}

interface Case {
  name: string;
  change: (form: ApcrForm) => void;
  refusals?: [field: string, code: string][];
  warnings?: [field: string, code: string][];
  settings?: Partial<ProcedureSettings>;
}

const cases: Case[] = [
  {
    name: 'accepts the complete fixture without a word (Ablon, 1 166 inhabitants, 25 % own share)',
    change: () => {},
  },
  {
    name: 'refuses an INSEE code that is no current commune',
    change: (f) => void (f.commune.inseeCode = '14999'),
    refusals: [['commune.inseeCode', 'COMMUNE_UNKNOWN']],
  },
  {
    name: 'refuses a commune outside the served départements (Paris)',
    change: (f) => void (f.commune.inseeCode = '75056'),
    refusals: [['commune.inseeCode', 'COMMUNE_OUTSIDE_DEPARTEMENT']],
  },
  {
    name: 'refuses a commune of 2 000 inhabitants or more (Bayeux, 12 659)',
    change: (f) => void (f.commune.inseeCode = '14047'),
    refusals: [['commune.inseeCode', 'APCR_POPULATION_TOO_HIGH']],
  },
  {
    name: 'admits a commune nouvelle above the threshold (Souleuvre en Bocage, 8 629)',
    change: (f) => void (f.commune.inseeCode = '14061'),
  },
  {
    name: 'refuses that commune nouvelle when they are not admitted',
    change: (f) => void (f.commune.inseeCode = '14061'),
    settings: { apcrAdmitCommunesNouvelles: false },
    refusals: [['commune.inseeCode', 'APCR_POPULATION_TOO_HIGH']],
  },
  {
    name: 'reads the threshold from the settings: Ablon (1 166) refused under a 1 166 threshold, strictly below',
    change: () => {},
    settings: { apcrPopulationThreshold: 1166 },
    refusals: [['commune.inseeCode', 'APCR_POPULATION_TOO_HIGH']],
  },
  {
    name: 'refuses a commune without population data, asking to contact the service',
    change: (f) => void (f.commune.inseeCode = '14998'),
    refusals: [['commune.inseeCode', 'APCR_POPULATION_UNKNOWN']],
  },
  {
    name: 'accepts a cost of exactly 3 000 € HT (asked 1 500 €, own 750 €, State 750 €)',
    change: (f) => {
      f.project.costExcludingTaxCents = 300_000;
      f.financing = {
        requestedAmountCents: 150_000,
        ownFundingCents: 75_000,
        otherGrants: [{ funder: 'État', amountCents: 75_000, status: 'obtained' }],
      };
    },
  },
  {
    name: 'refuses a cost of 2 999,99 € HT',
    change: (f) => {
      f.project.costExcludingTaxCents = 299_999;
      f.financing = { requestedAmountCents: 149_999, ownFundingCents: 150_000, otherGrants: [] };
    },
    refusals: [['project.costExcludingTaxCents', 'APCR_COST_TOO_LOW']],
  },
  {
    name: 'refuses a request of 0 €',
    change: (f) => Object.assign(f.financing, { requestedAmountCents: 0, ownFundingCents: 1_800_000 }),
    refusals: [['financing.requestedAmountCents', 'APCR_REQUESTED_AMOUNT_MISSING']],
  },
  {
    name: 'refuses a request above the cost (25 000 € asked for 24 000 € of works), then also the own share',
    change: (f) =>
      Object.assign(f.financing, { requestedAmountCents: 2_500_000, ownFundingCents: 0, otherGrants: [] }),
    refusals: [
      ['financing.requestedAmountCents', 'APCR_REQUESTED_ABOVE_COST'],
      ['financing.ownFundingCents', 'APCR_OWN_SHARE_TOO_LOW'],
    ],
    warnings: [['financing', 'APCR_FINANCING_MISMATCH']],
  },
  {
    name: 'accepts an own share of exactly 20 % (4 800 € of 24 000 €)',
    change: (f) => Object.assign(f.financing, { ownFundingCents: 480_000, requestedAmountCents: 1_320_000 }),
  },
  {
    name: 'refuses an own share just under 20 % (4 799,99 € of 24 000 €: 19,99 %), CGCT L1111-10',
    change: (f) => Object.assign(f.financing, { ownFundingCents: 479_999, requestedAmountCents: 1_320_001 }),
    refusals: [['financing.ownFundingCents', 'APCR_OWN_SHARE_TOO_LOW']],
  },
  {
    name: 'counts every other grant, requested or obtained, in the public financing (6 000 € of 36 000 €: 16 %)',
    change: (f) => {
      f.project.costExcludingTaxCents = 3_600_000;
      f.financing.otherGrants.push({
        funder: 'Région Normandie',
        amountCents: 1_200_000,
        status: 'obtained',
      });
    },
    refusals: [['financing.ownFundingCents', 'APCR_OWN_SHARE_TOO_LOW']],
  },
  {
    name: 'warns, without refusing, when the financing plan does not add up to the cost (30 000 € of works)',
    change: (f) => void (f.project.costExcludingTaxCents = 3_000_000),
    warnings: [['financing', 'APCR_FINANCING_MISMATCH']],
  },
  {
    name: 'warns when works start the day before the expected decision (23 January 2027 = 23 November + 2 months)',
    change: (f) => void (f.project.plannedStartDate = '2027-01-22'),
    warnings: [['project.plannedStartDate', 'APCR_WORKS_BEFORE_DECISION']],
  },
  {
    name: 'accepts works starting on the day of the expected decision',
    change: (f) => void (f.project.plannedStartDate = '2027-01-23'),
  },
  {
    name: 'accepts a deliberation dated on the filing date',
    change: (f) => void (f.councilDeliberationDate = TODAY),
  },
  {
    name: 'refuses a deliberation dated after the filing date',
    change: (f) => void (f.councilDeliberationDate = '2026-11-24'),
    refusals: [['councilDeliberationDate', 'APCR_DELIBERATION_IN_FUTURE']],
  },
];

describe('APCR eligibility (filing on 23 November 2026, Guichet serving the Calvados)', () => {
  it.each(cases)('$name', ({ change, refusals = [], warnings = [], settings: override }) => {
    const result = checkApcrEligibility(formWith(change), {
      ...context,
      settings: { ...settings, ...override },
    });
    expect(result.refusals.map((finding) => [finding.field, finding.code])).toEqual(refusals);
    expect(result.warnings.map((finding) => [finding.field, finding.code])).toEqual(warnings);
  });
});

describe('APCR messages a mayor understands', () => {
  const findings = (change: (form: ApcrForm) => void) => checkApcrEligibility(formWith(change), context);
  // Intl writes French amounts with narrow no-break spaces: compare on plain spaces.
  const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

  it('names the population of a commune too large', () => {
    const [refusal] = findings((f) => void (f.commune.inseeCode = '14047')).refusals;
    expect(plain(refusal.message)).toContain('moins de 2 000 habitants');
    expect(plain(refusal.message)).toContain('Bayeux en compte 12 659');
  });

  it('gives the own share figures in euros and what would be enough', () => {
    const [refusal] = findings((f) =>
      Object.assign(f.financing, { ownFundingCents: 300_000, requestedAmountCents: 1_500_000 }),
    ).refusals;
    // 3 000 € of 24 000 € = 12,5 % → 12 %; with 21 000 € from the others, a quarter is 5 250 €.
    expect(plain(refusal.message)).toContain('3 000,00 € sur 24 000,00 €, soit 12 %');
    expect(plain(refusal.message)).toContain('au moins 5 250,00 € de fonds propres');
    expect(refusal.message).toContain('L1111-10');
  });

  it('gives the minimum cost in euros', () => {
    const [refusal] = findings((f) => void (f.project.costExcludingTaxCents = 250_000)).refusals;
    expect(plain(refusal.message)).toContain('au moins 3 000,00 € HT');
    expect(plain(refusal.message)).toContain('2 500,00 € HT');
  });

  it('tells that works must wait for the notification, with the dates', () => {
    const [warning] = findings((f) => void (f.project.plannedStartDate = '2026-12-01')).warnings;
    expect(warning.message).toMatch(
      /^Les travaux ne doivent pas commencer avant la notification de la subvention/,
    );
    expect(warning.message).toContain('23 janvier 2027');
    expect(warning.message).toContain('1 décembre 2026');
  });
});

describe('ownSharePercent', () => {
  it.each([
    ['25 % in the fixture (6 000 € of 24 000 €)', 600_000, 1_200_000, [600_000], 25],
    ['19,99 % rounds down, it is not 20 %', 479_999, 1_320_001, [600_000], 19],
    ['0 without any financing', 0, 0, [], 0],
  ])('%s', (_what, ownFundingCents, requestedAmountCents, others, expected) => {
    const otherGrants = others.map((amountCents) => ({
      funder: 'État',
      amountCents,
      status: 'requested' as const,
    }));
    expect(ownSharePercent({ ownFundingCents, requestedAmountCents, otherGrants })).toBe(expected);
  });
});
