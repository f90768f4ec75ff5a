import { addDays, addMonths, ageOn, frenchDate } from '#domain';
import type { Commune, CommuneDirectory, LegalDate } from '#domain';
import { servedDepartementsLabel } from '../form-fields.js';
import type { EligibilityResult, ProcedureContext, ProcedureSettings, RuleFinding } from '../procedure.js';
import type { ApaAddress, ApaAutonomy, ApaForm } from './apa.form.js';

/** CASF L232-1: the APA is for people aged 60 or more. */
export const APA_MINIMUM_AGE = 60;

/** The day a person born on `birthDate` turns `age` (born on 29 February: 1 March in common years, as `ageOn`). */
export function birthdayAt(birthDate: LegalDate, age: number): LegalDate {
  const sameDay = addMonths(birthDate, age * 12);
  return ageOn(birthDate, sameDay) >= age ? sameDay : addDays(sameDay, 1);
}

/** CASF L232-1: the beneficiary is 60 or more on the filing date. */
export function checkAge(birthDate: LegalDate, today: LegalDate): RuleFinding[] {
  const field = 'beneficiary.birthDate';
  if (birthDate > today) {
    return [
      {
        field,
        code: 'BIRTH_DATE_IN_FUTURE',
        message: `La date de naissance indiquée (${frenchDate(birthDate)}) est postérieure à aujourd’hui : vérifiez-la.`,
      },
    ];
  }
  const age = ageOn(birthDate, today);
  if (age >= APA_MINIMUM_AGE) return [];
  return [
    {
      field,
      code: 'APA_TOO_YOUNG',
      message:
        `L’APA est réservée aux personnes de ${APA_MINIMUM_AGE} ans ou plus (article L232-1 du code de l’action ` +
        `sociale et des familles). Le bénéficiaire a ${age} ans aujourd’hui : la demande pourra être faite à partir ` +
        `du ${frenchDate(birthdayAt(birthDate, APA_MINIMUM_AGE))}.`,
    },
  ];
}

/**
 * The home commune is a current commune of a département this Guichet serves: the APA is paid by the département
 * of the *domicile de secours* (CASF L122-2, acquired after 3 months of residence), and the postal code belongs to
 * that commune (a postal code covers several communes, the INSEE code decides).
 */
export function checkHomeCommune(
  address: ApaAddress,
  communes: CommuneDirectory,
  settings: ProcedureSettings,
): RuleFinding[] {
  const commune = communes.find(address.communeInsee);
  if (!commune) {
    return [
      {
        field: 'address.communeInsee',
        code: 'COMMUNE_UNKNOWN',
        message:
          `Le code ${address.communeInsee} ne correspond à aucune commune actuelle. Indiquez le code INSEE de la ` +
          `commune (il diffère souvent du code postal) : choisissez-la dans la liste proposée.`,
      },
    ];
  }
  const findings: RuleFinding[] = [];
  if (!settings.servedDepartements.includes(commune.departement)) {
    findings.push({
      field: 'address.communeInsee',
      code: 'COMMUNE_OUTSIDE_DEPARTEMENT',
      message:
        `Ce téléservice instruit les demandes ${servedDepartementsLabel(settings)} ; ${commune.name} ` +
        `(${commune.code}) est dans le département ${commune.departement}. Adressez la demande d’APA au conseil ` +
        `départemental de ce département.`,
    });
  }
  if (!commune.postalCodes.includes(address.postalCode))
    findings.push(postalCodeMismatch(address.postalCode, commune));
  return findings;
}

function postalCodeMismatch(postalCode: string, commune: Commune): RuleFinding {
  const known = commune.postalCodes.join(', ');
  return {
    field: 'address.postalCode',
    code: 'POSTAL_CODE_MISMATCH',
    message: `Le code postal ${postalCode} n’est pas celui de ${commune.name} (${known || 'aucun code postal connu'}) : vérifiez l’adresse.`,
  };
}

/** Cerfa 16301*01: the spouse or partner is identified when the beneficiary lives as a couple. */
export function checkSpouse(form: Pick<ApaForm, 'household' | 'spouse'>): RuleFinding[] {
  if (form.household.situation !== 'couple' || form.spouse) return [];
  return [
    {
      field: 'spouse',
      code: 'APA_SPOUSE_MISSING',
      message:
        'Vous avez indiqué vivre en couple : renseignez l’identité du conjoint, concubin ou partenaire de PACS ' +
        '(ses ressources comptent dans le calcul de la participation).',
    },
  ];
}

