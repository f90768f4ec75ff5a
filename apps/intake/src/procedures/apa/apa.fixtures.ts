import type { ApaForm } from './apa.form.js';

/**
 * A complete APA request that every rule accepts without a warning, as the plain data a front end sends: Jeanne
 * Martin, 85, living alone in Bayeux (14047), filed by her daughter. Tests override only what they are about;
 * every call returns a fresh object.
 */
export function validApaFormData(): ApaForm {
  return {
    beneficiary: {
      civility: 'madame',
      firstName: 'Jeanne',
      lastName: 'Martin',
      birthName: 'Lefèvre',
      birthDate: '1941-03-14',
      nationality: 'francaise',
    },
    address: {
      line1: '12 rue Saint-Jean',
      postalCode: '14400',
      communeInsee: '14047',
    },
    filer: {
      kind: 'relative',
      firstName: 'Marie',
      lastName: 'Dupont',
      relationship: 'fille',
      email: 'marie.dupont@example.fr',
      phone: '06 12 34 56 78',
    },
    household: { situation: 'alone', livesWith: 'alone' },
    resources: { monthlyResourcesCents: 150_000, taxNoticeYear: 2026 },
    currentHelp: { homeHelp: true, nursing: false },
    otherBenefits: ['aucune'],
    autonomy: {
      needsHelpWashing: true,
      needsHelpDressing: true,
      needsHelpEating: false,
      needsHelpMoving: true,
      needsHelpGoingOut: true,
      isolated: false,
    },
    consentDataExchange: true,
  };
}