/** How to reach the person who follows the request: the beneficiary when they file themselves, else the filer. */
export interface ApaContact {
  /** The form field a missing contact is reported on. */
  field: 'beneficiary.email' | 'filer.email';
  email?: string;
  phone?: string;
}

/** The beneficiary filing for themselves may have typed their contact in either part of the form. */
export function contactOf(form: Pick<ApaForm, 'beneficiary' | 'filer'>): ApaContact {
  const { beneficiary, filer } = form;
  if (filer.kind !== 'self') return { field: 'filer.email', email: filer.email, phone: filer.phone };
  return {
    field: 'beneficiary.email',
    email: beneficiary.email ?? filer.email,
    phone: beneficiary.phone ?? filer.phone,
  };
}

/** CASF R232-23: the département acknowledges the file or asks what is missing; it needs a way to do so. */
export function checkContact(form: Pick<ApaForm, 'beneficiary' | 'filer'>): RuleFinding[] {
  const contact = contactOf(form);
  if (contact.email || contact.phone) return [];
  const whom = form.filer.kind === 'self' ? 'vous joindre' : 'joindre la personne qui dépose la demande';
  return [
    {
      field: contact.field,
      code: 'CONTACT_MISSING',
      message: `Indiquez une adresse e-mail ou un numéro de téléphone pour ${whom} : le Département en a besoin pour suivre la demande.`,
    },
  ];
}

/** « Aucune » (none) cannot be ticked with a benefit: the answer would contradict itself. */
export function checkOtherBenefits(otherBenefits: readonly string[]): RuleFinding[] {
  if (!otherBenefits.includes('aucune') || otherBenefits.length === 1) return [];
  return [
    {
      field: 'otherBenefits',
      code: 'APA_OTHER_BENEFITS_CONTRADICTORY',
      message:
        'Vous avez coché « aucune » et une autre aide : gardez « aucune » seule, ou seulement les aides perçues.',
    },
  ];
}

/** At least one need for personal help in daily life (isolation alone is not one). */
export function declaresANeed(autonomy: ApaAutonomy): boolean {
  return (
    autonomy.needsHelpWashing ||
    autonomy.needsHelpDressing ||
    autonomy.needsHelpEating ||
    autonomy.needsHelpMoving ||
    autonomy.needsHelpGoingOut
  );
}

/**
 * Cerfa 16301*01 is shared with the pension funds: with no need declared, the person is probably GIR 5–6, outside
 * the APA (CASF R232-4: GIR 1 to 4 only) and within the pension fund's home aid. The request is still passed on:
 * only the evaluation at home decides the GIR.
 */
export function autonomyWarnings(autonomy: ApaAutonomy): RuleFinding[] {
  if (declaresANeed(autonomy)) return [];
  return [
    {
      field: 'autonomy',
      code: 'APA_AUTONOMY_CAISSE',
      message:
        'Aucun besoin d’aide n’est déclaré pour les gestes du quotidien : votre demande relève peut-être de l’aide ' +
        'à domicile de votre caisse de retraite plutôt que de l’APA. La demande est transmise : l’évaluation à ' +
        'domicile le dira.',
    },
  ];
}

/** Refusing the exchange of data is a right; the documents must then be asked for, which takes longer. */
export function consentWarnings(consentDataExchange: boolean): RuleFinding[] {
  if (consentDataExchange) return [];
  return [
    {
      field: 'consentDataExchange',
      code: 'APA_NO_DATA_EXCHANGE',
      message:
        'Sans votre accord pour l’échange de données avec les caisses de retraite et les administrations, des ' +
        'justificatifs vous seront demandés : l’instruction de la demande sera plus longue.',
    },
  ];
}

/** Every APA rule on a complete form: refusals block the filing, warnings are shown with the receipt. */
export function checkApaEligibility(form: ApaForm, context: ProcedureContext): EligibilityResult {
  return {
    refusals: [
      ...checkAge(form.beneficiary.birthDate, context.today),
      ...checkHomeCommune(form.address, context.communes, context.settings),
      ...checkSpouse(form),
      ...checkContact(form),
      ...checkOtherBenefits(form.otherBenefits),
    ],
    warnings: [...autonomyWarnings(form.autonomy), ...consentWarnings(form.consentDataExchange)],
  };
}
